//! Call `f` once `delay_ms` after `dep` last changed (validation as you type).

use gloo::timers::callback::Timeout;
use yew::prelude::*;

#[hook]
pub fn use_debounce<D>(dep: D, delay_ms: u32, f: Callback<()>)
where
    D: PartialEq + 'static,
{
    use_effect_with(dep, move |_| {
        let t = Timeout::new(delay_ms, move || f.emit(()));
        move || drop(t)
    });
}
