//! A static file server for one directory on 127.0.0.1: Content-Types by extension, `/` and
//! `dir/` to `index.html`, 404 for what is missing, 403 for anything outside the directory.

use std::fs::File;
use std::io::Read;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::{self, JoinHandle};

use tiny_http::{Header, Method, Request, Response, ResponseBox, Server};

use crate::mime::content_type;

/// A running server; dropping it stops the server.
pub struct StaticServer {
    addr: SocketAddr,
    http: Arc<Server>,
    worker: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves the files under `root` on 127.0.0.1:`port` (0 picks a free port) from a
    /// background thread.
    pub fn start(root: &Path, port: u16) -> Result<Self, String> {
        let root = root
            .canonicalize()
            .map_err(|error| format!("cannot serve {}: {error}", root.display()))?;
        let http = Server::http(("127.0.0.1", port))
            .map_err(|error| format!("cannot listen on 127.0.0.1:{port}: {error}"))?;
        let addr = http
            .server_addr()
            .to_ip()
            .ok_or("the server is not listening on an IP address")?;
        let http = Arc::new(http);
        let requests = Arc::clone(&http);
        let worker = thread::spawn(move || {
            for request in requests.incoming_requests() {
                respond(&root, request);
            }
        });
        Ok(Self {
            addr,
            http,
            worker: Some(worker),
        })
    }

    /// The server's base URL, e.g. `http://127.0.0.1:8000/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Blocks while the server runs (until the process is killed).
    pub fn wait(mut self) {
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        if let Some(worker) = self.worker.take() {
            self.http.unblock();
            let _ = worker.join();
        }
    }
}

/// Why a request gets no file.
#[derive(Debug, PartialEq, Eq)]
enum Refusal {
    /// 400: the path is not valid percent-encoded UTF-8.
    BadRequest,
    /// 403: the path leaves the served directory.
    Forbidden,
    /// 404: no such file.
    NotFound,
}

impl Refusal {
    fn status(&self) -> (u16, &'static str) {
        match self {
            Self::BadRequest => (400, "400 Bad Request"),
            Self::Forbidden => (403, "403 Forbidden"),
            Self::NotFound => (404, "404 Not Found"),
        }
    }
}

fn respond(root: &Path, request: Request) {
    let response = match request.method() {
        Method::Get | Method::Head => match resolve(root, request.url()) {
            Ok(path) => file_response(&path),
            Err(refusal) => text_response(refusal.status()),
        },
        _ => text_response((405, "405 Method Not Allowed")),
    };
    // The browser may have gone away; there is nobody left to tell.
    let _ = request.respond(response);
}

/// The file a request URL names inside `root` (canonical), after percent-decoding.
fn resolve(root: &Path, url: &str) -> Result<PathBuf, Refusal> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path).ok_or(Refusal::BadRequest)?;
    let mut relative = PathBuf::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Err(Refusal::Forbidden),
            name => relative.push(name),
        }
    }
    if decoded.ends_with('/') {
        relative.push("index.html");
    }
    let file = root
        .join(relative)
        .canonicalize()
        .map_err(|_| Refusal::NotFound)?;
    // A symlink may still point outside the root.
    if !file.starts_with(root) {
        return Err(Refusal::Forbidden);
    }
    if !file.is_file() {
        return Err(Refusal::NotFound);
    }
    Ok(file)
}

/// Decodes `%XX` escapes; `None` for a malformed escape or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = text.bytes();
    let mut decoded = Vec::with_capacity(text.len());
    while let Some(byte) = bytes.next() {
        if byte == b'%' {
            let high = hex_digit(bytes.next()?)?;
            let low = hex_digit(bytes.next()?)?;
            decoded.push(high * 16 + low);
        } else {
            decoded.push(byte);
        }
    }
    String::from_utf8(decoded).ok()
}

fn hex_digit(byte: u8) -> Option<u8> {
    let digit = char::from(byte).to_digit(16)?;
    u8::try_from(digit).ok()
}

fn file_response(path: &Path) -> ResponseBox {
    match File::open(path) {
        Ok(file) => with_headers(Response::from_file(file), content_type(path)).boxed(),
        Err(_) => text_response(Refusal::NotFound.status()),
    }
}

fn text_response((code, text): (u16, &str)) -> ResponseBox {
    with_headers(Response::from_string(text), "text/plain; charset=utf-8")
        .with_status_code(code)
        .boxed()
}

