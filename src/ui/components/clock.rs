//! The virtual clock, `t = 12s`: virtual time since the workload was created.
//! Not a live region (nor an `<output>`, which is one): it changes 20 times a second.

use yew::prelude::*;

use crate::ui::driver;

#[derive(Properties, PartialEq)]
pub struct ClockProps {
    pub now_ms: u64,
}

#[function_component(Clock)]
pub fn clock(props: &ClockProps) -> Html {
    html! {
        <p class="clock" title="Virtual time since the workload was created">
            <span class="clock-label">{ "t = " }</span>
            <span class="clock-value">{ driver::clock(props.now_ms) }</span>
        </p>
    }
}
