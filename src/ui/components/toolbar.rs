//! The editor's toolbar: Share link (Ctrl/Cmd+S) and the Download menu (the Job
//! alone for kubectl, the whole file, the timeline as SVG or PNG, the run as
//! the CLI's JSON).

use wasm_bindgen::JsCast;
use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use crate::ui::i18n::{self as tx, Lang};
use crate::ui::state::DownloadKind;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub lang: Lang,
    /// A run exists (the timeline and the run JSON can be made).
    pub has_run: bool,
    pub on_share: Callback<()>,
    pub on_download: Callback<DownloadKind>,
}

#[function_component(Toolbar)]
pub fn toolbar(p: &ToolbarProps) -> Html {
    let l = p.lang;
    let menu = use_node_ref();
    let share = p.on_share.reform(|_: MouseEvent| ());
    let item = |kind: DownloadKind, label: tx::Text, needs_run: bool| {
        let on = p.on_download.clone();
        let menu = menu.clone();
        let disabled = needs_run && !p.has_run;
        html! {
            <li>
                <button type="button" class="menu-item" { disabled } title={ disabled.then(|| l.t(tx::DL_NEEDS_RUN)) }
                    onclick={ move |_| {
                        on.emit(kind);
                        if let Some(d) = menu.cast::<HtmlDetailsElement>() {
                            d.set_open(false);
                        }
                    } }>{ l.t(label) }</button>
            </li>
        }
    };
    // Esc closes the menu and gives the focus back to its summary.
    let onkeydown = {
        let menu = menu.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                if let Some(d) = menu.cast::<HtmlDetailsElement>().filter(|d| d.open()) {
                    e.prevent_default();
                    d.set_open(false);
                    if let Some(s) = d.query_selector("summary").ok().flatten() {
                        if let Some(s) = s.dyn_ref::<web_sys::HtmlElement>() {
                            let _ = s.focus();
                        }
                    }
                }
            }
        })
    };
    html! {
        <div class="toolbar">
            <button type="button" class="button share-button" onclick={ share } title={ l.t(tx::SHARE_TITLE) }>
                <span class="icon" aria-hidden="true">{ "↪" }</span>
                <span class="label">{ l.t(tx::SHARE) }</span>
            </button>
            <details class="menu" ref={ menu.clone() } { onkeydown }>
                <summary class="button">
                    <span class="icon" aria-hidden="true">{ "⤓" }</span>
                    <span class="label">{ l.t(tx::DOWNLOAD) }</span>
                </summary>
                <ul class="menu-list">
                    { item(DownloadKind::JobYaml, tx::DL_JOB, false) }
                    { item(DownloadKind::AllYaml, tx::DL_ALL, false) }
                    { item(DownloadKind::Svg, tx::DL_SVG, true) }
                    { item(DownloadKind::Png, tx::DL_PNG, true) }
                    { item(DownloadKind::Json, tx::DL_JSON, true) }
                </ul>
            </details>
        </div>
    }
}
