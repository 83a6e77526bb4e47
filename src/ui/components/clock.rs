//! The virtual clock (`t = 1m23s`) beside the Job's AGE, whether the run plays, is
//! paused or ended, and when the engine is catching up. Not a live region: it
//! changes many times a second.

use yew::prelude::*;

use crate::ui::driver;
use crate::ui::i18n::{self as tx, Lang};

#[derive(Properties, PartialEq)]
pub struct ClockProps {
    pub lang: Lang,
    pub now_ms: u64,
    /// `job/pi` and its AGE as kubectl prints it.
    pub object: Option<(AttrValue, AttrValue)>,
    pub playing: bool,
    pub over: bool,
    pub catching_up: bool,
}

#[function_component(Clock)]
pub fn clock(p: &ClockProps) -> Html {
    let l = p.lang;
    let state = if p.over {
        tx::STATE_ENDED
    } else if p.playing {
        tx::STATE_PLAYING
    } else {
        tx::STATE_PAUSED
    };
    html! {
        <div class="clock-line">
            <p class="clock" title={ l.t(tx::CLOCK_TITLE) }>
                <span class="clock-label">{ "t = " }</span>
                <span class="clock-value">{ driver::clock(p.now_ms) }</span>
            </p>
            if let Some((obj, age)) = &p.object {
                <p class="age"><code>{ obj.clone() }</code>{ " AGE " }<code class="age-value">{ age.clone() }</code></p>
            }
            <p class={ classes!("run-state", if p.over { "ended" } else if p.playing { "playing" } else { "paused" }) }>
                { l.t(state) }
                if p.catching_up { <span class="catching-up">{ " · " }{ l.t(tx::CATCHING_UP) }</span> }
            </p>
        </div>
    }
}
