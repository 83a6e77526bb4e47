//! The page: holds the [`PageState`], wires the ticker, the debounced validation,
//! the keyboard shortcuts and the media queries to the reducer, applies the
//! language and theme to `<html>`, and lays out the components.

use std::rc::Rc;

use yew::prelude::*;

use super::components::{
    Clock, Control, Controls, CronStrip, Editor, Events, Gallery, Header, Help, JobCard,
    KubectlText, Lanes, Problems, ScenarioForm, Scrubber, Speed, Tabs, Timeline, Why,
};
use super::driver::{self, Selection, TabData};
use super::hooks::{
    use_debounce, use_media_query, use_shortcuts, use_ticker, use_time_zones, Shortcut,
};
use super::i18n::{self as tx, Lang};
use super::state::{Action, PageState, Theme};

const LANG_KEY: &str = "jobplay.lang";
const THEME_KEY: &str = "jobplay.theme";
const REDUCED_MOTION: &str = "(prefers-reduced-motion: reduce)";
/// Real milliseconds between ticks: smooth at about 30 frames a second, or one
/// step a second when the system asks for reduced motion.
const TICK_MS: u32 = 33;
const TICK_REDUCED_MS: u32 = 1000;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

fn initial_lang() -> Lang {
    if let Some(saved) = load(LANG_KEY) {
        return Lang::from_tag(&saved);
    }
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map_or(Lang::En, |l| Lang::from_tag(&l))
}

