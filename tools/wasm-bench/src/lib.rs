//! The engine alone in WebAssembly, for measuring it in a browser: run a scenario
//! to its end and report what it did. Timing is done by the caller in JavaScript.

use wasm_bindgen::prelude::*;

/// Run a scenario file to its end; returns `pods,events,virtual_ms,finished_ms` or an error text.
#[wasm_bindgen]
pub fn run_to_end(text: &str) -> String {
    match jobplay::cluster::Cluster::from_text(text) {
        Ok(mut c) => {
            c.run_to_end();
            format!(
                "{},{},{},{}",
                c.store.pods.len(),
                c.store.events.len(),
                c.now.0,
                c.finished_at.map(|t| t.0 as i64).unwrap_or(-1)
            )
        }
        Err(e) => format!("error: {}", e.message),
    }
}
