//! A large pool of pods as compact cells: a small square per pod with its phase
//! as colour and icon, its name and STATUS as the accessible name and tooltip.
//! One tab stop for the grid; the arrow keys move between cells; Enter or a click
//! explains a pod. Clicks are handled once, on the grid.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::pod_card::{glyph, status_text};
use crate::ui::i18n::{self as tx, Lang};
use crate::view::model::PodCard as Card;

#[derive(Properties, PartialEq)]
pub struct PodCellsProps {
    pub cards: Vec<Card>,
    pub total: u32,
    pub cols: u32,
    pub lang: Lang,
    pub selected: Option<u32>,
    pub on_select: Callback<u32>,
}

fn pod_of(target: Option<web_sys::EventTarget>) -> Option<(Element, u32)> {
    let el = target?.dyn_into::<Element>().ok()?;
    let cell = el.closest("[data-pod]").ok()??;
    let id = cell.get_attribute("data-pod")?.parse().ok()?;
    Some((cell, id))
}

#[function_component(PodCells)]
pub fn pod_cells(p: &PodCellsProps) -> Html {
    let onclick = {
        let on = p.on_select.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some((_, id)) = pod_of(e.target()) {
                on.emit(id);
            }
        })
    };
    let cols = p.cols.max(1) as i32;
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let Some((cell, _)) = pod_of(e.target()) else {
            return;
        };
        let by = match e.key().as_str() {
            "ArrowRight" => 1,
            "ArrowLeft" => -1,
            "ArrowDown" => cols,
            "ArrowUp" => -cols,
            _ => return,
        };
        e.prevent_default();
        e.stop_propagation();
        let mut next = Some(cell);
        for _ in 0..by.unsigned_abs() {
            next = next.and_then(|c| {
                if by > 0 {
                    c.next_element_sibling()
                } else {
                    c.previous_element_sibling()
                }
            });
        }
        if let Some(h) = next.and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
            let _ = h.focus();
        }
    });
    let l = p.lang;
    html! {
        <div class="cells" role="group" aria-label={ l.f(tx::POD_CELLS, &[&p.total.to_string()]) }
            style={ format!("grid-template-columns:repeat({cols},var(--cell))") } { onclick } { onkeydown }>
            { for p.cards.iter().enumerate().map(|(i, c)| {
                let label = format!("{} {}", c.name, status_text(c));
                let selected = p.selected == Some(c.id);
                html! {
                    <button type="button" key={ c.id } class={ classes!("cell", format!("phase-{}", c.class.css()), selected.then_some("selected")) }
                        data-pod={ c.id.to_string() } tabindex={ if i == 0 || selected { "0" } else { "-1" } }
                        aria-label={ label.clone() } title={ label }>
                        <span aria-hidden="true">{ glyph(c.class) }</span>
                    </button>
                }
            }) }
        </div>
    }
}