fn initial_theme() -> Theme {
    load(THEME_KEY).map_or(Theme::System, |t| Theme::from_key(&t))
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        PageState::new(
            initial_lang(),
            initial_theme(),
            super::hooks::use_media_query_matches(REDUCED_MOTION),
        )
    });
    let d = state.dispatcher();
    let l = state.lang;

    // Timers, validation, keys, media.
    let on_tick = use_callback(d.clone(), |ms: f64, d| d.dispatch(Action::Tick(ms)));
    let every = if state.reduced_motion {
        TICK_REDUCED_MS
    } else {
        TICK_MS
    };
    use_ticker(state.ticking, every, on_tick);
    let validate = use_callback(d.clone(), |(), d| d.dispatch(Action::Validate));
    use_debounce(state.text.clone(), 300, validate);
    let on_key = use_callback(d.clone(), |k: Shortcut, d| {
        d.dispatch(match k {
            Shortcut::Run => Action::Run,
            Shortcut::TogglePause => Action::TogglePause,
            Shortcut::Step => Action::Step,
            Shortcut::StepBack => Action::StepBack,
            Shortcut::ScrubForward => Action::ScrubBy(10_000),
            Shortcut::ScrubBack => Action::ScrubBy(-10_000),
            Shortcut::Start => Action::Seek(0),
            Shortcut::End => Action::JumpToEnd,
            Shortcut::Help => Action::SetHelp(true),
        })
    });
    use_shortcuts(!state.help_open, on_key);
    let on_motion = use_callback(d.clone(), |r: bool, d| {
        d.dispatch(Action::SetReducedMotion(r))
    });
    use_media_query(REDUCED_MOTION, on_motion);
    let on_zones = use_callback(d.clone(), |r: Result<(), String>, d| {
        d.dispatch(Action::ZonesArrived(r))
    });
    use_time_zones(state.needs_zones(), on_zones);

    // <html lang> and data-theme follow the page's choices.
    use_effect_with((l, state.theme), |&(l, theme)| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", l.code());
            let _ = match theme {
                Theme::System => root.remove_attribute("data-theme"),
                t => root.set_attribute("data-theme", t.key()),
            };
        }
    });

    let on_lang = use_callback(d.clone(), |lang: Lang, d| {
        save(LANG_KEY, lang.code());
        d.dispatch(Action::SetLang(lang))
    });
    let on_theme = use_callback(d.clone(), |t: Theme, d| {
        save(THEME_KEY, t.key());
        d.dispatch(Action::SetTheme(t))
    });
    let on_help = use_callback(d.clone(), |(), d| d.dispatch(Action::SetHelp(true)));
    let on_help_close = use_callback(d.clone(), |(), d| d.dispatch(Action::SetHelp(false)));
    let on_edit = use_callback(d.clone(), |t: String, d| d.dispatch(Action::Edit(t)));
    let edited = state
        .example
        .and_then(crate::gallery::get)
        .is_some_and(|e| e.text != &*state.text);
    let on_pick = use_callback(d.clone(), |name: &'static str, d| {
        d.dispatch(Action::LoadExample(name))
    });
    let on_control = use_callback(d.clone(), |c: Control, d| {
        d.dispatch(match c {
            Control::Run => Action::Run,
            Control::TogglePause => Action::TogglePause,
            Control::StepBack => Action::StepBack,
            Control::Step => Action::Step,
            Control::Reset => Action::Reset,
            Control::JumpToEnd => Action::JumpToEnd,
        })
    });
    let on_speed = use_callback(d.clone(), |s: f64, d| d.dispatch(Action::SetSpeed(s)));
    let on_seek = use_callback(d.clone(), |t: u64, d| d.dispatch(Action::Seek(t)));
    let on_select = use_callback(d.clone(), |s: Option<Selection>, d| {
        d.dispatch(Action::Select(s))
    });
    let on_close_why = use_callback(d.clone(), |(), d| d.dispatch(Action::Select(None)));
    let on_window = use_callback(d.clone(), |w: driver::Window, d| {
        d.dispatch(Action::SetWindow(w))
    });
    let on_tab = use_callback(d.clone(), |t: driver::Tab, d| d.dispatch(Action::SetTab(t)));
    let on_logs_pod = use_callback(d.clone(), |n: String, d| d.dispatch(Action::SetLogsPod(n)));
    let on_form_kind = use_callback(d.clone(), |k, d| d.dispatch(Action::FormKind(k)));
    let on_form = use_callback(d.clone(), |c, d| d.dispatch(Action::Form(c)));
    let on_form_error = use_callback(d, |e: String, d| d.dispatch(Action::FormError(e)));

    let snap = state.snap.clone();
    // Rejected by the API server (a text waiting for the time-zone table is not).
    let invalid = state.validation.summary.is_some();
    let sim = match snap.as_deref() {
        None => html! { <p class="notice">{ l.t(tx::NO_RUN) }</p> },
        Some(s) => sim_view(
            &state,
            s,
            SimCallbacks {
                on_control,
                on_speed,
                on_seek,
                on_select,
                on_close_why,
                on_window,
                on_tab,
                on_logs_pod,
            },
        ),
    };

    html! {
        <>
            <Header lang={ l } theme={ state.theme } { on_lang } { on_theme } { on_help } />
            <main class="layout">
                <section class="panel editor-panel" aria-labelledby="editor-title">
                    <div class="panel-head">
                        <h2 id="editor-title">{ l.t(tx::EDITOR_TITLE) }</h2>
                    </div>
                    <Gallery lang={ l } current={ state.example } { edited } { on_pick } />
                    <Editor
                        value={ AttrValue::from(Rc::clone(&state.text)) }
                        rev={ state.text_rev }
                        diagnostics={ AttrValue::from(state.validation.diagnostics_json()) }
                        { invalid }
                        lang={ l }
                        { on_edit }
                    />
                    <Problems validation={ state.validation.clone() } checking={ state.checking } zones_error={ state.zones_error.clone() } lang={ l } />
                    if state.text_changed() {
                        <p class="notice changed">{ l.t(tx::TEXT_CHANGED) }</p>
                    }
                    <ScenarioForm
                        text={ AttrValue::from(Rc::clone(&state.text)) }
                        lang={ l }
                        kind={ state.form_kind }
                        error={ state.form_error.clone().map(AttrValue::from) }
                        on_kind={ on_form_kind }
                        on_change={ on_form }
                        on_error={ on_form_error }
                    />
                </section>
                <section class="panel sim-panel" aria-label={ l.t(tx::CONTROLS) }>
                    { sim }
                </section>
            </main>
            <Help lang={ l } open={ state.help_open } reduced_motion={ state.reduced_motion } on_close={ on_help_close } />
        </>
    }
}

