//! The web page (wasm32 only): Yew components on top of the engine.
//!
//! `app` lays out the page and owns the one [`state::PageState`], changed only
//! by [`state::Action`]s through its reducer. `driver` is the only file that calls
//! the engine (build, advance, copy out a snapshot); `components` renders plain
//! values, one function component per file; `hooks` holds the contact with
//! browser timers; `panic` turns a panic into a visible banner.

pub mod app;
pub mod components;
pub mod driver;
pub mod hooks;
pub mod panic;
pub mod state;

use wasm_bindgen::prelude::*;

/// Entry point, called by the wasm-bindgen glue once the module is loaded:
/// install the panic banner, then render the page into `#app` (replacing the
/// loading message).
#[wasm_bindgen(start)]
pub fn start() {
    panic::install();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    match doc.get_element_by_id("app") {
        Some(root) => {
            root.set_text_content(None);
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}

/// Panics on purpose, so that the end-to-end test can check the panic banner.
#[wasm_bindgen]
pub fn trigger_panic_for_test() {
    panic!("a test asked for this panic");
}
