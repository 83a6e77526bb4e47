//! Whether a media query matches (e.g. `(prefers-reduced-motion: reduce)`), kept
//! current by the query's `change` event; `on_change` hears each change.

use gloo::events::EventListener;
use yew::prelude::*;

pub fn matches(query: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

#[hook]
pub fn use_media_query(query: &'static str, on_change: Callback<bool>) {
    use_effect_with(query, move |query| {
        let mql = web_sys::window().and_then(|w| w.match_media(query).ok().flatten());
        let listener = mql.map(|m| {
            let m2 = m.clone();
            EventListener::new(&m, "change", move |_| on_change.emit(m2.matches()))
        });
        move || drop(listener)
    });
}
