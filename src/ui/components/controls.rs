//! The run controls: Run, Pause/Resume, and the speed select.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// Virtual seconds per real second.
    pub speed: u32,
    pub speeds: &'static [u32],
    /// `Some(paused)` while a run is going on; `None` before Run and once over.
    pub pausable: Option<bool>,
    pub on_run: Callback<()>,
    pub on_pause: Callback<()>,
    pub on_speed: Callback<u32>,
}

#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    let onchange = {
        let on_speed = props.on_speed.clone();
        Callback::from(move |e: Event| {
            if let Some(sel) = e.target_dyn_into::<HtmlSelectElement>() {
                if let Ok(speed) = sel.value().parse::<u32>() {
                    on_speed.emit(speed);
                }
            }
        })
    };
    let run = props.on_run.reform(|_: MouseEvent| ());
    let pause = props.on_pause.reform(|_: MouseEvent| ());
    html! {
        <div class="controls" role="group" aria-label="Run controls">
            <button type="button" class="button primary" onclick={ run }
                title="Run the scenario from t = 0 (Ctrl+Enter)">
                { "Run" }
            </button>
            if let Some(paused) = props.pausable {
                <button type="button" class="button" onclick={ pause }>
                    { if paused { "Resume" } else { "Pause" } }
                </button>
            }
            <label class="speed">
                <span>{ "Speed" }</span>
                <select { onchange }>
                    { for props.speeds.iter().map(|&s| html! {
                        <option value={ s.to_string() } selected={ s == props.speed }>{ format!("{s}×") }</option>
                    }) }
                </select>
            </label>
        </div>
    }
}
