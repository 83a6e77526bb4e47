//! The page: holds the [`PageState`], wires the ticker, the debounced validation,
//! the keyboard shortcuts, the media queries, the address bar and dropped files
//! to the reducer, runs the browser's promises the state asks for (inflating an
//! opened link, compressing a share link, downloads) and reports back with
//! actions, keeps the address bar's fragment current, applies the language and
//! theme to `<html>`, and lays out the components (compact when embedded).

use std::rc::Rc;

use yew::prelude::*;

use gloo::timers::callback::Timeout;
use yew::platform::spawn_local;

use super::components::{
    Clock, Control, Controls, CronStrip, DropOverlay, Editor, EmbedBar, Events, Gallery, Header,
    Help, JobCard, KubectlText, Lanes, Library, Notices, Problems, ScenarioForm, Scrubber,
    ShareStatus, Speed, Tabs, Timeline, Toolbar, Walkthrough, Why,
};
use super::driver::{self, Selection, TabData};
use super::glue;
use super::hooks::{
    use_debounce, use_file_drop, use_hash_change, use_media_query, use_shortcuts,
    use_storage_change, use_ticker, use_time_zones, Shortcut,
};
use super::i18n::{self as tx, Lang};
use super::paint::{self, LANG_KEY, THEME_KEY};
use super::share;
use super::state::{Action, Download, DownloadKind, PageState, Share, Theme};
use crate::link;

/// Real milliseconds after the last change before the address bar's fragment is
/// rewritten (compressing a large text on every key would be wasted work).
const FRAGMENT_DEBOUNCE_MS: u32 = 600;

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
    let navigator = web_sys::window().and_then(|w| w.navigator().language());
    paint::initial_lang(load(LANG_KEY).as_deref(), navigator.as_deref())
}

