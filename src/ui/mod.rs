//! The web page. The plain-Rust parts compile everywhere and are tested natively:
//! `driver` (the only contact with the engine: a playback of a `Session` and the
//! snapshot of view values the page shows), `i18n` (every string in English and
//! Korean), `scenario_edit` (the Scenario form's edits of the text) and `paint`
//! (when `index.html`'s prerendered first paint stands for what the page shows).
//!
//! The Yew parts are wasm32 only: `app` lays out the page and owns the one
//! [`state::PageState`], changed only by [`state::Action`]s through its reducer;
//! `components` renders plain values, one function component per file; `hooks`
//! holds the contact with browser timers and events; `panic` turns a panic into a
//! visible banner.

pub mod driver;
pub mod export;
pub mod i18n;
pub mod messages;
pub mod paint;
pub mod scenario_edit;
pub mod share;
pub mod workspace;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod glue;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod panic;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod storage;

#[cfg(all(target_arch = "wasm32", feature = "page"))]
use wasm_bindgen::prelude::*;

/// Entry point, called by the wasm-bindgen glue once the module is loaded:
/// install the panic banner, then render the page into `#app`.
///
/// `#app` holds what `index.html` showed until now: the prerendered first paint
/// (inert; see `paint`) or the loading message. Its children are removed, as
/// nodes (the page never writes HTML), just before Yew renders: Yew's first
/// render runs in a microtask of this same task, so no frame is painted between
/// the two. `data-live` on `#app` then tells tests and benchmarks that the page
/// runs. The prerender's `<template>`s are removed too.
#[cfg(all(target_arch = "wasm32", feature = "page"))]
#[wasm_bindgen(start)]
pub fn start() {
    panic::install();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for id in PAINT_TEMPLATES {
        if let Some(t) = doc.get_element_by_id(id) {
            t.remove();
        }
    }
    match doc.get_element_by_id("app") {
        Some(root) => {
            while let Some(child) = root.first_child() {
                if root.remove_child(&child).is_err() {
                    break;
                }
            }
            let _ = root.set_attribute("data-live", "");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}

/// The ids of `index.html`'s prerendered views (see `scripts/prerender.mjs`).
#[cfg(all(target_arch = "wasm32", feature = "page"))]
const PAINT_TEMPLATES: [&str; 2] = ["paint-en", "paint-ko"];

/// Panics on purpose, so that the end-to-end test can check the panic banner.
#[cfg(all(target_arch = "wasm32", feature = "page"))]
#[wasm_bindgen]
pub fn trigger_panic_for_test() {
    panic!("a test asked for this panic");
}
