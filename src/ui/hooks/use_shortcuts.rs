//! The page's keyboard shortcuts, on the document: Ctrl/Cmd+Enter runs and
//! Ctrl/Cmd+S copies a share link (both also in the editor; S never opens the
//! browser's save dialog); Space pauses or resumes; ← and → step to the previous or next
//! event; Shift+← and Shift+→ scrub 10 s; Home and End go to the start and the
//! end; `?` opens the help. Apart from Ctrl/Cmd+Enter and Ctrl/Cmd+S, keys typed into a text
//! field, a select or the editor are theirs, and nothing fires while the help is
//! open (it handles its own keys).

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    Run,
    TogglePause,
    Step,
    StepBack,
    ScrubForward,
    ScrubBack,
    Start,
    End,
    Help,
    Share,
}

/// Whether a key press belongs to the element it was typed into.
fn typing_into(target: Option<&Element>) -> bool {
    target.is_some_and(|t| {
        matches!(t.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT")
            || t.closest("[contenteditable]").ok().flatten().is_some()
    })
}

fn pressable(target: Option<&Element>) -> bool {
    target.is_some_and(|t| matches!(t.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY"))
}

#[hook]
pub fn use_shortcuts(enabled: bool, on_key: Callback<Shortcut>) {
    use_effect_with(enabled, move |&enabled| {
        let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
            let opts = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&doc, "keydown", opts, move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if e.default_prevented() || e.is_composing() {
                    return;
                }
                let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
                let key = e.key();
                let modifier = e.ctrl_key() || e.meta_key();
                if key == "Enter" && modifier {
                    e.prevent_default();
                    on_key.emit(Shortcut::Run);
                    return;
                }
                if modifier && !e.alt_key() && (key.eq_ignore_ascii_case("s") || e.code() == "KeyS")
                {
                    e.prevent_default();
                    if !e.repeat() {
                        on_key.emit(Shortcut::Share);
                    }
                    return;
                }
                if !enabled || modifier || e.alt_key() || typing_into(target.as_ref()) {
                    return;
                }
                let shortcut = match key.as_str() {
                    " " if !pressable(target.as_ref()) => Shortcut::TogglePause,
                    "ArrowRight" if e.shift_key() => Shortcut::ScrubForward,
                    "ArrowLeft" if e.shift_key() => Shortcut::ScrubBack,
                    "ArrowRight" => Shortcut::Step,
                    "ArrowLeft" => Shortcut::StepBack,
                    "Home" => Shortcut::Start,
                    "End" => Shortcut::End,
                    "?" => Shortcut::Help,
                    _ => return,
                };
                e.prevent_default();
                on_key.emit(shortcut);
            })
        });
        move || drop(listener)
    });
}
