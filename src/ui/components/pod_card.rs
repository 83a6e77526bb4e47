//! One pod as a card: its name, kubectl's STATUS with an icon (never colour
//! alone), the exit code of a failed container, restarts under OnFailure, and its
//! attempt. Clicking it explains why the controller created it.

use yew::prelude::*;

use crate::ui::i18n::{self as tx, Lang};
use crate::view::model::{PhaseClass, PodCard as Card};

/// The icon that goes with a phase, so that colour is never the only cue.
pub use crate::ui::driver::glyph;

/// What a pod shows in words: kubectl's STATUS, plus Evicted where it tells more.
pub fn status_text(card: &Card) -> String {
    if card.class == PhaseClass::Evicted && card.status != "Evicted" {
        format!("{} (Evicted)", card.status)
    } else {
        card.status.clone()
    }
}

#[derive(Properties, PartialEq)]
pub struct PodCardProps {
    pub card: Card,
    pub lang: Lang,
    pub selected: bool,
    /// Show the attempt number (lanes of an index).
    #[prop_or_default]
    pub show_attempt: bool,
    pub on_select: Callback<u32>,
}

#[function_component(PodCard)]
pub fn pod_card(p: &PodCardProps) -> Html {
    let l = p.lang;
    let c = &p.card;
    let mut meta = Vec::new();
    if let Some(code) = c.exit_code {
        meta.push(l.f(tx::EXIT_CODE, &[&code.to_string()]));
    }
    if c.restarts > 0 {
        meta.push(l.f(tx::RESTARTS, &[&c.restarts.to_string()]));
    }
    if p.show_attempt {
        meta.push(l.f(tx::ATTEMPT, &[&(c.attempt + 1).to_string()]));
    }
    let id = c.id;
    let on = p.on_select.clone();
    html! {
        <button type="button" class={ classes!("pod-card", format!("phase-{}", c.class.css()), p.selected.then_some("selected")) }
            data-phase={ c.class.css() } aria-pressed={ if p.selected { "true" } else { "false" } }
            title={ c.why.clone() }
            onclick={ move |_| on.emit(id) }>
            <span class="pod-name">{ c.name.clone() }</span>
            <span class="pod-status"><span class="glyph" aria-hidden="true">{ glyph(c.class) }</span>{ status_text(c) }</span>
            if !meta.is_empty() { <span class="pod-meta">{ meta.join(" · ") }</span> }
        </button>
    }
}
