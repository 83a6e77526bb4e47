//! The example gallery: every example with its title and the one sentence of what
//! to watch for, in the page's language; the open one's sentence stays in view.

use yew::prelude::*;

use crate::gallery::EXAMPLES;
use crate::ui::i18n::{self as tx, Lang};

#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    pub lang: Lang,
    pub current: Option<&'static str>,
    /// The editor's text is no longer the current example's.
    #[prop_or_default]
    pub edited: bool,
    pub on_pick: Callback<&'static str>,
}

#[function_component(Gallery)]
pub fn gallery(p: &GalleryProps) -> Html {
    let l = p.lang;
    let current = p
        .current
        .and_then(crate::gallery::get)
        .map(|e| e.info(l.code()));
    html! {
        <div class="gallery-wrap">
            <details class="gallery">
                <summary>
                    <span class="summary-title">{ l.t(tx::EXAMPLES) }</span>
                    <span class="summary-note">{ format!(" ({})", EXAMPLES.len()) }</span>
                </summary>
                <p class="muted small">{ l.t(tx::EXAMPLES_INTRO) }</p>
                <ul class="gallery-list">
                    { for EXAMPLES.iter().map(|e| {
                        let info = e.info(l.code());
                        let name = e.name;
                        let on_pick = p.on_pick.clone();
                        let is_current = p.current == Some(name);
                        html! {
                            <li key={ name }>
                                <button type="button" class={ classes!("example", is_current.then_some("current")) }
                                    aria-current={ is_current.then_some("true") }
                                    onclick={ move |_| on_pick.emit(name) }>
                                    <span class="example-title">{ info.title }</span>
                                    <span class="example-desc">{ info.description }</span>
                                    <code class="example-file">{ format!("{name}.yaml") }</code>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </details>
            if let Some(info) = current {
                <p class="watch-for">
                    <strong>{ info.title }</strong>{ " — " }
                    <span class="muted">{ l.t(tx::WATCH_FOR) }</span>{ " " }{ info.description }
                    if p.edited { { " " }<em class="muted">{ l.t(tx::EXAMPLE_EDITED) }</em> }
                </p>
            }
        </div>
    }
}
