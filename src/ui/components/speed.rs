//! The speed: virtual seconds per real second, 0.25× to 1000×.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::driver::{self, SPEEDS};
use crate::ui::i18n::{self as tx, Lang};

#[derive(Properties, PartialEq)]
pub struct SpeedProps {
    pub lang: Lang,
    pub speed: f64,
    pub on_speed: Callback<f64>,
}

#[function_component(Speed)]
pub fn speed(p: &SpeedProps) -> Html {
    let on_speed = p.on_speed.reform(|e: Event| {
        e.target_dyn_into::<HtmlSelectElement>()
            .and_then(|s| s.value().parse::<f64>().ok())
            .unwrap_or(1.0)
    });
    html! {
        <label class="field-inline speed">
            <span>{ p.lang.t(tx::SPEED) }</span>
            <select onchange={ on_speed }>
                { for SPEEDS.iter().map(|&s| html! {
                    <option value={ s.to_string() } selected={ s == p.speed }>{ driver::speed_label(s) }</option>
                }) }
            </select>
        </label>
    }
}
