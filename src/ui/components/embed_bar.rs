//! The bar of an embedded page (`embed=1`, an iframe in documentation): the
//! product's name, the workload, the editor's toggle, and "Open in playground",
//! the full page with the same state in a new tab.

use yew::prelude::*;

use crate::ui::i18n::{self as tx, Lang};

#[derive(Properties, PartialEq)]
pub struct EmbedBarProps {
    pub lang: Lang,
    pub name: AttrValue,
    pub href: AttrValue,
    pub editor_open: bool,
    pub on_toggle: Callback<()>,
}

#[function_component(EmbedBar)]
pub fn embed_bar(p: &EmbedBarProps) -> Html {
    let l = p.lang;
    let toggle = p.on_toggle.reform(|_: MouseEvent| ());
    html! {
        <header class="embed-bar">
            <p class="embed-brand">
                <span class="embed-product">{ l.t(tx::EMBED_LABEL) }</span>
                if !p.name.is_empty() { <code class="embed-name">{ p.name.clone() }</code> }
            </p>
            <div class="embed-tools">
                <button type="button" class="button small" aria-expanded={ if p.editor_open { "true" } else { "false" } }
                    aria-controls="embed-editor" onclick={ toggle }>
                    <span class="icon" aria-hidden="true">{ if p.editor_open { "▾" } else { "▸" } }</span>
                    { l.t(tx::SHOW_YAML) }
                </button>
                <a class="button small primary" href={ p.href.clone() } target="_blank" rel="noopener"
                    title={ l.t(tx::OPEN_IN_PLAYGROUND_TITLE) }>
                    { l.t(tx::OPEN_IN_PLAYGROUND) }<span aria-hidden="true">{ " ↗" }</span>
                </a>
            </div>
        </header>
    }
}
