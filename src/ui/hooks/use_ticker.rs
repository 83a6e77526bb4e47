//! A real-time ticker on `gloo-timers`: while `active`, calls `on_tick` every
//! [`TICK_MS`] with the real milliseconds that passed since the last call
//! (measured with `performance.now()`, since timers drift and browsers throttle
//! them in background tabs).

use gloo::timers::callback::Interval;
use yew::prelude::*;

/// Real milliseconds between ticks (about 20 frames a second).
pub const TICK_MS: u32 = 50;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// Tick while `active`; `restart` (e.g. a run's generation) starts a fresh
/// interval. The interval is dropped, and so cancelled, when either changes or
/// the component unmounts.
#[hook]
pub fn use_ticker(active: bool, restart: u32, on_tick: Callback<u64>) {
    use_effect_with((active, restart), move |&(active, _)| {
        let interval = active.then(|| {
            let mut last = now_ms();
            Interval::new(TICK_MS, move || {
                let now = now_ms();
                let elapsed = (now - last).max(0.0);
                last = now;
                on_tick.emit(elapsed.round() as u64);
            })
        });
        move || drop(interval)
    });
}
