//! Files dragged onto the page: `on_drag(true)` while files are over it (for the
//! overlay), `on_drag(false)` when they leave or drop, and `on_file` with the
//! first file dropped. Only drags that carry files count (not dragged text), and
//! the browser's default (opening the file in place of the page) is prevented.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::DragEvent;
use yew::prelude::*;

fn has_files(e: &DragEvent) -> bool {
    e.data_transfer().is_some_and(|dt| {
        let types = dt.types();
        (0..types.length()).any(|i| types.get(i).as_string().as_deref() == Some("Files"))
    })
}

#[hook]
pub fn use_file_drop(enabled: bool, on_drag: Callback<bool>, on_file: Callback<web_sys::File>) {
    use_effect_with(enabled, move |&enabled| {
        let mut listeners = Vec::new();
        if let (true, Some(doc)) = (enabled, web_sys::window().and_then(|w| w.document())) {
            let opts = EventListenerOptions::enable_prevent_default();
            let drag = on_drag.clone();
            listeners.push(EventListener::new_with_options(
                &doc,
                "dragover",
                opts,
                move |e| {
                    if let Some(e) = e.dyn_ref::<DragEvent>().filter(|e| has_files(e)) {
                        e.prevent_default();
                        if let Some(dt) = e.data_transfer() {
                            dt.set_drop_effect("copy");
                        }
                        drag.emit(true);
                    }
                },
            ));
            let drag = on_drag.clone();
            listeners.push(EventListener::new(&doc, "dragleave", move |e| {
                // Leaving the window: no element to go to.
                if let Some(e) = e.dyn_ref::<DragEvent>() {
                    if e.related_target().is_none() {
                        drag.emit(false);
                    }
                }
            }));
            let drag = on_drag.clone();
            let file = on_file.clone();
            listeners.push(EventListener::new_with_options(
                &doc,
                "drop",
                opts,
                move |e| {
                    let Some(e) = e.dyn_ref::<DragEvent>() else {
                        return;
                    };
                    if !has_files(e) {
                        return;
                    }
                    e.prevent_default();
                    drag.emit(false);
                    if let Some(f) = e
                        .data_transfer()
                        .and_then(|dt| dt.files())
                        .and_then(|l| l.get(0))
                    {
                        file.emit(f);
                    }
                },
            ));
        }
        move || drop(listeners)
    });
}
