//! Why: the controller's decision behind what was clicked (a pod, an event, a
//! condition, a countdown), in one sentence from the cause the engine recorded,
//! and for a pod its YAML-like detail (labels, annotations, env, conditions).
//! The panel keeps its place when empty, so nothing jumps when something is picked.

use yew::prelude::*;

use crate::ui::driver::Detail;
use crate::ui::i18n::{self as tx, Lang};

#[derive(Properties, PartialEq)]
pub struct WhyProps {
    pub lang: Lang,
    pub detail: Option<Detail>,
    /// Something is selected but gone at this time.
    pub selected: bool,
    pub on_close: Callback<()>,
}

#[function_component(Why)]
pub fn why(p: &WhyProps) -> Html {
    let l = p.lang;
    let close = p.on_close.reform(|_: MouseEvent| ());
    let body = match &p.detail {
        None if p.selected => html! { <p class="muted">{ l.t(tx::GONE) }</p> },
        None => html! { <p class="muted">{ l.t(tx::WHY_HINT) }</p> },
        Some(d) => html! {
            <>
                <p class="why-title"><code>{ d.title.clone() }</code></p>
                <p class="why-sentence">
                    <span class="why-label">{ l.t(tx::WHY_TITLE) }{ ": " }</span>
                    { d.why.clone().unwrap_or_else(|| l.t(tx::NO_CAUSE).to_string()) }
                </p>
                if let Some(y) = &d.yaml {
                    <details class="pod-yaml" open=true>
                        <summary>{ l.t(tx::POD_DETAIL) }</summary>
                        <pre class="code" tabindex="0">{ y.clone() }</pre>
                    </details>
                }
            </>
        },
    };
    html! {
        <section class="why" aria-labelledby="why-title" aria-live="polite">
            <div class="section-head">
                <h2 id="why-title" class="section-title">{ l.t(tx::WHY_TITLE) }</h2>
                if p.selected {
                    <button type="button" class="button small" onclick={ close }>{ l.t(tx::CLOSE) }</button>
                }
            </div>
            { body }
        </section>
    }
}
