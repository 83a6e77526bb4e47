//! The pods of the main Job: one lane per completion index for Indexed Jobs
//! (labelled with the pods' hostname, `pi-3`, every attempt of the index in it), or
//! one pool for NonIndexed Jobs; the backoff countdown sits on the slot where the
//! next pod will be created. Only the lanes (or pool cells) in view are drawn: the
//! scroll position sets the window the driver copies out.

use gloo::events::EventListener;
use web_sys::Element;
use yew::prelude::*;

use super::{Countdown, PodCard, PodCells};
use crate::ui::driver::{Lanes as LanesData, Selection, Window};
use crate::ui::i18n::{self as tx, Lang};
use crate::view::model::LaneState;

/// A lane's height in pixels (fixed: the window is computed from it).
pub const LANE_H: u32 = 84;
/// A compact pool cell's pitch in pixels (size plus gap).
pub const CELL: u32 = 22;

#[derive(Properties, PartialEq)]
pub struct LanesProps {
    pub lang: Lang,
    pub data: LanesData,
    pub window: Window,
    pub selection: Option<Selection>,
    pub on_select: Callback<Option<Selection>>,
    pub on_window: Callback<Window>,
}

/// The tallest the scroll boxes grow (www/style.css: `.lanes-scroll` 5.5 lanes,
/// `.cells-scroll` 14 cells plus padding), in pixels, rounded up.
const LANES_MAX_H: u32 = LANE_H * 6;
const CELLS_MAX_H: u32 = CELL * 15;

/// The window that fits the scroll box `el`: as tall as the box may grow, so that a
/// box still filling up with pods needs no new measure.
fn window_of(el: &Element, data: &LanesData) -> Window {
    let top = el.scroll_top().max(0) as u32;
    let most = if data.indexed {
        LANES_MAX_H
    } else {
        CELLS_MAX_H
    };
    let h = (el.client_height().max(0) as u32).max(most);
    if data.indexed {
        Window {
            from: (top / LANE_H).saturating_sub(3),
            count: h / LANE_H + 8,
            cols: 1,
        }
    } else {
        let cols = ((el.client_width().max(0) as u32).saturating_sub(8) / CELL).max(1);
        let row = (top / CELL).saturating_sub(4);
        Window {
            from: row * cols,
            count: (h / CELL + 10) * cols,
            cols,
        }
    }
}

/// A hostname with its index always in view: a long Job name gives way first.
fn hostname(label: &str) -> Html {
    match label.rsplit_once('-') {
        Some((prefix, index)) => html! {
            <><span class="host-prefix">{ prefix }</span><span class="host-index">{ format!("-{index}") }</span></>
        },
        None => html! { { label } },
    }
}

fn lane_state(l: Lang, s: LaneState) -> (&'static str, &'static str) {
    match s {
        LaneState::Waiting => ("waiting", l.t(tx::LANE_WAITING)),
        LaneState::Active => ("active", l.t(tx::LANE_ACTIVE)),
        LaneState::Completed => ("completed", l.t(tx::LANE_COMPLETED)),
        LaneState::Failed => ("failed", l.t(tx::LANE_FAILED)),
    }
}

