//! The address bar's fragment changed (a link pasted into an open page, or Back
//! to an earlier link): `on_change` hears the new fragment, without `#`. The
//! page's own `history.replaceState` fires no `hashchange`.

use gloo::events::EventListener;
use yew::prelude::*;

#[hook]
pub fn use_hash_change(on_change: Callback<String>) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            EventListener::new(&w, "hashchange", move |_| {
                on_change.emit(crate::ui::glue::current_fragment())
            })
        });
        move || drop(listener)
    });
}
