//! The page's calls into `www/glue.js` (bound through `window.jobplayGlue`,
//! which `www/boot.js` sets before the wasm starts): raw DEFLATE with the
//! browser's CompressionStream, the clipboard, downloads, the PNG canvas, file
//! reading and the address bar. Every call is fallible: a missing glue or a
//! refusing browser gives an `Err`, never a panic.

use js_sys::{Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::link::{Inflated, MAX_TEXT_BYTES};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = jobplayGlue, js_name = deflateRaw)]
    fn deflate_raw(text: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jobplayGlue, js_name = inflateRaw)]
    fn inflate_raw(data: &[u8], limit: u32) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jobplayGlue, js_name = copyText)]
    fn copy_text(text: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jobplayGlue, js_name = downloadText)]
    fn download_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = jobplayGlue, js_name = downloadPng)]
    fn download_png(name: &str, svg: &str, width: u32, height: u32) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jobplayGlue, js_name = readTextFile)]
    fn read_text_file(file: &web_sys::File, max_bytes: u32) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = jobplayGlue, js_name = replaceFragment)]
    fn replace_fragment_js(fragment: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = jobplayGlue, js_name = pageBase)]
    fn page_base_js() -> Result<String, JsValue>;
}

fn message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser refused".into())
}

async fn wait(p: Result<Promise, JsValue>) -> Result<JsValue, String> {
    let p = p.map_err(|e| message(&e))?;
    JsFuture::from(p).await.map_err(|e| message(&e))
}

/// Raw DEFLATE of the text (for `yaml=`).
pub async fn deflate(text: &str) -> Result<Vec<u8>, String> {
    let v = wait(deflate_raw(text)).await?;
    Ok(Uint8Array::new(&v).to_vec())
}

/// Inflate as far as the data goes; `None` when the browser cannot inflate at all.
pub async fn inflate(data: &[u8]) -> Option<(Vec<u8>, Inflated)> {
    let v = wait(inflate_raw(data, MAX_TEXT_BYTES as u32)).await.ok()?;
    let status = Reflect::get(&v, &"status".into()).ok()?.as_string()?;
    if status == "unsupported" {
        return None;
    }
    let bytes = Reflect::get(&v, &"bytes".into()).ok()?;
    Some((
        Uint8Array::new(&bytes).to_vec(),
        Inflated::from_key(&status),
    ))
}

/// Copy to the clipboard; whether the browser allowed it.
pub async fn copy(text: &str) -> bool {
    wait(copy_text(text))
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Download text as a file.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    download_text(name, mime, text).map_err(|e| message(&e))
}

/// Draw the SVG on a canvas and download it as a PNG.
pub async fn png(name: &str, svg: &str, width: u32, height: u32) -> Result<(), String> {
    wait(download_png(name, svg, width, height))
        .await
        .map(|_| ())
}

pub use super::messages::FileError;

/// Read a file as UTF-8 text (at most `max_bytes`): its name and text.
pub async fn read_file(
    file: &web_sys::File,
    max_bytes: usize,
) -> (String, Result<String, FileError>) {
    let Ok(v) = wait(read_text_file(file, max_bytes as u32)).await else {
        return (file.name(), Err(FileError::Unreadable));
    };
    let get = |k: &str| Reflect::get(&v, &k.into()).ok().and_then(|x| x.as_string());
    let name = get("name").unwrap_or_default();
    let r = match (get("text"), get("error").as_deref()) {
        (Some(t), _) => Ok(t),
        (None, Some("toolarge")) => Err(FileError::TooLarge),
        (None, Some("notutf8")) => Err(FileError::NotUtf8),
        _ => Err(FileError::Unreadable),
    };
    (name, r)
}

/// Put the fragment in the address bar (without a history entry); `""` removes it.
pub fn replace_fragment(fragment: &str) {
    let _ = replace_fragment_js(fragment);
}

/// The page's URL without its fragment.
pub fn page_base() -> String {
    page_base_js().unwrap_or_default()
}

/// The address bar's fragment, without `#`.
pub fn current_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.strip_prefix('#').map(str::to_string).unwrap_or(h))
        .unwrap_or_default()
}