/// Adds the Content-Type and `Cache-Control: no-store`, so a rebuilt web/pkg is always fetched.
fn with_headers<R: Read>(mut response: Response<R>, content_type: &str) -> Response<R> {
    for (field, value) in [
        ("Content-Type", content_type),
        ("Cache-Control", "no-store"),
    ] {
        // Both are fixed ASCII strings, which always make valid headers.
        if let Ok(header) = Header::from_bytes(field, value) {
            response.add_header(header);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use std::error::Error;
    use std::fs;
    use std::io::Write;
    use std::net::TcpStream;

    use super::*;

    type TestResult = Result<(), Box<dyn Error>>;

    /// A fresh temporary `site/` holding a small page, beside a `secret.txt` it must not leak;
    /// removed on drop.
    struct Site {
        base: PathBuf,
    }

    impl Site {
        fn new(test: &str) -> Result<Self, Box<dyn Error>> {
            let base = std::env::temp_dir().join(format!("xtask-{test}-{}", std::process::id()));
            let root = base.join("site");
            fs::create_dir_all(root.join("web/pkg"))?;
            fs::write(
                root.join("index.html"),
                "<!doctype html><title>home</title>",
            )?;
            fs::write(root.join("web/main.js"), "export {};")?;
            fs::write(root.join("web/pkg/app_bg.wasm"), b"\0asm\x01\0\0\0")?;
            fs::write(base.join("secret.txt"), "secret")?;
            Ok(Self { base })
        }

        fn root(&self) -> PathBuf {
            self.base.join("site")
        }

        fn serve(&self) -> Result<StaticServer, String> {
            StaticServer::start(&self.root(), 0)
        }
    }

    impl Drop for Site {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.base);
        }
    }

    /// Sends a raw GET for `path` and returns the whole reply.
    fn get(server: &StaticServer, path: &str) -> Result<String, Box<dyn Error>> {
        let mut stream = TcpStream::connect(server.addr)?;
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )?;
        let mut reply = Vec::new();
        stream.read_to_end(&mut reply)?;
        Ok(String::from_utf8_lossy(&reply).into_owned())
    }

    fn status_line(reply: &str) -> &str {
        reply.lines().next().unwrap_or_default()
    }

    #[test]
    fn root_serves_index_html_as_html() -> TestResult {
        let site = Site::new("index")?;
        let server = site.serve()?;
        let reply = get(&server, "/")?;
        assert!(status_line(&reply).contains("200"), "{reply}");
        assert!(
            reply.contains("Content-Type: text/html; charset=utf-8"),
            "{reply}"
        );
        assert!(reply.contains("<title>home</title>"), "{reply}");
        Ok(())
    }

    #[test]
    fn scripts_and_wasm_get_their_mime_types() -> TestResult {
        let site = Site::new("mime")?;
        let server = site.serve()?;
        let script = get(&server, "/web/main.js?v=2")?;
        assert!(script.contains("Content-Type: text/javascript"), "{script}");
        let wasm = get(&server, "/web/pkg/app_bg.wasm")?;
        assert!(wasm.contains("Content-Type: application/wasm"), "{wasm}");
        Ok(())
    }

    #[test]
    fn missing_file_is_404() -> TestResult {
        let site = Site::new("missing")?;
        let server = site.serve()?;
        assert!(status_line(&get(&server, "/nope.js")?).contains("404"));
        assert!(status_line(&get(&server, "/web/")?).contains("404"));
        Ok(())
    }

    #[test]
    fn traversal_is_refused_plain_or_percent_encoded() -> TestResult {
        let site = Site::new("traversal")?;
        let server = site.serve()?;
        for path in [
            "/../secret.txt",
            "/web/%2e%2e/%2E%2E/secret.txt",
            "/..%2fsecret.txt",
        ] {
            let reply = get(&server, path)?;
            assert!(status_line(&reply).contains("403"), "{path}: {reply}");
            assert!(
                !reply.contains("secret\n") && !reply.ends_with("secret"),
                "{path}"
            );
        }
        Ok(())
    }

    #[test]
    fn malformed_escape_is_400() -> TestResult {
        let site = Site::new("escape")?;
        let server = site.serve()?;
        assert!(status_line(&get(&server, "/web/%zz.js")?).contains("400"));
        Ok(())
    }

    #[test]
    fn symlink_out_of_the_root_is_refused() -> TestResult {
        let site = Site::new("symlink")?;
        let root = site.root().canonicalize()?;
        std::os::unix::fs::symlink(root.join("../secret.txt"), root.join("leak.txt"))?;
        assert_eq!(resolve(&root, "/leak.txt"), Err(Refusal::Forbidden));
        Ok(())
    }

    #[test]
    fn percent_decoding_rejects_bad_escapes() {
        assert_eq!(percent_decode("/a%20b"), Some("/a b".to_owned()));
        assert_eq!(percent_decode("/%2"), None);
        assert_eq!(percent_decode("/%+1"), None);
        assert_eq!(percent_decode("/%ff"), None);
    }
}
