//! Another tab of this browser wrote to localStorage (the browser fires `storage`
//! in every other tab of the origin, never in the one that wrote): `on_change`
//! hears it, so the list of saved scenarios follows what other tabs save, rename
//! and delete (see "Two tabs" in `ui::workspace`).

use gloo::events::EventListener;
use yew::prelude::*;

#[hook]
pub fn use_storage_change(on_change: Callback<()>) {
    use_effect_with((), move |_| {
        let listener = web_sys::window()
            .map(|w| EventListener::new(&w, "storage", move |_| on_change.emit(())));
        move || drop(listener)
    });
}
