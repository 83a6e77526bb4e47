//! How the run ended: the Job's terminal condition (Complete or Failed) with its
//! reason and message, or that it stopped without one.

use yew::prelude::*;

use crate::ui::driver::{self, Outcome, OutcomeKind};

#[derive(Properties, PartialEq)]
pub struct OutcomeProps {
    pub kind: AttrValue,
    pub name: AttrValue,
    pub outcome: Option<Outcome>,
}

#[function_component(OutcomeBanner)]
pub fn outcome_banner(props: &OutcomeProps) -> Html {
    // The live region stays in the page so that screen readers announce the outcome.
    let Some(o) = &props.outcome else {
        return html! { <div class="outcome" role="status"></div> };
    };
    let (class, word) = match o.kind {
        OutcomeKind::Complete => ("outcome-complete", "Complete"),
        OutcomeKind::Failed => ("outcome-failed", "Failed"),
        OutcomeKind::Stopped => ("outcome-stopped", "Stopped"),
    };
    let headline = match o.kind {
        OutcomeKind::Stopped => format!(
            "{} {}: stopped at t = {} without a terminal condition",
            props.kind,
            props.name,
            driver::clock(o.at_ms)
        ),
        _ => format!(
            "{} {}: {word} at t = {}",
            props.kind,
            props.name,
            driver::clock(o.at_ms)
        ),
    };
    html! {
        <div class={ classes!("outcome", "shown", class) } role="status">
            <p class="outcome-headline">{ headline }</p>
            if !o.reason.is_empty() || !o.message.is_empty() {
                <p class="outcome-detail">
                    <code>{ o.reason.clone() }</code>
                    if !o.message.is_empty() { { " " }{ o.message.clone() } }
                </p>
            }
        </div>
    }
}
