//! The scenario editor: a textarea that `www/editor.js` enhances into a YAML
//! editor (line numbers, colours, indentation, error marks). The page drives it by
//! attributes: `data-rev` when the page sets the text, `data-diagnostics` with the
//! validation's problems. Ctrl/Cmd+Enter runs (a document-wide shortcut).

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::ui::i18n::{self as tx, Lang};

/// The id of the element listing the input's problems, for `aria-describedby`.
pub const PROBLEMS_ID: &str = "yaml-problems";
/// The textarea's id.
pub const EDITOR_ID: &str = "yaml-editor";

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub value: AttrValue,
    pub rev: u32,
    /// JSON for `data-diagnostics`.
    pub diagnostics: AttrValue,
    pub invalid: bool,
    pub lang: Lang,
    pub on_edit: Callback<String>,
}

#[function_component(Editor)]
pub fn editor(p: &EditorProps) -> Html {
    let oninput = p.on_edit.reform(|e: InputEvent| {
        e.target_dyn_into::<HtmlTextAreaElement>()
            .map(|a| a.value())
            .unwrap_or_default()
    });
    html! {
        <textarea
            id={ EDITOR_ID }
            class="yaml-editor"
            data-editor="yaml"
            data-rev={ p.rev.to_string() }
            data-diagnostics={ p.diagnostics.clone() }
            data-editor-lang={ p.lang.code() }
            aria-label={ p.lang.t(tx::EDITOR_LABEL) }
            aria-invalid={ if p.invalid { "true" } else { "false" } }
            aria-describedby={ p.invalid.then_some(PROBLEMS_ID) }
            spellcheck="false"
            autocomplete="off"
            autocapitalize="off"
            wrap="off"
            rows="22"
            value={ p.value.clone() }
            { oninput }
        />
    }
}
