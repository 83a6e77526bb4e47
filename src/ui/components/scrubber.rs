//! The time scrubber: a slider over the run's virtual time, from 0 to its end
//! (or as far as it is known), with a mark at each event (Warnings stand out).
//! Moving it goes to that moment; going back re-simulates from a checkpoint.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::driver::{self, Mark};
use crate::ui::i18n::{self as tx, Lang};

#[derive(Properties, PartialEq)]
pub struct ScrubberProps {
    pub lang: Lang,
    pub now_ms: u64,
    pub horizon_ms: u64,
    pub marks: Rc<Vec<Mark>>,
    pub on_seek: Callback<u64>,
}

#[function_component(Scrubber)]
pub fn scrubber(p: &ScrubberProps) -> Html {
    let max = p.horizon_ms.max(1);
    let step = if max > 120_000 { 1000 } else { 100 };
    let on_seek = p.on_seek.reform(|e: InputEvent| {
        e.target_dyn_into::<HtmlInputElement>()
            .and_then(|i| i.value().parse::<f64>().ok())
            .map_or(0, |v| v.max(0.0) as u64)
    });
    let pct = |t: u64| (t.min(max) as f64) * 100.0 / max as f64;
    html! {
        <div class="scrubber">
            <input type="range" class="scrub" min="0" max={ max.to_string() } step={ step.to_string() }
                value={ p.now_ms.min(max).to_string() }
                aria-label={ p.lang.t(tx::SCRUBBER) }
                aria-valuetext={ format!("t = {}", driver::clock(p.now_ms)) }
                oninput={ on_seek } />
            <div class="marks" aria-hidden="true">
                { for p.marks.iter().map(|m| html! {
                    <span class={ if m.warning { "mark warn" } else { "mark" } } style={ format!("left:{:.2}%", pct(m.at_ms)) }></span>
                }) }
            </div>
            <div class="scrub-scale" aria-hidden="true">
                <span>{ "0s" }</span>
                <span>{ driver::clock(max) }</span>
            </div>
        </div>
    }
}
