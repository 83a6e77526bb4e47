//! The simulation controls: Run, Pause/Resume, Back, Step, Reset, Jump to end.

use yew::prelude::*;

use crate::ui::i18n::{self as tx, Lang};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    Run,
    TogglePause,
    StepBack,
    Step,
    Reset,
    JumpToEnd,
}

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub lang: Lang,
    pub playing: bool,
    pub over: bool,
    /// A run exists (the text was valid once).
    pub ready: bool,
    pub on_control: Callback<Control>,
}

#[function_component(Controls)]
pub fn controls(p: &ControlsProps) -> Html {
    let l = p.lang;
    let button = |c: Control,
                  icon: &'static str,
                  label: &'static str,
                  title: &'static str,
                  class: &'static str,
                  disabled: bool| {
        let on = p.on_control.clone();
        html! {
            <button type="button" class={ classes!("button", class) } title={ title } { disabled }
                onclick={ move |_| on.emit(c) }>
                <span class="icon" aria-hidden="true">{ icon }</span>
                <span class="label">{ label }</span>
            </button>
        }
    };
    let (pause_icon, pause_label) = if p.playing {
        ("❚❚", l.t(tx::PAUSE))
    } else {
        ("▶", l.t(tx::RESUME))
    };
    html! {
        <div class="controls" role="group" aria-label={ l.t(tx::CONTROLS) }>
            { button(Control::Run, "▶", l.t(tx::RUN), l.t(tx::RUN_TITLE), "primary", false) }
            { button(Control::TogglePause, pause_icon, pause_label, "Space", "pause", !p.ready || (p.over && !p.playing)) }
            { button(Control::StepBack, "◂", l.t(tx::STEP_BACK), l.t(tx::STEP_BACK_TITLE), "", !p.ready) }
            { button(Control::Step, "▸", l.t(tx::STEP), l.t(tx::STEP_TITLE), "", !p.ready || p.over) }
            { button(Control::Reset, "↺", l.t(tx::RESET), l.t(tx::RESET_TITLE), "", false) }
            { button(Control::JumpToEnd, "⇥", l.t(tx::JUMP_END), l.t(tx::JUMP_END_TITLE), "", !p.ready || p.over) }
        </div>
    }
}
