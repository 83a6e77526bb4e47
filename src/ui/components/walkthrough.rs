//! A workshop walk-through (`spec.walkthrough`): the current step's text, where
//! the simulation pauses for it, and for a step that asks for a change, each
//! check with what the run held and whether the change did what was asked
//! (the verdicts come from the engine; this only shows them).

use yew::prelude::*;

use crate::ui::driver;
use crate::ui::i18n::{self as tx, Lang};
use crate::ui::messages;
use crate::ui::state::WalkView;

#[derive(Properties, PartialEq)]
pub struct WalkthroughProps {
    pub lang: Lang,
    pub view: WalkView,
    pub on_go: Callback<usize>,
}

#[function_component(Walkthrough)]
pub fn walkthrough(p: &WalkthroughProps) -> Html {
    let l = p.lang;
    let v = &p.view;
    let Some(step) = v.steps.get(v.step) else {
        return html! {};
    };
    let n = v.steps.len();
    let go = |to: usize| {
        let on = p.on_go.clone();
        move |_: MouseEvent| on.emit(to)
    };
    let at_ms = step.at.map(|s| (s.0 * 1000.0).round().max(0.0) as u64);
    let pause = at_ms.map(|at| {
        let ended_before = v.end_ms.filter(|e| *e < at && v.now_ms >= *e);
        let (text, class) = if v.paused_at == Some(at) {
            (l.f(tx::WALK_PAUSED, &[&driver::clock(at)]), "paused")
        } else if let Some(end) = ended_before {
            (l.f(tx::WALK_ENDED_BEFORE, &[&driver::clock(end), &driver::clock(at)]), "passed")
        } else if v.now_ms > at {
            (l.f(tx::WALK_PASSED_AT, &[&driver::clock(at)]), "passed")
        } else {
            (l.f(tx::WALK_PAUSES, &[&driver::clock(at)]), "ahead")
        };
        html! { <p class={ classes!("walk-pause", class) }><span aria-hidden="true">{ "❚❚ " }</span>{ text }</p> }
    });
    let checks = (!step.expect.is_empty()).then(|| {
        let verdicts = v.verdicts.as_ref().and_then(|all| all.get(v.step));
        let state = match verdicts {
            _ if v.text_changed => html! { <p class="walk-state pending">{ l.t(tx::WALK_RUN_TO_CHECK) }</p> },
            None => html! { <p class="walk-state pending">{ l.t(tx::WALK_CHECKING) }</p> },
            Some(list) if list.iter().all(|x| x.passed) => html! {
                <p class="walk-state done"><span aria-hidden="true">{ "✓ " }</span>{ l.t(tx::WALK_DONE) }</p>
            },
            Some(_) => html! {
                <p class="walk-state not-yet"><span aria-hidden="true">{ "✕ " }</span>{ l.t(tx::WALK_NOT_YET) }</p>
            },
        };
        let failed = verdicts.is_some_and(|l| l.iter().any(|x| !x.passed)) && !v.text_changed;
        let items = verdicts.filter(|_| !v.text_changed).map(|list| {
            html! {
                <ul class="walk-checks" aria-label={ l.t(tx::WALK_CHECKS) }>
                    { for list.iter().map(|x| html! {
                        <li class={ if x.passed { "ok" } else { "bad" } }>
                            <span class="glyph" aria-hidden="true">{ if x.passed { "✓" } else { "✕" } }</span>
                            <code>{ messages::verdict(l, x) }</code>
                        </li>
                    }) }
                </ul>
            }
        });
        html! {
            <div class="walk-check" role="status">
                { state }
                { for items }
                if failed {
                    if let Some(h) = step.hint_in(l.code()) {
                        <p class="walk-hint"><strong>{ l.t(tx::WALK_HINT) }</strong>{ " " }{ h.to_string() }</p>
                    }
                }
            </div>
        }
    });
    html! {
        <section class="walkthrough" aria-labelledby="walk-title">
            <div class="walk-head">
                <h3 id="walk-title" class="walk-title">
                    <span class="walk-badge">{ l.t(tx::WALK_TITLE) }</span>{ " " }
                    <span class="walk-count">{ l.f(tx::WALK_STEP, &[&(v.step + 1).to_string(), &n.to_string()]) }</span>
                </h3>
                <div class="walk-nav">
                    <button type="button" class="button small" disabled={ v.step == 0 } onclick={ go(v.step.saturating_sub(1)) }>
                        <span aria-hidden="true">{ "‹ " }</span>{ l.t(tx::WALK_PREV) }
                    </button>
                    <button type="button" class="button small primary" disabled={ v.step + 1 >= n } onclick={ go(v.step + 1) }>
                        { l.t(tx::WALK_NEXT) }<span aria-hidden="true">{ " ›" }</span>
                    </button>
                </div>
            </div>
            <p class="walk-text">{ step.text_in(l.code()).to_string() }</p>
            { for pause }
            { for checks }
        </section>
    }
}
