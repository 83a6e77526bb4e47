//! The Job's header card: its status counts as `kubectl get job -o yaml` names
//! them, its conditions (each explains itself when clicked), the failure budget
//! against backoffLimit, the active deadline as a bar, the work queue, and the
//! outcome, announced to screen readers when the Job reaches it.

use yew::prelude::*;

use crate::ui::driver::{self, Selection};
use crate::ui::i18n::{self as tx, Lang};
use crate::view::model::JobView;

#[derive(Properties, PartialEq)]
pub struct JobCardProps {
    pub lang: Lang,
    pub kind: &'static str,
    pub name: AttrValue,
    pub job: Option<JobView>,
    pub outcome_why: Option<AttrValue>,
    pub queue: Option<(u32, u32)>,
    pub halted: Option<AttrValue>,
    pub action_errors: Vec<String>,
    pub now_ms: u64,
    pub over: bool,
    pub selection: Option<Selection>,
    pub on_select: Callback<Option<Selection>>,
}

fn bar(pct: f64, class: &'static str) -> Html {
    html! {
        <div class={ classes!("bar", class) } aria-hidden="true">
            <span class="bar-fill" style={ format!("width:{:.1}%", pct.clamp(0.0, 100.0)) }></span>
        </div>
    }
}

fn stat(name: &'static str, value: String, class: &'static str) -> Html {
    html! {
        <div class={ classes!("stat", class) }>
            <dt><code>{ name }</code></dt>
            <dd>{ value }</dd>
        </div>
    }
}

