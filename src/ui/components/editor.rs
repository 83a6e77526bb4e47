//! The scenario editor: a plain textarea for now (a code editor comes later).
//! Ctrl+Enter (Cmd+Enter on a Mac) runs the scenario.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// The id of the element listing the input's problems, for `aria-describedby`.
pub const PROBLEMS_ID: &str = "yaml-problems";

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub value: AttrValue,
    /// The last Run found problems in the text.
    pub invalid: bool,
    pub on_edit: Callback<String>,
    pub on_run: Callback<()>,
}

#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                on_edit.emit(area.value());
            }
        })
    };
    let onkeydown = {
        let on_run = props.on_run.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                on_run.emit(());
            }
        })
    };
    html! {
        <textarea
            id="yaml-editor"
            class="yaml-editor"
            aria-label="Job YAML"
            aria-invalid={ if props.invalid { "true" } else { "false" } }
            aria-describedby={ props.invalid.then_some(PROBLEMS_ID) }
            spellcheck="false"
            autocomplete="off"
            autocapitalize="off"
            wrap="off"
            rows="18"
            value={ props.value.clone() }
            { oninput }
            { onkeydown }
        />
    }
}
