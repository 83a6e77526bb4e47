//! The timeline: one row per pod (NonIndexed) or per index (Indexed), each pod a
//! bar from its creation to its end (hatched while Pending, solid while it runs),
//! coloured and labelled by outcome; the gaps between the bars of an index are the
//! backoff delays; a notch on a bar marks each time a container failed and the
//! kubelet restarted it in place (restartPolicy OnFailure). A line marks the
//! clock. Clicking a bar explains the pod.

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::pod_card::glyph;
use crate::ui::driver::{self, Selection};
use crate::ui::i18n::{self as tx, Lang};
use crate::view::model::Row;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub lang: Lang,
    pub rows: Vec<Row>,
    pub more: usize,
    /// The time the axis spans (the run's end once known).
    pub span_ms: u64,
    pub now_ms: u64,
    pub selected: Option<u32>,
    pub on_select: Callback<Option<Selection>>,
}

use crate::ui::export::tick_step;

#[function_component(Timeline)]
pub fn timeline(p: &TimelineProps) -> Html {
    let l = p.lang;
    if p.rows.is_empty() {
        return html! { <p class="muted">{ l.t(tx::TIMELINE_EMPTY) }</p> };
    }
    let span = p.span_ms.max(p.now_ms).max(1_000);
    let pct = |t: u64| t.min(span) as f64 * 100.0 / span as f64;
    let step = tick_step(span);
    let ticks: Vec<u64> = (0..=span / step).map(|i| i * step).collect();
    let onclick = {
        let on = p.on_select.clone();
        Callback::from(move |e: MouseEvent| {
            let pod = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.closest("[data-pod]").ok().flatten())
                .and_then(|el| el.get_attribute("data-pod"))
                .and_then(|v| v.parse().ok());
            if let Some(id) = pod {
                on.emit(Some(Selection::Pod(id)));
            }
        })
    };
    html! {
        <div class="timeline" style={ format!("--now-frac:{:.4}", pct(p.now_ms) / 100.0) }>
            <div class="tl-plot">
            <div class="tl-now" aria-hidden="true"></div>
            <div class="tl-axis" aria-hidden="true">
                <span class="tl-label"></span>
                <div class="tl-track">
                    { for ticks.iter().map(|t| html! {
                        <span class="tl-tick" style={ format!("left:{:.2}%", pct(*t)) }>{ driver::clock(*t) }</span>
                    }) }
                </div>
            </div>
            <ul class="tl-rows" aria-label={ l.t(tx::TIMELINE_LABEL) } { onclick }>
                { for p.rows.iter().map(|row| html! {
                    <li class="tl-row" key={ row.label.clone() }>
                        <code class="tl-label" title={ row.label.clone() }>{ row.label.clone() }</code>
                        <div class="tl-track">
                            { for row.bars.iter().enumerate().map(|(k, b)| {
                                let left = pct(b.start_ms);
                                let width = (pct(b.end_ms) - left).max(0.0);
                                let run = b.run_ms.map_or(100.0, |r| {
                                    let whole = b.end_ms.saturating_sub(b.start_ms).max(1) as f64;
                                    (r.saturating_sub(b.start_ms) as f64 * 100.0 / whole).min(100.0)
                                });
                                let mut label = format!(
                                    "{} #{}: {} {}–{}",
                                    row.label,
                                    k + 1,
                                    b.class.css(),
                                    driver::clock(b.start_ms),
                                    if b.open { String::new() } else { driver::clock(b.end_ms) }
                                );
                                if !b.restarts_ms.is_empty() {
                                    let at: Vec<String> = b.restarts_ms.iter().map(|t| driver::clock(*t)).collect();
                                    label.push_str("; ");
                                    label.push_str(&l.f(tx::TIMELINE_RESTARTS, &[&at.join(", ")]));
                                }
                                let whole = b.end_ms.saturating_sub(b.start_ms).max(1) as f64;
                                let notch = |t: u64| (t.saturating_sub(b.start_ms) as f64 * 100.0 / whole).min(100.0);
                                let selected = p.selected == Some(b.pod);
                                html! {
                                    <button type="button" class={ classes!("tl-bar", format!("phase-{}", b.class.css()), b.open.then_some("open"), selected.then_some("selected")) }
                                        data-pod={ b.pod.to_string() } tabindex="-1"
                                        style={ format!("left:{left:.2}%;width:{width:.2}%;--pending:{run:.1}%") }
                                        aria-label={ label.clone() } title={ label }>
                                        { for b.restarts_ms.iter().map(|t| html! {
                                            <span class="tl-restart" aria-hidden="true" style={ format!("left:{:.1}%", notch(*t)) }></span>
                                        }) }
                                        <span class="tl-glyph" aria-hidden="true">{ glyph(b.class) }</span>
                                    </button>
                                }
                            }) }
                        </div>
                    </li>
                }) }
            </ul>
            </div>
            if p.more > 0 { <p class="muted small">{ l.f(tx::TIMELINE_MORE, &[&p.more.to_string()]) }</p> }
        </div>
    }
}