fn initial_theme() -> Theme {
    load(THEME_KEY).map_or(Theme::System, |t| Theme::from_key(&t))
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        PageState::boot(
            initial_lang(),
            initial_theme(),
            super::hooks::use_media_query_matches(REDUCED_MOTION),
            &glue::current_fragment(),
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
            Shortcut::Share => Action::Share(false),
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
    let on_hash = use_callback(d.clone(), |f: String, d| d.dispatch(Action::Hash(f)));
    use_hash_change(on_hash);
    let on_storage = use_callback(d.clone(), |(), d| d.dispatch(Action::StorageChanged));
    use_storage_change(on_storage);
    let on_drag = use_callback(d.clone(), |a: bool, d| d.dispatch(Action::SetDragging(a)));
    let on_file = use_callback(d.clone(), |f: web_sys::File, d| import_file(d.clone(), f));
    use_file_drop(!state.embed, on_drag, on_file.clone());

    // A link to inflate (on load, or pasted into the address bar).
    {
        let d = d.clone();
        let pending = state.pending_link.clone();
        use_effect_with(state.link_req, move |_| {
            if let Some(p) = pending {
                spawn_local(async move {
                    let opened = glue::inflate(&p.0)
                        .await
                        .map(|(bytes, how)| link::finish(p.1.clone(), bytes, how));
                    d.dispatch(Action::LinkOpened(opened));
                });
            }
        });
    }
    // A share link: compress, check the size, copy.
    {
        let d = d.clone();
        let ask = state.share_ask.clone();
        use_effect_with(state.share_req, move |_| {
            if let Some(ask) = ask {
                spawn_local(async move {
                    let r = match glue::deflate(&ask.text).await {
                        Err(e) => Share::Failed(e),
                        Ok(bytes) => {
                            let link = format!(
                                "{}#{}",
                                glue::page_base(),
                                share::fragment(&bytes, &ask.params)
                            );
                            let chars = link.len();
                            if !share::fits(&link) && !ask.force {
                                Share::TooLong { chars, link }
                            } else if glue::copy(&link).await {
                                Share::Copied {
                                    chars,
                                    at_ms: ask.params.t_ms,
                                }
                            } else {
                                Share::NoClipboard(link)
                            }
                        }
                    };
                    d.dispatch(Action::ShareDone(r));
                });
            }
        });
    }
    // A download.
    {
        let d = d.clone();
        let dl = state.download.clone();
        use_effect_with(state.download_req, move |_| {
            if let Some(dl) = dl {
                match &*dl {
                    Download::Text { name, mime, body } => {
                        if let Err(e) = glue::download(name, mime, body) {
                            d.dispatch(Action::DownloadFailed(e));
                        }
                    }
                    Download::Png {
                        name,
                        svg,
                        width,
                        height,
                    } => {
                        let (name, svg, w, h) = (name.clone(), svg.clone(), *width, *height);
                        spawn_local(async move {
                            if let Err(e) = glue::png(&name, &svg, w, h).await {
                                d.dispatch(Action::DownloadFailed(e));
                            }
                        });
                    }
                }
            }
        });
    }
    // The address bar follows the text, speed and view (debounced; never over the limit).
    {
        let d = d.clone();
        let now = (state.text.clone(), state.speed, state.tab);
        let skip = state.opening || now == state.basis;
        let kept = state.kept.clone();
        use_effect_with(now, move |now| {
            let now = now.clone();
            let t = (!skip).then(|| {
                Timeout::new(FRAGMENT_DEBOUNCE_MS, move || {
                    spawn_local(async move {
                        let Ok(bytes) = glue::deflate(&now.0).await else {
                            return;
                        };
                        let params = share::Params {
                            speed: now.1,
                            tab: Some(now.2),
                            t_ms: None,
                            kept,
                        };
                        let mut f = share::fragment(&bytes, &params);
                        if !share::fits(&format!("{}#{f}", glue::page_base())) {
                            f.clear();
                        }
                        glue::replace_fragment(&f);
                        d.dispatch(Action::FragmentWritten(f, now));
                    });
                })
            });
            move || drop(t)
        });
    }

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
    let on_form_error = use_callback(d.clone(), |e: String, d| d.dispatch(Action::FormError(e)));
    let on_share = use_callback(d.clone(), |(), d| d.dispatch(Action::Share(false)));
    let on_share_anyway = use_callback(d.clone(), |(), d| d.dispatch(Action::Share(true)));
    let on_share_dismiss = use_callback(d.clone(), |(), d| d.dispatch(Action::DismissShare));
    let on_share_download = use_callback(d.clone(), |(), d| {
        d.dispatch(Action::Download(DownloadKind::AllYaml))
    });
    let on_download = use_callback(d.clone(), |k: DownloadKind, d| {
        d.dispatch(Action::Download(k))
    });
    let on_dismiss = use_callback(d.clone(), |i: usize, d| {
        d.dispatch(Action::DismissMessage(i))
    });
    let on_open = use_callback(d.clone(), |s, d| d.dispatch(Action::ShowSource(s)));
    let on_save_as = use_callback(d.clone(), |n: String, d| d.dispatch(Action::SaveAs(n)));
    let on_rename = use_callback(d.clone(), |(id, n): (u32, String), d| {
        d.dispatch(Action::Rename(id, n))
    });
    let on_delete = use_callback(d.clone(), |id: u32, d| d.dispatch(Action::Delete(id)));
    let on_walk = use_callback(d.clone(), |i: usize, d| d.dispatch(Action::WalkGo(i)));
    let on_toggle_editor = use_callback(d, |(), d| d.dispatch(Action::ToggleEditor));

    let snap = state.snap.clone();
    // Rejected by the API server (a text waiting for the time-zone table is not).
    let invalid = state.validation.summary.is_some();
    let sim = match snap.as_deref() {
        None if state.opening => html! { <p class="notice">{ l.t(tx::OPENING_LINK) }</p> },
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
    let notices = html! {
        <>
            <Notices lang={ l } messages={ state.messages.clone() } { on_dismiss } />
            <ShareStatus lang={ l } share={ state.share.clone() } on_dismiss={ on_share_dismiss }
                on_copy_anyway={ on_share_anyway } on_download={ on_share_download } />
        </>
    };
    let library = html! {
        <Library lang={ l } entries={ Rc::new(state.ws.entries.clone()) } source={ state.ws.source.clone() }
            unsaved={ state.ws.unsaved } embed={ state.embed } { on_open } { on_save_as } { on_rename } { on_delete }
            on_download={ on_download.clone() } on_import={ on_file } />
    };
    let walk = state
        .walk_view()
        .map(|view| html! { <Walkthrough lang={ l } { view } on_go={ on_walk } /> });
    let editor = html! {
        <>
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
        </>
    };

    if state.embed {
        let base = glue::page_base();
        let fragment = state
            .fragment
            .clone()
            .or_else(|| state.opened_fragment.clone())
            .unwrap_or_default();
        let href = share::open_in_playground(&base, &fragment);
        let name = snap
            .as_deref()
            .map(|s| format!("{}/{}", s.kind.to_ascii_lowercase(), s.name))
            .unwrap_or_default();
        return html! {
            <div class="embed-root">
                <EmbedBar lang={ l } name={ AttrValue::from(name) } href={ AttrValue::from(href) }
                    editor_open={ state.editor_open } on_toggle={ on_toggle_editor } />
                { notices }
                { for walk }
                <section id="embed-editor" class="panel editor-panel embed-editor" hidden={ !state.editor_open }
                    aria-labelledby="editor-title">
                    <h2 id="editor-title" class="sr-only">{ l.t(tx::EDITOR_TITLE) }</h2>
                    { library }
                    { editor }
                </section>
                <section class="panel sim-panel" aria-label={ l.t(tx::CONTROLS) }>
                    { sim }
                </section>
                <Help lang={ l } open={ state.help_open } reduced_motion={ state.reduced_motion } on_close={ on_help_close } />
            </div>
        };
    }

    html! {
        <>
            <Header lang={ l } theme={ state.theme } { on_lang } { on_theme } { on_help } />
            <main class="layout">
                <section class="panel editor-panel" aria-labelledby="editor-title">
                    <div class="panel-head">
                        <h2 id="editor-title">{ l.t(tx::EDITOR_TITLE) }</h2>
                        <Toolbar lang={ l } has_run={ snap.is_some() } { on_share } { on_download } />
                    </div>
                    { notices }
                    { library }
                    { for walk }
                    <Gallery lang={ l } current={ state.example } { edited } { on_pick } />
                    { editor }
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
            <DropOverlay lang={ l } active={ state.dragging } />
        </>
    }
}

/// Read a dropped or chosen file, then import it (or say why not).
fn import_file(d: UseReducerDispatcher<PageState>, f: web_sys::File) {
    spawn_local(async move {
        let (name, r) = glue::read_file(&f, crate::api::yaml::MAX_INPUT_BYTES).await;
        d.dispatch(match r {
            Ok(text) => Action::Imported(name, text),
            Err(e) => Action::ImportFailed(name, e),
        });
    });
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
