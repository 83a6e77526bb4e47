//! The keyboard shortcuts, in a modal dialog: `?` or the header's button opens it,
//! Esc or Close closes it; while open, Tab and Shift+Tab stay inside it, and the
//! focus goes back to where it was when it closes.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::ui::i18n::{self as tx, Lang};

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub lang: Lang,
    pub open: bool,
    pub reduced_motion: bool,
    pub on_close: Callback<()>,
}

fn focusables(root: &Element) -> Vec<HtmlElement> {
    let mut out = Vec::new();
    if let Ok(list) = root.query_selector_all(
        "button, [href], input, select, textarea, [tabindex]:not([tabindex=\"-1\"])",
    ) {
        for i in 0..list.length() {
            if let Some(h) = list.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
                out.push(h);
            }
        }
    }
    out
}

fn active_element() -> Option<HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<HtmlElement>()
        .ok()
}

#[function_component(Help)]
pub fn help(p: &HelpProps) -> Html {
    let dialog = use_node_ref();
    // Remember the focus on opening; put it back on closing.
    {
        let dialog = dialog.clone();
        use_effect_with(p.open, move |&open| {
            let before = open.then(active_element).flatten();
            if open {
                if let Some(first) = dialog
                    .cast::<Element>()
                    .and_then(|d| focusables(&d).into_iter().next())
                {
                    let _ = first.focus();
                }
            }
            move || {
                if let Some(b) = before {
                    let _ = b.focus();
                }
            }
        });
    }
    if !p.open {
        return html! {};
    }
    let l = p.lang;
    let onkeydown = {
        let on_close = p.on_close.clone();
        let dialog = dialog.clone();
        Callback::from(move |e: KeyboardEvent| {
            match e.key().as_str() {
                "Escape" => {
                    e.prevent_default();
                    on_close.emit(());
                }
                "Tab" => {
                    let Some(d) = dialog.cast::<Element>() else {
                        return;
                    };
                    let items = focusables(&d);
                    let (Some(first), Some(last)) = (items.first(), items.last()) else {
                        return;
                    };
                    let active = active_element();
                    let at_first = active.as_ref().is_some_and(|a| a == first);
                    let at_last = active.as_ref().is_some_and(|a| a == last);
                    let inside = active.as_ref().is_some_and(|a| d.contains(Some(a)));
                    if e.shift_key() && (at_first || !inside) {
                        e.prevent_default();
                        let _ = last.focus();
                    } else if !e.shift_key() && (at_last || !inside) {
                        e.prevent_default();
                        let _ = first.focus();
                    }
                }
                _ => {}
            }
            e.stop_propagation();
        })
    };
    let close = p.on_close.reform(|_: MouseEvent| ());
    let backdrop = {
        let on_close = p.on_close.clone();
        Callback::from(move |e: MouseEvent| {
            let on_backdrop = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|t| t.class_name() == "backdrop");
            if on_backdrop {
                on_close.emit(());
            }
        })
    };
    let row = |keys: &[&str], what: tx::Text| {
        html! {
            <tr>
                <td class="keys">{ for keys.iter().enumerate().map(|(i, k)| html! {
                    <>{ if i > 0 { " / " } else { "" } }<kbd>{ *k }</kbd></>
                }) }</td>
                <td>{ l.t(what) }</td>
            </tr>
        }
    };
    html! {
        <div class="backdrop" onclick={ backdrop }>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" ref={ dialog } { onkeydown }>
                <div class="section-head">
                    <h2 id="help-title" class="section-title">{ l.t(tx::HELP_TITLE) }</h2>
                    <button type="button" class="button small" onclick={ close }>{ l.t(tx::CLOSE) }</button>
                </div>
                <table class="shortcuts">
                    <tbody>
                        { row(&["Ctrl+Enter", "⌘+Enter"], tx::KEY_RUN) }
                        { row(&["Ctrl+S", "⌘+S"], tx::KEY_SHARE) }
                        { row(&["Space"], tx::KEY_PAUSE) }
                        { row(&["→", "←"], tx::KEY_STEP) }
                        { row(&["Shift+→", "Shift+←"], tx::KEY_SCRUB) }
                        { row(&["Home", "End"], tx::KEY_ENDS) }
                        <tr><td class="keys"><kbd>{ "Esc" }</kbd>{ " → " }<kbd>{ "Tab" }</kbd></td><td>{ l.t(tx::KEY_LEAVE) }</td></tr>
                        { row(&["?"], tx::KEY_HELP) }
                        { row(&["Esc"], tx::KEY_CLOSE) }
                    </tbody>
                </table>
                <p class="muted small">{ l.t(tx::HELP_NOTE) }</p>
                if p.reduced_motion { <p class="muted small">{ l.t(tx::REDUCED_MOTION) }</p> }
            </div>
        </div>
    }
}
