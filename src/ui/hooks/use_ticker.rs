//! A real-time ticker on `gloo-timers`: while `active`, calls `on_tick` every
//! `every_ms` with the real milliseconds that passed since the last call, measured
//! with `performance.now()`. Browsers slow timers down in background tabs (to once
//! a second or less); the elapsed time still counts, so the virtual clock keeps
//! correct time and catches up, in bounded slices, when the tab comes back.

use gloo::timers::callback::Interval;
use yew::prelude::*;

pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// Tick while `active`, every `every_ms`. The interval is dropped, and so
/// cancelled, when either changes or the component unmounts.
#[hook]
pub fn use_ticker(active: bool, every_ms: u32, on_tick: Callback<f64>) {
    use_effect_with((active, every_ms), move |&(active, every_ms)| {
        let interval = active.then(|| {
            let mut last = now_ms();
            Interval::new(every_ms, move || {
                let now = now_ms();
                let elapsed = (now - last).max(0.0);
                last = now;
                on_tick.emit(elapsed);
            })
        });
        move || drop(interval)
    });
}
