//! The backoff countdown on the slot where the next pod will be created: the time
//! left, the delay (10 s, 20 s, 40 s ...) and the failures behind it, with a bar
//! that empties. Clicking it explains the wait.

use yew::prelude::*;

use crate::ui::driver::{self, Selection};
use crate::ui::i18n::{self as tx, Lang};
use crate::view::model::Countdown as Cd;

#[derive(Properties, PartialEq)]
pub struct CountdownProps {
    pub cd: Cd,
    pub lang: Lang,
    pub selected: bool,
    pub on_select: Callback<Option<Selection>>,
}

#[function_component(Countdown)]
pub fn countdown(p: &CountdownProps) -> Html {
    let l = p.lang;
    let cd = &p.cd;
    let left = driver::clock(cd.remaining_ms.div_ceil(1000) * 1000);
    let delay = driver::clock(cd.delay_ms);
    let pct = cd.remaining_ms as f64 * 100.0 / cd.delay_ms.max(1) as f64;
    let sel = Selection::Countdown(cd.index);
    let on = p.on_select.clone();
    html! {
        <button type="button" class={ classes!("countdown", p.selected.then_some("selected")) }
            aria-pressed={ if p.selected { "true" } else { "false" } }
            onclick={ move |_| on.emit(Some(sel.clone())) }>
            <span class="cd-next"><span class="glyph" aria-hidden="true">{ "◔" }</span>{ l.f(tx::NEXT_POD_IN, &[&left]) }</span>
            <span class="cd-why">{ l.f(tx::BACKOFF_AFTER, &[&delay, &cd.failures.to_string()]) }</span>
            <span class="bar cd-bar" aria-hidden="true"><span class="bar-fill" style={ format!("width:{pct:.1}%") }></span></span>
        </button>
    }
}