struct SimCallbacks {
    on_control: Callback<Control>,
    on_speed: Callback<f64>,
    on_seek: Callback<u64>,
    on_select: Callback<Option<Selection>>,
    on_close_why: Callback<()>,
    on_window: Callback<driver::Window>,
    on_tab: Callback<driver::Tab>,
    on_logs_pod: Callback<String>,
}

/// The right-hand side: controls, clock, the Job, its pods, why, and the views.
fn sim_view(state: &PageState, s: &driver::Snapshot, cb: SimCallbacks) -> Html {
    let l = state.lang;
    let object = s.job.as_ref().map(|j| {
        (
            AttrValue::from(format!("job/{}", j.name)),
            AttrValue::from(crate::view::duration::human(j.age_ms)),
        )
    });
    let selected_pod = match &state.selection {
        Some(Selection::Pod(id)) => Some(*id),
        _ => None,
    };
    let selected_event = match &state.selection {
        Some(Selection::Event(i)) => Some(*i),
        _ => None,
    };
    let tab_body = match &s.tab {
        TabData::Timeline { rows, more, .. } => html! {
            <Timeline lang={ l } rows={ rows.clone() } more={ *more } span_ms={ s.horizon_ms } now_ms={ s.now_ms }
                selected={ selected_pod } on_select={ cb.on_select.clone() } />
        },
        TabData::Events { rows, more } => html! {
            <Events lang={ l } rows={ rows.clone() } more={ *more } selected={ selected_event } on_select={ cb.on_select.clone() } />
        },
        TabData::Text {
            command,
            stdout,
            stderr,
            pods,
            pod,
        } => html! {
            <KubectlText lang={ l } command={ command.clone() } stdout={ stdout.clone() } stderr={ stderr.clone() }
                pods={ pods.clone() } pod={ pod.clone() } on_pod={ cb.on_logs_pod.clone() } />
        },
    };
    html! {
        <>
            <div class="sim-bar">
                <Controls lang={ l } playing={ s.playing } over={ s.over } ready={ true } on_control={ cb.on_control } />
                <Scrubber lang={ l } now_ms={ s.now_ms } horizon_ms={ s.horizon_ms } marks={ s.marks.clone() } on_seek={ cb.on_seek } />
                <div class="clock-row">
                    <Clock lang={ l } now_ms={ s.now_ms } { object } playing={ s.playing } over={ s.over }
                        catching_up={ s.catching_up } />
                    <Speed lang={ l } speed={ state.speed } on_speed={ cb.on_speed } />
                </div>
            </div>
            if let Some(cron) = &s.cron {
                <CronStrip lang={ l } cron={ cron.clone() } jobs={ s.cron_jobs.clone() } on_select={ cb.on_select.clone() } />
            }
            <JobCard lang={ l } kind={ s.kind } name={ AttrValue::from(s.name.clone()) } job={ s.job.clone() }
                outcome_why={ s.outcome_why.clone().map(AttrValue::from) } queue={ s.queue }
                halted={ s.halted.clone().map(AttrValue::from) } action_errors={ s.action_errors.clone() }
                now_ms={ s.now_ms } over={ s.over } selection={ state.selection.clone() } on_select={ cb.on_select.clone() } />
            if let Some(lanes) = &s.lanes {
                <Lanes lang={ l } data={ lanes.clone() } window={ state.window } selection={ state.selection.clone() }
                    on_select={ cb.on_select.clone() } on_window={ cb.on_window } />
            }
            <Why lang={ l } detail={ s.detail.clone() } selected={ state.selection.is_some() } on_close={ cb.on_close_why } />
            <Tabs lang={ l } tab={ state.tab } on_tab={ cb.on_tab }>{ tab_body }</Tabs>
        </>
    }
}
