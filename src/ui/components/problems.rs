//! What the API server says about the text: the errors (with the whole message)
//! or the warnings, each with its line (or, for a text naming a time zone, that the
//! time-zone table is still loading or could not be fetched); a line is a button that puts the caret
//! there. Stays in place (an empty status) when there is nothing to say, so the
//! layout does not jump while typing.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::editor::{EDITOR_ID, PROBLEMS_ID};
use crate::ui::driver::{self, Problem, Validation};
use crate::ui::i18n::{self as tx, Lang};

#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    pub validation: Rc<Validation>,
    pub checking: bool,
    /// The time-zone table could not be fetched.
    pub zones_error: Option<Rc<str>>,
    pub lang: Lang,
}

/// Focus the editor with the caret at the start of `line` (1-based), selecting it.
pub fn reveal_line(line: usize) {
    let Some(ta) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(EDITOR_ID))
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let text = ta.value();
    let from = driver::line_offset_utf16(&text, line);
    let to = driver::line_offset_utf16(&text, line + 1)
        .saturating_sub(1)
        .max(from);
    let _ = ta.focus();
    let _ = ta.set_selection_range(from, to);
    // Bring the line into view: the textarea's own line height.
    let lines_above = line.saturating_sub(4) as f64;
    let lh = web_sys::window()
        .and_then(|w| w.get_computed_style(&ta).ok().flatten())
        .and_then(|s| s.get_property_value("line-height").ok())
        .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
        .unwrap_or(21.0);
    let top = (lines_above * lh) as i32;
    if top < ta.scroll_top() || top > ta.scroll_top() + ta.client_height() - (lh as i32) * 6 {
        ta.set_scroll_top(top);
    }
}

fn place(l: Lang, p: &Problem) -> Option<(usize, String)> {
    let line = p.line?;
    Some((
        line,
        match p.column {
            Some(c) => l.f(tx::LINE_COLUMN, &[&line.to_string(), &c.to_string()]),
            None => l.f(tx::LINE, &[&line.to_string()]),
        },
    ))
}

#[function_component(Problems)]
pub fn problems(p: &ProblemsProps) -> Html {
    let l = p.lang;
    let v = &p.validation;
    let item = |pr: &Problem| {
        let at = place(l, pr);
        html! {
            <li class={ if pr.error { "problem error" } else { "problem warning" } }>
                if let Some((line, text)) = at {
                    <button type="button" class="link problem-place"
                        aria-label={ l.f(tx::GO_TO_LINE, &[&line.to_string()]) }
                        onclick={ move |_| reveal_line(line) }>{ text }</button>
                    { ": " }
                }
                <span class="problem-message">{ pr.message.clone() }</span>
            </li>
        }
    };
    if v.waiting_for_zones {
        // Nothing is known about a text naming a time zone until the table is there.
        return match &p.zones_error {
            Some(e) => html! {
                <div id={ PROBLEMS_ID } class="problems" role="alert">
                    <p class="problems-summary">{ l.f(tx::ZONES_FAILED, &[e]) }</p>
                </div>
            },
            None => html! {
                <div class="validity" role="status">
                    <p class="valid-line">{ l.t(tx::LOADING_ZONES) }</p>
                </div>
            },
        };
    }
    match &v.summary {
        Some(summary) => {
            // The summary repeats a lone problem's text; show it only when it adds something.
            let adds = !(v.problems.len() == 1
                && v.problems.iter().any(|x| summary.ends_with(&x.message)));
            html! {
                <div id={ PROBLEMS_ID } class="problems" role="alert">
                    <h3 class="problems-title">{ l.t(tx::PROBLEMS_TITLE) }</h3>
                    if adds { <p class="problems-summary">{ summary.clone() }</p> }
                    <ul class="problems-list">{ for v.problems.iter().map(item) }</ul>
                </div>
            }
        }
        None => html! {
            <div class="validity" role="status">
                <p class="valid-line">
                    if p.checking { { l.t(tx::CHECKING) } } else {
                        <span class="ok-mark" aria-hidden="true">{ "✓ " }</span>{ l.t(tx::VALID) }
                    }
                </p>
                if !v.problems.is_empty() {
                    <div class="warnings">
                        <h3 class="problems-title">{ l.t(tx::WARNINGS_TITLE) }</h3>
                        <ul class="problems-list">{ for v.problems.iter().map(item) }</ul>
                    </div>
                }
            </div>
        },
    }
}
