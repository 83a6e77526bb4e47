//! The Events tab: the events the controllers recorded, in order, with kubectl's
//! `get events` columns (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE) and the virtual
//! time. Each reason is a button that explains the event.

use yew::prelude::*;

use crate::ui::driver::{self, EventRow, Selection};
use crate::ui::i18n::{self as tx, Lang};

#[derive(Properties, PartialEq)]
pub struct EventsProps {
    pub lang: Lang,
    pub rows: Vec<EventRow>,
    pub more: usize,
    pub selected: Option<usize>,
    pub on_select: Callback<Option<Selection>>,
}

#[function_component(Events)]
pub fn events(p: &EventsProps) -> Html {
    let l = p.lang;
    if p.rows.is_empty() {
        return html! { <p class="muted">{ l.t(tx::NO_EVENTS) }</p> };
    }
    html! {
        <div class="table-wrap" tabindex="0">
            if p.more > 0 { <p class="muted small">{ l.f(tx::EVENTS_MORE, &[&p.more.to_string()]) }</p> }
            <table class="events">
                <thead>
                    <tr>
                        <th scope="col">{ l.t(tx::EVENT_TIME) }</th>
                        <th scope="col">{ "LAST SEEN" }</th>
                        <th scope="col">{ "TYPE" }</th>
                        <th scope="col">{ "REASON" }</th>
                        <th scope="col">{ "OBJECT" }</th>
                        <th scope="col">{ "MESSAGE" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for p.rows.iter().map(|r| {
                        let on = p.on_select.clone();
                        let idx = r.idx;
                        let selected = p.selected == Some(idx);
                        html! {
                            <tr key={ idx } class={ classes!(r.warning.then_some("warning"), selected.then_some("selected")) }>
                                <td class="num">{ driver::clock(r.at_ms) }</td>
                                <td class="num">{ r.last_seen.clone() }</td>
                                <td>{ if r.warning { "⚠ Warning" } else { "Normal" } }</td>
                                <td>
                                    <button type="button" class="link reason" aria-pressed={ if selected { "true" } else { "false" } }
                                        onclick={ move |_| on.emit(Some(Selection::Event(idx))) }>{ r.reason.clone() }</button>
                                </td>
                                <td><code>{ r.object.clone() }</code></td>
                                <td class="message">{ r.message.clone() }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
