//! One pod: its name, its phase as text and colour, and its times.

use yew::prelude::*;

use crate::ui::driver::{self, PodView};

#[derive(Properties, PartialEq)]
pub struct PodCardProps {
    pub pod: PodView,
}

#[function_component(PodCard)]
pub fn pod_card(props: &PodCardProps) -> Html {
    let p = &props.pod;
    let mut meta = Vec::new();
    if let Some(i) = p.index {
        meta.push(format!("index {i}"));
    }
    meta.push(format!("created {}", driver::clock(p.created_ms)));
    if let Some(f) = p.finished_ms {
        meta.push(format!("finished {}", driver::clock(f)));
    }
    html! {
        <li class={ classes!("pod-card", p.phase.class()) } data-phase={ p.phase.label() }>
            <span class="pod-name">{ p.name.clone() }</span>
            <span class="pod-phase">
                <span class="pod-dot" aria-hidden="true"></span>
                { p.phase.label() }
                if p.terminating { <span class="pod-terminating">{ " · Terminating" }</span> }
            </span>
            <span class="pod-meta">{ meta.join(" · ") }</span>
        </li>
    }
}
