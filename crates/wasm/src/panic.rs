//! What a panic (always a bug) does in the browser: its message goes to the console and to
//! the listener the page registers with `onPanic`, and then the call traps, throwing a
//! `WebAssembly.RuntimeError`; the instance is unusable after that, so the page shows its crash
//! overlay. With the `test-hooks` feature, which only test builds enable, `forcePanic` panics
//! on purpose so that the page's handling can be tested.

use std::cell::RefCell;

use js_sys::Function;
use wasm_bindgen::prelude::{JsValue, wasm_bindgen};

thread_local! {
    /// The page's panic listener, if it registered one.
    static LISTENER: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Calls `listener(message)` with the panic message (`panicked at file:line:column:` and the
/// message) when code in this module panics, just before the call that panicked throws a
/// `WebAssembly.RuntimeError`. After that no call into the module may be made. Replaces a
/// listener registered earlier.
#[wasm_bindgen(js_name = onPanic)]
pub fn on_panic(listener: Function) {
    LISTENER.with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            *slot = Some(listener);
        }
    });
}

/// Sends panics to the console (with their message, not just "unreachable") and to the
/// page's listener.
pub(crate) fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let message = JsValue::from_str(&info.to_string());
        LISTENER.with(|slot| {
            if let Some(listener) = slot.try_borrow().ok().as_deref().and_then(Option::as_ref) {
                // A listener that throws cannot be helped: the call traps next anyway.
                let _ = listener.call1(&JsValue::NULL, &message);
            }
        });
    }));
}

/// Panics with `message`, as a bug would: for tests of the page's crash handling. Only in
/// builds with the `test-hooks` feature.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = forcePanic)]
pub fn force_panic(message: &str) {
    panic!("{message}");
}
