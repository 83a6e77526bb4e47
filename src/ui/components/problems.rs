//! Why the scenario cannot run: the API server's message, then each problem with
//! its line and column.

use std::rc::Rc;

use yew::prelude::*;

use super::editor::PROBLEMS_ID;
use crate::ui::driver::{Invalid, Problem};

#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    pub invalid: Rc<Invalid>,
}

fn place(p: &Problem) -> Option<String> {
    match (p.line, p.column) {
        (Some(l), Some(c)) => Some(format!("Line {l}, column {c}")),
        (Some(l), None) => Some(format!("Line {l}")),
        _ => None,
    }
}

#[function_component(Problems)]
pub fn problems(props: &ProblemsProps) -> Html {
    let inv = &props.invalid;
    // The summary repeats a lone problem's text; show it only when it adds something.
    let summary_adds = !(inv.problems.len() == 1
        && inv
            .problems
            .iter()
            .any(|p| inv.summary.ends_with(&p.message)));
    html! {
        <div id={ PROBLEMS_ID } class="problems" role="alert">
            <h3 class="problems-title">{ "The scenario is invalid" }</h3>
            if summary_adds {
                <p class="problems-summary">{ inv.summary.clone() }</p>
            }
            <ul class="problems-list">
                { for inv.problems.iter().map(|p| html! {
                    <li>
                        if let Some(place) = place(p) {
                            <span class="problem-place">{ place }</span>{ ": " }
                        }
                        <span class="problem-message">{ p.message.clone() }</span>
                    </li>
                }) }
            </ul>
        </div>
    }
}
