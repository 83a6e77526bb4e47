//! Messages about links, saved work and files: problems as alerts, news as a
//! status, each with a button that dismisses it. The texts come from
//! `ui::messages` and are rendered as text.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::i18n::{self as tx, Lang};
use crate::ui::messages::Message;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Lang,
    pub messages: Rc<Vec<Message>>,
    pub on_dismiss: Callback<usize>,
}

#[function_component(Notices)]
pub fn notices(p: &NoticesProps) -> Html {
    let l = p.lang;
    let item = |(i, m): (usize, &Message)| {
        let on = p.on_dismiss.clone();
        html! {
            <li class={ classes!("message", if m.problem { "problem" } else { "news" }) }>
                <span class="message-icon" aria-hidden="true">{ if m.problem { "!" } else { "i" } }</span>
                <p class="message-text">{ m.text.clone() }</p>
                <button type="button" class="button small dismiss" aria-label={ l.t(tx::DISMISS) } title={ l.t(tx::DISMISS) }
                    onclick={ move |_| on.emit(i) }>{ "×" }</button>
            </li>
        }
    };
    let problems: Vec<(usize, &Message)> = p
        .messages
        .iter()
        .enumerate()
        .filter(|(_, m)| m.problem)
        .collect();
    let news: Vec<(usize, &Message)> = p
        .messages
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.problem)
        .collect();
    html! {
        <div class="messages" aria-label={ l.t(tx::MESSAGES) }>
            <ul class="message-list" role="alert">{ for problems.into_iter().map(item) }</ul>
            <ul class="message-list" role="status">{ for news.into_iter().map(item) }</ul>
        </div>
    }
}