#[function_component(Lanes)]
pub fn lanes(p: &LanesProps) -> Html {
    let l = p.lang;
    let d = &p.data;
    let scroller = use_node_ref();
    let virtualised = d.indexed || d.compact;
    // Measure the window on mount, when the pods change shape (lanes or pool,
    // cards or cells), and on resize; scrolling measures it too. Not when more
    // pods arrive: the window depends on the scroll box alone, and reading it
    // after each render would force a style and layout pass on every tick.
    {
        let scroller = scroller.clone();
        let on_window = p.on_window.clone();
        let data = d.clone();
        let current = p.window;
        use_effect_with((d.indexed, d.compact), move |_| {
            let measure = {
                let scroller = scroller.clone();
                move || {
                    if let Some(el) = scroller.cast::<Element>() {
                        let w = window_of(&el, &data);
                        if w != current {
                            on_window.emit(w);
                        }
                    }
                }
            };
            if virtualised {
                measure();
            }
            let listener =
                web_sys::window().map(|w| EventListener::new(&w, "resize", move |_| measure()));
            move || drop(listener)
        });
    }
    let onscroll = {
        let scroller = scroller.clone();
        let on_window = p.on_window.clone();
        let data = d.clone();
        let current = p.window;
        Callback::from(move |_: Event| {
            if let Some(el) = scroller.cast::<Element>() {
                let w = window_of(&el, &data);
                if w != current {
                    on_window.emit(w);
                }
            }
        })
    };
    let selected_pod = match &p.selection {
        Some(Selection::Pod(id)) => Some(*id),
        _ => None,
    };
    let on_pod = p.on_select.reform(|id: u32| Some(Selection::Pod(id)));
    let countdown_selected = |i: Option<u32>| p.selection == Some(Selection::Countdown(i));
    let note = if d.indexed {
        l.t(tx::PODS_INDEXED)
    } else {
        l.t(tx::PODS_POOL)
    };

    let body = if d.indexed {
        let shown = d.lanes.len() as u32;
        let before = d.from * LANE_H;
        let after = d.total.saturating_sub(d.from + shown) * LANE_H;
        html! {
            <div class="lanes-scroll indexed" ref={ scroller } onscroll={ onscroll }>
                <div style={ format!("height:{before}px") }></div>
                <ol class="lanes" start={ (d.from).to_string() }>
                    { for d.lanes.iter().zip(d.hidden_attempts.iter()).map(|(lane, hidden)| {
                        let (cls, word) = lane_state(l, lane.state);
                        let index = lane.index.unwrap_or(0);
                        html! {
                            <li key={ index } class={ classes!("lane", format!("lane-{cls}")) } data-index={ index.to_string() }>
                                <div class="lane-label">
                                    <code class="hostname" title={ lane.label.clone() }>{ hostname(&lane.label) }</code>
                                    <span class="lane-state">{ word }</span>
                                    if lane.failures > 0 {
                                        <span class="lane-failures">{ l.f(tx::INDEX_FAILURES, &[&lane.failures.to_string()]) }</span>
                                    }
                                </div>
                                <div class="attempts">
                                    if *hidden > 0 { <span class="earlier">{ l.f(tx::EARLIER_ATTEMPTS, &[&hidden.to_string()]) }</span> }
                                    { for lane.attempts.iter().map(|a| html! {
                                        <PodCard key={ a.id } card={ a.clone() } lang={ l } selected={ selected_pod == Some(a.id) }
                                            show_attempt={ true } on_select={ on_pod.clone() } />
                                    }) }
                                    if let Some(cd) = &lane.countdown {
                                        <Countdown cd={ cd.clone() } lang={ l } selected={ countdown_selected(cd.index) } on_select={ p.on_select.clone() } />
                                    }
                                </div>
                            </li>
                        }
                    }) }
                </ol>
                <div style={ format!("height:{after}px") }></div>
            </div>
        }
    } else {
        let lane = d.lanes.first();
        let countdown = lane.and_then(|x| x.countdown.clone()).map(|cd| html! {
            <Countdown cd={ cd.clone() } lang={ l } selected={ countdown_selected(None) } on_select={ p.on_select.clone() } />
        });
        if d.total == 0 {
            html! { <div class="pool"><p class="muted">{ l.t(tx::NO_PODS) }</p>{ for countdown }</div> }
        } else if d.compact {
            let cols = p.window.cols.max(1);
            let shown = lane.map_or(0, |x| x.attempts.len()) as u32;
            let before = (d.from / cols) * CELL;
            let rows_after = d.total.saturating_sub(d.from + shown).div_ceil(cols);
            html! {
                <>
                    { for countdown }
                    <p class="muted small pool-note">
                        { l.f(tx::SHOWING_PODS, &[&(d.from + 1).to_string(), &(d.from + shown).to_string(), &d.total.to_string()]) }
                    </p>
                    <div class="lanes-scroll cells-scroll" ref={ scroller } onscroll={ onscroll }>
                        <div style={ format!("height:{before}px") }></div>
                        if let Some(lane) = lane {
                            <PodCells cards={ lane.attempts.clone() } total={ d.total } cols={ cols } lang={ l }
                                selected={ selected_pod } on_select={ on_pod.clone() } />
                        }
                        <div style={ format!("height:{}px", rows_after * CELL) }></div>
                    </div>
                </>
            }
        } else {
            html! {
                <div class="pool" ref={ scroller }>
                    { for lane.into_iter().flat_map(|x| x.attempts.iter()).map(|a| html! {
                        <PodCard key={ a.id } card={ a.clone() } lang={ l } selected={ selected_pod == Some(a.id) } on_select={ on_pod.clone() } />
                    }) }
                    { for countdown }
                </div>
            }
        }
    };
    html! {
        <section class="pods" aria-labelledby="pods-title">
            <div class="section-head">
                <h2 id="pods-title" class="section-title">{ l.t(tx::PODS) }</h2>
                <p class="muted small">{ note }</p>
            </div>
            { body }
        </section>
    }
}