#[function_component(JobCard)]
pub fn job_card(p: &JobCardProps) -> Html {
    let l = p.lang;
    let Some(j) = &p.job else {
        return html! {
            <section class="job-card" aria-label={ format!("{} {}", p.kind, p.name) }>
                <h2 class="job-title"><code>{ format!("{}/{}", p.kind.to_lowercase(), p.name) }</code></h2>
                <div class="outcome outcome-running"><p class="outcome-headline">{ l.f(tx::OUTCOME_RUNNING, &[p.kind, &p.name]) }</p></div>
                <div class="sr-only" role="status" aria-live="polite"></div>
            </section>
        };
    };
    let (class, headline) = match &j.outcome {
        Some(o) => (
            if o.complete {
                "outcome-complete"
            } else {
                "outcome-failed"
            },
            l.f(
                tx::OUTCOME_AT,
                &[
                    "Job",
                    &j.name,
                    &if o.complete {
                        "Complete".to_string()
                    } else {
                        format!("Failed: {}", o.reason)
                    },
                    &driver::clock(o.at_ms),
                ],
            ),
        ),
        None if p.over && j.interim.is_none() => (
            "outcome-stopped",
            l.f(
                tx::OUTCOME_STOPPED,
                &["Job", &j.name, &driver::clock(p.now_ms)],
            ),
        ),
        None => match &j.interim {
            Some(i) => (
                if i.leads_to == "Complete" {
                    "outcome-interim-complete"
                } else {
                    "outcome-interim-failed"
                },
                l.f(
                    tx::OUTCOME_INTERIM,
                    &[
                        "Job",
                        &j.name,
                        &i.type_,
                        &i.reason,
                        &driver::clock(i.at_ms),
                        i.leads_to,
                    ],
                ),
            ),
            None => (
                "outcome-running",
                l.f(tx::OUTCOME_RUNNING, &["Job", &j.name]),
            ),
        },
    };
    let announce = j.outcome.as_ref().map(|o| {
        let mut s = headline.clone();
        if !o.message.is_empty() {
            s.push_str(". ");
            s.push_str(&o.message);
        }
        s
    });
    let completions = match j.completions {
        Some(c) => format!("{}/{c}", j.succeeded),
        None => format!("{}/1 of {}", j.succeeded, j.parallelism),
    };
    let b = &j.budget;
    let budget_label = if b.counts_restarts {
        tx::BUDGET_RESTARTS
    } else {
        tx::BUDGET
    };
    let budget_pct = if b.limit > 0 {
        f64::from(b.used) * 100.0 / f64::from(b.limit)
    } else if b.used > 0 {
        100.0
    } else {
        0.0
    };
    let conditions = if j.conditions.is_empty() {
        html! { <p class="muted small">{ l.t(tx::NO_CONDITIONS) }</p> }
    } else {
        html! {
            <ul class="conditions">
                { for j.conditions.iter().map(|k| {
                    let sel = Selection::Condition(k.type_.clone());
                    let selected = p.selection.as_ref() == Some(&sel);
                    let on = p.on_select.clone();
                    let kind = match k.type_.as_str() {
                        "Complete" | "SuccessCriteriaMet" => "good",
                        "Failed" | "FailureTarget" => "bad",
                        _ => "neutral",
                    };
                    html! {
                        <li key={ k.type_.clone() }>
                            <button type="button" class={ classes!("condition", kind, selected.then_some("selected")) }
                                aria-pressed={ if selected { "true" } else { "false" } }
                                title={ k.message.clone() }
                                onclick={ move |_| on.emit(Some(sel.clone())) }>
                                <span class="cond-type">{ format!("{}={}", k.type_, k.status) }</span>
                                <span class="cond-reason">{ k.reason.clone() }</span>
                                <span class="cond-at">{ format!("t={}", driver::clock(k.at_ms)) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        }
    };
    html! {
        <section class="job-card" aria-labelledby="job-title">
            <div class="job-head">
                <h2 id="job-title" class="job-title"><code>{ format!("job/{}", j.name) }</code></h2>
                <span class="mode">{ if j.indexed { "Indexed" } else { "NonIndexed" } }</span>
                if j.suspended { <span class="badge warn">{ l.t(tx::SUSPENDED) }</span> }
                if let Some(m) = &j.managed_by { <span class="badge">{ l.f(tx::MANAGED_BY, &[m]) }</span> }
            </div>
            <div class={ classes!("outcome", class) }>
                <p class="outcome-headline">
                    <span class="outcome-icon" aria-hidden="true">{ match class {
                        "outcome-complete" => "✓ ",
                        "outcome-failed" => "✕ ",
                        "outcome-stopped" => "■ ",
                        "outcome-interim-failed" | "outcome-interim-complete" => "◐ ",
                        _ => "▶ ",
                    } }</span>
                    { headline }
                </p>
                if let Some(o) = &j.outcome {
                    <p class="outcome-detail">
                        <code>{ o.reason.clone() }</code>
                        if !o.message.is_empty() { { " " }{ o.message.clone() } }
                    </p>
                    if let Some(why) = &p.outcome_why {
                        <p class="outcome-why"><span class="why-label">{ l.t(tx::WHY_TITLE) }{ ": " }</span>{ why.clone() }</p>
                    }
                }
            </div>
            <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">{ announce.unwrap_or_default() }</div>
            <dl class="stats">
                { stat("completions", completions, "") }
                { stat("parallelism", j.parallelism.to_string(), "") }
                { stat("active", j.active.to_string(), "running") }
                { stat("ready", j.ready.to_string(), "") }
                { stat("succeeded", j.succeeded.to_string(), "succeeded") }
                { stat("failed", j.failed.to_string(), if j.failed > 0 { "failed" } else { "" }) }
                { stat("terminating", j.terminating.to_string(), "") }
                if j.indexed {
                    { stat("completedIndexes", if j.completed_indexes.is_empty() { "—".into() } else { j.completed_indexes.clone() }, "wide") }
                }
                if b.per_index_limit.is_some() {
                    { stat("failedIndexes", j.failed_indexes.clone().filter(|f| !f.is_empty()).unwrap_or_else(|| "—".into()), "wide failed") }
                }
            </dl>
            <div class="meters">
                <div class="meter-row">
                    <span class="meter-label">{ l.t(budget_label) }</span>
                    { bar(budget_pct, if b.limit > 0 && b.used > b.limit { "over" } else { "budget" }) }
                    <span class="meter-value">{ format!("{} / {}", b.used, b.limit) }</span>
                </div>
                if let Some(per) = b.per_index_limit {
                    <p class="muted small">{ l.f(tx::BUDGET_PER_INDEX, &[&per.to_string()]) }</p>
                }
                if let Some(d) = &j.deadline {
                    <div class={ classes!("meter-row", d.exceeded.then_some("exceeded")) }>
                        <span class="meter-label"><code>{ l.t(tx::DEADLINE) }</code></span>
                        { bar(d.elapsed_ms as f64 / 10.0 / d.seconds.max(1) as f64, if d.exceeded { "over" } else { "deadline" }) }
                        <span class="meter-value">
                            { l.f(tx::DEADLINE_TEXT, &[&format!("{}s", d.elapsed_ms / 1000), &format!("{}s", d.seconds)]) }
                            if d.exceeded { { " · " }<strong>{ l.t(tx::DEADLINE_EXCEEDED) }</strong> }
                        </span>
                    </div>
                }
                if let Some((left, total)) = p.queue {
                    <div class="meter-row">
                        <span class="meter-label">{ l.t(tx::FORM_QUEUE) }</span>
                        { bar(f64::from(total - left.min(total)) * 100.0 / f64::from(total.max(1)), "queue") }
                        <span class="meter-value">{ l.f(tx::QUEUE, &[&left.to_string(), &total.to_string()]) }</span>
                    </div>
                }
            </div>
            <div class="conditions-block">
                <h3 class="small-h">{ l.t(tx::CONDITIONS) }</h3>
                { conditions }
            </div>
            if let Some(h) = &p.halted {
                <p class="notice warn" role="alert">{ l.f(tx::HALTED, &[h]) }</p>
            }
            if !p.action_errors.is_empty() {
                <div class="notice warn">
                    <p><strong>{ l.t(tx::ACTION_REJECTED) }</strong></p>
                    <ul>{ for p.action_errors.iter().map(|e| html! { <li><code>{ e.clone() }</code></li> }) }</ul>
                </div>
            }
        </section>
    }
}
