//! A static file server for one directory on 127.0.0.1: a thread per connection, requests
//! parsed by `httparse`, one response per connection (`Connection: close`), Content-Types by
//! extension, 404 for what is missing, 403 for anything outside the directory.
//!
//! (tiny_http 0.12 was tried first: its connection pool can leave a browser's sixth or
//! seventh request queued forever behind idle keep-alive connections on a fresh server.)

use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crate::mime::content_type;
use crate::paths::{Refusal, resolve};

/// The longest request head read, in bytes.
const MAX_HEAD: usize = 16 * 1024;
/// How long a connection may take to send its request.
const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// The Content-Security-Policy sent with HTML pages: index.html's own `<meta>` policy (no
/// inline script, no eval beyond WebAssembly) plus what only a header can say, that no
/// other site may frame the page.
const PAGE_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; \
     base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// A running server; dropping it stops the server.
pub struct StaticServer {
    addr: SocketAddr,
    stopping: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves the files under `root` on 127.0.0.1:`port` (0 picks a free port) from
    /// background threads.
    pub fn start(root: &Path, port: u16) -> Result<Self, String> {
        let root = root
            .canonicalize()
            .map_err(|error| format!("cannot serve {}: {error}", root.display()))?;
        let listener = TcpListener::bind(("127.0.0.1", port))
            .map_err(|error| format!("cannot listen on 127.0.0.1:{port}: {error}"))?;
        let addr = listener
            .local_addr()
            .map_err(|error| format!("cannot read the listening address: {error}"))?;
        let stopping = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stopping);
        let acceptor = thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::Acquire) {
                    break;
                }
                if let Ok(stream) = stream {
                    let root = root.clone();
                    thread::spawn(move || serve_connection(&root, stream));
                }
            }
        });
        Ok(Self {
            addr,
            stopping,
            acceptor: Some(acceptor),
        })
    }

    /// The server's base URL, e.g. `http://127.0.0.1:8000/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Blocks while the server runs (until the process is killed).
    pub fn wait(mut self) {
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        if let Some(acceptor) = self.acceptor.take() {
            self.stopping.store(true, Ordering::Release);
            // Wakes the acceptor, which then sees the flag.
            let _ = TcpStream::connect(self.addr);
            let _ = acceptor.join();
        }
    }
}

/// Reads one request from `stream` and answers it; the browser may have gone away, in
/// which case there is nobody left to tell.
fn serve_connection(root: &Path, mut stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
    let Some(head) = read_head(&mut stream) else {
        return;
    };
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut request = httparse::Request::new(&mut headers);
    let (status, kind, body, head_only) = match request.parse(&head) {
        Ok(httparse::Status::Complete(_)) => {
            let method = request.method.unwrap_or_default();
            let path = request.path.unwrap_or_default();
            let head_only = method == "HEAD";
            if method != "GET" && !head_only {
                text((405, "405 Method Not Allowed"))
            } else {
                match resolve(root, path).and_then(|file| read_file(&file)) {
                    Ok((kind, body)) => ((200, "OK"), kind, body, head_only),
                    Err(refusal) => text(refusal.status()),
                }
            }
        }
        _ => text((400, "400 Bad Request")),
    };
    let _ = write_response(&mut stream, status, kind, &body, head_only);
}

/// The request head (up to and including the blank line), or `None` if the client closed,
/// stalled or sent more than [`MAX_HEAD`] bytes without finishing it.
fn read_head(stream: &mut TcpStream) -> Option<Vec<u8>> {
    let mut head = Vec::new();
    let mut chunk = [0u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let read = stream.read(&mut chunk).ok()?;
        if read == 0 || head.len() + read > MAX_HEAD {
            return None;
        }
        head.extend_from_slice(&chunk[..read]);
    }
    Some(head)
}

/// A status with a short plain-text body.
type Reply = ((u16, &'static str), &'static str, Vec<u8>, bool);

fn text((code, message): (u16, &'static str)) -> Reply {
    let reason = message
        .split_once(' ')
        .map_or(message, |(_, reason)| reason);
    (
        (code, reason),
        "text/plain; charset=utf-8",
        message.as_bytes().to_vec(),
        false,
    )
}

fn read_file(path: &PathBuf) -> Result<(&'static str, Vec<u8>), Refusal> {
    let body = fs::read(path).map_err(|_| Refusal::NotFound)?;
    Ok((content_type(path), body))
}

/// Writes the status line, `Content-Type`, `Content-Length`, `Cache-Control: no-store` (so a
/// rebuilt web/pkg is always fetched), the page policy for HTML, and `Connection: close`, then
/// the body unless `HEAD`, in one write with Nagle's algorithm off (`write!` on the stream
/// itself sent the head as a dozen small writes, which Nagle's algorithm may hold back until
/// the browser acknowledges the first).
fn write_response(
    stream: &mut TcpStream,
    (code, reason): (u16, &str),
    kind: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    let policy = if kind.starts_with("text/html") {
        format!("Content-Security-Policy: {PAGE_POLICY}\r\n")
    } else {
        String::new()
    };
    let mut response = format!(
        "HTTP/1.1 {code} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\n{policy}Connection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    if !head_only {
        response.extend_from_slice(body);
    }
    stream.set_nodelay(true)?;
    stream.write_all(&response)?;
    stream.flush()
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
        assert!(
            reply.contains(
                "Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval';"
            ),
            "{reply}"
        );
        assert!(reply.contains("frame-ancestors 'none'"), "{reply}");
        Ok(())
    }

    /// The `content` of `html`'s `<meta http-equiv="Content-Security-Policy">`.
    fn meta_policy(html: &str) -> Option<&str> {
        let tag = &html[html.find("http-equiv=\"Content-Security-Policy\"")?..];
        let content = &tag[..tag.find('>')?];
        let value = &content[content.find("content=\"")? + "content=\"".len()..];
        Some(&value[..value.find('"')?])
    }

    /// A policy's directives, trimmed, in order.
    fn directives(policy: &str) -> Vec<&str> {
        policy
            .split(';')
            .map(str::trim)
            .filter(|directive| !directive.is_empty())
            .collect()
    }

    #[test]
    fn header_policy_is_index_html_meta_policy_plus_frame_ancestors() -> TestResult {
        // the repository's own page, served as `cargo xtask serve` serves it
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let server = StaticServer::start(&root, 0)?;
        let reply = get(&server, "/")?;
        let (head, body) = reply.split_once("\r\n\r\n").ok_or("no end of head")?;
        let header = head
            .lines()
            .find_map(|line| line.strip_prefix("Content-Security-Policy: "))
            .ok_or("no Content-Security-Policy header")?;
        let meta = meta_policy(body).ok_or("index.html has no CSP meta tag")?;
        // frame-ancestors is ignored in a <meta> policy: only the header can carry it
        let mut expected = directives(meta);
        expected.push("frame-ancestors 'none'");
        assert_eq!(directives(header), expected);
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
}
