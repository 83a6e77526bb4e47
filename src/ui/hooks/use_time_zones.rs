//! Fetch the time-zone table when the page first needs it (a text names a time zone),
//! install it in the engine and report the outcome. The page's wasm does not embed the
//! table, and most visits never name a zone, so most never download it (see
//! `controller::cronjob::zone`). A failed fetch is tried again the next time the
//! page needs the table.

use std::cell::Cell;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::controller::cronjob::zone;

/// Beside index.html in dist/ (relative, so the site works under any sub-path).
pub const TZDATA_URL: &str = "./tzdata.bin";

std::thread_local! {
    static IN_FLIGHT: Cell<bool> = const { Cell::new(false) };
}

#[hook]
pub fn use_time_zones(needed: bool, done: Callback<Result<(), String>>) {
    use_effect_with(needed, move |&needed| {
        if !needed {
            return;
        }
        if zone::is_installed() {
            done.emit(Ok(()));
        } else if !IN_FLIGHT.with(|f| f.replace(true)) {
            wasm_bindgen_futures::spawn_local(async move {
                let result = fetch_table().await.and_then(zone::install);
                IN_FLIGHT.with(|f| f.set(false));
                done.emit(result);
            });
        }
    });
}

fn text_of(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "network error".into())
}

async fn fetch_table() -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(TZDATA_URL))
        .await
        .map_err(text_of)?
        .dyn_into()
        .map_err(text_of)?;
    if !response.ok() {
        return Err(format!("HTTP {} for {TZDATA_URL}", response.status()));
    }
    let body = JsFuture::from(response.array_buffer().map_err(text_of)?)
        .await
        .map_err(text_of)?;
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}
