//! A CronJob's schedule strip: its schedule, the next schedule times on the
//! virtual wall clock, and the Jobs it created (newest first), each expandable to
//! its status and pods.

use yew::prelude::*;

use super::pod_card::{glyph, status_text};
use crate::ui::driver::{self, Selection};
use crate::ui::i18n::{self as tx, Lang};
use crate::view::model::{CronView, JobView, PodCard};

#[derive(Properties, PartialEq)]
pub struct CronStripProps {
    pub lang: Lang,
    pub cron: CronView,
    pub jobs: Vec<(JobView, Vec<PodCard>)>,
    pub on_select: Callback<Option<Selection>>,
}

#[function_component(CronStrip)]
pub fn cron_strip(p: &CronStripProps) -> Html {
    let l = p.lang;
    let c = &p.cron;
    html! {
        <section class="cron" aria-labelledby="cron-title">
            <div class="section-head">
                <h2 id="cron-title" class="section-title">{ l.t(tx::CRON_TITLE) }</h2>
                <p class="small"><code>{ format!("schedule: {:?}", c.schedule) }</code>
                    if let Some(z) = &c.time_zone { { " " }<code>{ format!("timeZone: {z}") }</code> }
                    if c.suspended { { " " }<span class="badge warn">{ "suspend: true" }</span> }
                </p>
            </div>
            <h3 class="small-h">{ l.t(tx::CRON_NEXT) }</h3>
            <ol class="cron-next">
                { for c.upcoming.iter().map(|(ms, wall)| html! {
                    <li><span class="num">{ format!("t = {}", driver::clock(*ms)) }</span>{ " " }<code class="muted">{ wall.clone() }</code></li>
                }) }
            </ol>
            <h3 class="small-h">{ l.t(tx::CRON_JOBS) }</h3>
            if p.jobs.is_empty() { <p class="muted small">{ l.t(tx::CRON_NO_JOBS) }</p> }
            <ul class="cron-runs">
                { for p.jobs.iter().map(|(j, pods)| {
                    let (cls, word) = match &j.outcome {
                        Some(o) if o.complete => ("good", "Complete".to_string()),
                        Some(o) => ("bad", format!("Failed: {}", o.reason)),
                        None if j.deleted => ("neutral", l.t(tx::CRON_DELETED).to_string()),
                        None => ("running", l.t(tx::CRON_RUNNING).to_string()),
                    };
                    html! {
                        <li key={ j.id }>
                            <details class={ classes!("cron-run", cls) }>
                                <summary>
                                    <code>{ format!("job/{}", j.name) }</code>{ " · " }<span class="run-outcome">{ word }</span>
                                    { " · " }<span class="muted">{ format!("t = {}", driver::clock(j.start_ms.unwrap_or(0))) }</span>
                                    if j.deleted { { " · " }<span class="muted">{ l.t(tx::CRON_DELETED) }</span> }
                                </summary>
                                <p class="small"><code>{ format!("completions {}/{} · active {} · failed {}", j.succeeded, j.completions.unwrap_or(1), j.active, j.failed) }</code></p>
                                <ul class="cron-pods">
                                    { for pods.iter().map(|pc| {
                                        let on = p.on_select.clone();
                                        let id = pc.id;
                                        html! {
                                            <li>
                                                <button type="button" class={ classes!("link", format!("phase-{}", pc.class.css())) }
                                                    onclick={ move |_| on.emit(Some(Selection::Pod(id))) }>
                                                    <span aria-hidden="true">{ glyph(pc.class) }{ " " }</span>{ format!("{} {}", pc.name, status_text(pc)) }
                                                </button>
                                            </li>
                                        }
                                    }) }
                                </ul>
                            </details>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
