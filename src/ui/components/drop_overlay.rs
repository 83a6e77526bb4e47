//! The overlay shown while a file is dragged over the page.

use yew::prelude::*;

use crate::ui::i18n::{self as tx, Lang};

#[derive(Properties, PartialEq)]
pub struct DropOverlayProps {
    pub lang: Lang,
    pub active: bool,
}

#[function_component(DropOverlay)]
pub fn drop_overlay(p: &DropOverlayProps) -> Html {
    if !p.active {
        return html! {};
    }
    html! {
        <div class="drop-overlay" aria-hidden="true">
            <div class="drop-box">
                <span class="drop-icon">{ "⤓" }</span>
                <p>{ p.lang.t(tx::DROP_HERE) }</p>
            </div>
        </div>
    }
}
