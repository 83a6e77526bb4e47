//! The page state: one [`Reducible`] value changed only through [`Action`]s.
//!
//! Where the text lives (the Draft, a named scenario, an example, a link) is the
//! [`Workspace`]'s business (`workspace.rs` documents the states and why a link
//! never overwrites the person's work); the reducer calls it with the browser's
//! stores on every change of text or source. Work that needs the browser's
//! promises (compressing a share link, inflating an opened link, a download) is
//! asked for with a request the reducer puts in the state (`*_req` counters);
//! `app.rs` runs it in an effect and reports back with an action.
//!
//! The [`Playback`] (the engine's session) is the one large mutable thing. It lives
//! behind an `Rc<RefCell<_>>` so that a tick does not copy it; the reducer is its
//! only writer and never holds a borrow past its own call. Components never see it:
//! they render the [`Snapshot`] the reducer copies out after each change.

use std::cell::RefCell;
use std::rc::Rc;

use yew::Reducible;

use super::driver::{self, Ask, Playback, Selection, Snapshot, Tab, Validation, Window};
use super::i18n::{self as tx, Lang};
use super::messages::{self, FileError, Message};
use super::scenario_edit::{self, Change};
use super::storage::BrowserStore;
use super::workspace::{Names, Note, Source, Store, Workspace};
use crate::controller::cronjob::zone;
use crate::gallery;
use crate::link::{self, Begin, LinkState, Opened, Pending};
use crate::scenario::walkthrough::{Step, Verdict};

/// The example the page opens with.
pub const DEFAULT_EXAMPLE: &str = super::workspace::DEFAULT_EXAMPLE;
/// Messages kept on screen at most (the oldest go first).
pub const MAX_MESSAGES: usize = 6;

/// Engine work per tick, in real milliseconds, so that a frame stays short; the
/// clock catches up over the next ticks when a run needs more.
pub const TICK_BUDGET_MS: f64 = 7.0;
/// Real milliseconds the page may probe a run ahead before its first render (once).
const BOOT_PROBE_MS: f64 = 250.0;

/// The colour theme: the system's, or one chosen on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    pub fn from_key(k: &str) -> Theme {
        match k {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

/// Which common change the Scenario form is adding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    Exit,
    Evict,
    Delete,
    Suspend,
    Resume,
    Queue,
}

impl FormKind {
    pub const ALL: [FormKind; 6] = [
        FormKind::Exit,
        FormKind::Evict,
        FormKind::Delete,
        FormKind::Suspend,
        FormKind::Resume,
        FormKind::Queue,
    ];
    pub fn key(self) -> &'static str {
        match self {
            FormKind::Exit => "exit",
            FormKind::Evict => "evict",
            FormKind::Delete => "delete",
            FormKind::Suspend => "suspend",
            FormKind::Resume => "resume",
            FormKind::Queue => "queue",
        }
    }
    pub fn from_key(k: &str) -> FormKind {
        FormKind::ALL
            .into_iter()
            .find(|f| f.key() == k)
            .unwrap_or(FormKind::Exit)
    }
}

/// The browser's stores (localStorage, sessionStorage).
pub struct Stores {
    pub local: BrowserStore,
    pub session: BrowserStore,
}

/// What the Share button has to say.
#[derive(Clone, Debug, PartialEq)]
pub enum Share {
    Making,
    /// Copied: the link's length and the clock it opens at.
    Copied {
        chars: usize,
        at_ms: Option<u64>,
    },
    /// The browser refused the clipboard: the link to copy by hand.
    NoClipboard(String),
    /// Longer than `link::MAX_LINK_BYTES`: offer the file instead.
    TooLong {
        chars: usize,
        link: String,
    },
    Failed(String),
}

/// A share link request: what to put in it.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareAsk {
    pub text: Rc<str>,
    pub params: super::share::Params,
    /// Copy even when too long (the person asked for it).
    pub force: bool,
}

/// A download request.
#[derive(Clone, Debug, PartialEq)]
pub enum Download {
    Text {
        name: String,
        mime: &'static str,
        body: String,
    },
    Png {
        name: String,
        svg: String,
        width: u32,
        height: u32,
    },
}

/// Which download the menu asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DownloadKind {
    JobYaml,
    AllYaml,
    Svg,
    Png,
    Json,
    /// A saved scenario (or the Draft, `None`), by id.
    Saved(Option<u32>),
}

/// The walk-through's progress.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Walk {
    pub step: usize,
    /// Playing paused at the current step's `at` (ms).
    pub paused_at: Option<u64>,
}

/// What the walk-through panel shows.
#[derive(Clone, Debug, PartialEq)]
pub struct WalkView {
    pub steps: Rc<Vec<Step>>,
    pub step: usize,
    pub paused_at: Option<u64>,
    pub now_ms: u64,
    /// When the run on screen ends, once known.
    pub end_ms: Option<u64>,
    /// The checks of the run on screen, once its end is known.
    pub verdicts: Option<Rc<Vec<Vec<Verdict>>>>,
    /// The editor's text differs from the run on screen.
    pub text_changed: bool,
}

#[derive(Clone)]
pub struct PageState {
    /// The editor's text (never replaced behind the user's back).
    pub text: Rc<str>,
    /// Bumped whenever the page sets the text itself (gallery, form).
    pub text_rev: u32,
    pub validation: Rc<Validation>,
    /// The text changed and validation has not run on it yet.
    pub checking: bool,
    pub lang: Lang,
    pub theme: Theme,
    pub speed: f64,
    pub tab: Tab,
    pub window: Window,
    pub selection: Option<Selection>,
    pub logs_pod: Option<String>,
    pub help_open: bool,
    pub reduced_motion: bool,
    /// The gallery entry the text came from.
    pub example: Option<&'static str>,
    pub form_kind: FormKind,
    /// Why the form's last change was refused.
    pub form_error: Option<String>,
    playback: Option<Rc<RefCell<Playback>>>,
    /// What the page shows; `None` until a valid text was built.
    pub snap: Option<Rc<Snapshot>>,
    /// The playback has work for the ticker.
    pub ticking: bool,
    /// Why the time-zone table could not be fetched (texts naming a zone wait for it;
    /// the page tries again when one needs it next).
    pub zones_error: Option<Rc<str>>,
    /// A build the text asked for while it needed the missing time-zone table, done
    /// when the table arrives; `true`: play it then (Run).
    waiting_build: Option<bool>,
    /// Where the text lives, and the saved scenarios.
    pub ws: Rc<Workspace>,
    stores: Rc<RefCell<Stores>>,
    /// Messages about links, saved work and files.
    pub messages: Rc<Vec<Message>>,
    /// Embedded in a documentation page (`embed=1`): compact, saves nothing.
    pub embed: bool,
    /// The embed's editor is open (collapsed by default).
    pub editor_open: bool,
    /// A link is being inflated: the page waits for it before showing anything.
    pub opening: bool,
    /// The link to inflate (taken by the effect keyed on `link_req`).
    pub pending_link: Option<Rc<(Vec<u8>, Pending, String)>>,
    pub link_req: u32,
    /// Presentation parameters of the opened link, kept in the page's fragment.
    pub kept: LinkState,
    /// The fragment the page last wrote (the embed's "Open in playground").
    pub fragment: Option<String>,
    /// The fragment of the link the page was opened with.
    pub opened_fragment: Option<String>,
    /// What the address bar's fragment holds already: (text, speed, tab).
    pub basis: (Rc<str>, f64, Tab),
    pub share: Option<Share>,
    pub share_ask: Option<Rc<ShareAsk>>,
    pub share_req: u32,
    pub download: Option<Rc<Download>>,
    pub download_req: u32,
    pub walk: Walk,
    /// The Scenario's walk-through (of the run on screen).
    pub steps: Rc<Vec<Step>>,
    /// A file is dragged over the page.
    pub dragging: bool,
}

impl PartialEq for PageState {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

fn perf_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

impl PageState {
    /// The page as it opens: the fragment's link if there is one (inflated later,
    /// by the effect on `link_req`), else the person's restored work.
    pub fn boot(lang: Lang, theme: Theme, reduced_motion: bool, fragment: &str) -> PageState {
        let st = LinkState::parse(fragment);
        let embed = st.is_ours() && st.embed;
        let mut stores = Stores {
            local: BrowserStore::local(),
            session: BrowserStore::session(),
        };
        // Whether index.html showed the prerendered view (the same rule as its script),
        // read before anything is written.
        let prerendered = matches!(
            super::paint::first_paint(&stores.local, &stores.session, fragment, None),
            super::paint::Paint::Prerendered(_)
        );
        let (mut ws, notes) = Workspace::load(&mut stores.local, embed, lang.t(tx::RECOVERED_NAME));
        let foreign = ws.is_foreign_fragment(&stores.session, fragment);
        let restored = ws.restore(&stores.local, &stores.session);
        let mut s = PageState::with_text(lang, theme, reduced_motion, &restored);
        s.embed = embed;
        s.ws = Rc::new(ws);
        s.stores = Rc::new(RefCell::new(stores));
        s.example = match &s.ws.source {
            Source::Example(n) => Some(n),
            _ => None,
        };
        for n in &notes {
            s.say(messages::note(lang, n));
        }
        if foreign && st.is_ours() {
            // Known at once: no flash of the wrong theme or language while a link inflates.
            if let Some(t) = st
                .theme
                .as_deref()
                .filter(|t| matches!(*t, "light" | "dark"))
            {
                s.theme = Theme::from_key(t);
            }
            if let Some(l) = st.lang.as_deref() {
                s.lang = Lang::from_tag(l);
            }
        }
        if foreign {
            s.open_fragment(fragment);
        }
        if !s.opening && s.playback.is_none() {
            s.rebuild();
        }
        // When the prerendered view is on screen, probe ahead before the first render
        // (paused: only the probe moves), for at most BOOT_PROBE_MS, so the first live
        // frame shows the run's end and its moments as that view does (src/ui/paint.rs)
        // and replaces it without a change. Otherwise nothing is on screen yet but the
        // loading message: render at once, and probe on the ticks as for any run.
        if prerendered {
            let speed = s.speed;
            s.with_playback(|p| {
                let until = perf_now() + BOOT_PROBE_MS;
                p.tick(0.0, speed, &mut || perf_now() < until);
            });
        }
        s.arm();
        s.refresh();
        s
    }

    fn with_text(lang: Lang, theme: Theme, reduced_motion: bool, text: &str) -> PageState {
        let text: Rc<str> = Rc::from(text);
        PageState {
            validation: Rc::new(driver::validate(&text)),
            basis: (text.clone(), 1.0, Tab::Timeline),
            text,
            text_rev: 0,
            checking: false,
            lang,
            theme,
            speed: 1.0,
            tab: Tab::Timeline,
            window: Window::default(),
            selection: None,
            logs_pod: None,
            help_open: false,
            reduced_motion,
            example: None,
            form_kind: FormKind::Exit,
            form_error: None,
            playback: None,
            snap: None,
            ticking: false,
            zones_error: None,
            waiting_build: None,
            ws: Rc::new(Workspace::load(&mut super::workspace::MemoryStore::default(), true, "").0),
            stores: Rc::new(RefCell::new(Stores {
                local: BrowserStore::Memory(Default::default()),
                session: BrowserStore::Memory(Default::default()),
            })),
            messages: Rc::new(Vec::new()),
            embed: false,
            editor_open: false,
            opening: false,
            pending_link: None,
            link_req: 0,
            kept: LinkState::default(),
            fragment: None,
            opened_fragment: None,
            share: None,
            share_ask: None,
            share_req: 0,
            download: None,
            download_req: 0,
            walk: Walk::default(),
            steps: Rc::new(Vec::new()),
            dragging: false,
        }
    }

    fn say(&mut self, m: Message) {
        let list = Rc::make_mut(&mut self.messages);
        list.retain(|x| *x != m);
        list.push(m);
        if list.len() > MAX_MESSAGES {
            list.remove(0);
        }
    }

    /// Keep the text where it lives (or adopt it as the Draft): on every edit.
    fn autosave(&mut self) {
        let text = self.text.clone();
        let names = Names {
            rescue: self.lang.t(tx::RESCUE_NAME),
            fork: self.lang.t(tx::FORK_NAME),
        };
        let notes = self
            .workspace(|ws, local, session| ws.edited(local, session, &text, names))
            .unwrap_or_default();
        self.notes(notes);
    }

    fn notes(&mut self, notes: Vec<Note>) {
        for n in &notes {
            self.say(messages::note(self.lang, n));
        }
    }

    /// Run `f` on the workspace with the browser's stores.
    fn workspace<R>(
        &mut self,
        f: impl FnOnce(&mut Workspace, &mut dyn Store, &mut dyn Store) -> R,
    ) -> Option<R> {
        let stores = self.stores.clone();
        let mut st = stores.try_borrow_mut().ok()?;
        let Stores { local, session } = &mut *st;
        Some(f(Rc::make_mut(&mut self.ws), local, session))
    }

    /// Show a source's text (the Draft, a saved scenario, an example, a link).
    fn show(&mut self, source: Source, text: String) {
        let notes = self
            .workspace(|ws, local, session| ws.show(local, session, source, &text))
            .unwrap_or_default();
        self.notes(notes);
        self.example = match &self.ws.source {
            Source::Example(n) => Some(n),
            _ => None,
        };
        self.set_text(text);
        self.form_error = None;
        self.walk = Walk::default();
        self.rebuild();
    }

    /// Open a fragment as a link: at once when nothing needs inflating, else
    /// through the effect on `link_req` ([`Action::LinkOpened`]).
    fn open_fragment(&mut self, fragment: &str) {
        match link::begin(fragment, &|n| gallery::get(n).is_some()) {
            Begin::Nothing => {}
            Begin::Ready(o) => self.opened(o, fragment.to_string(), false),
            Begin::Inflate { data, pending } => {
                self.opening = true;
                self.snap = None;
                self.playback = None;
                self.ticking = false;
                self.pending_link = Some(Rc::new((data, pending, fragment.to_string())));
                self.link_req = self.link_req.wrapping_add(1);
            }
        }
    }

    /// A link was read (as far as it could be): show it and apply its parameters.
    fn opened(&mut self, o: Opened, fragment: String, unsupported: bool) {
        self.opening = false;
        self.pending_link = None;
        let st = &o.state;
        self.kept = super::share::kept(st);
        if let Some(t) = st.theme.as_deref() {
            if t == "light" || t == "dark" {
                self.theme = Theme::from_key(t);
            }
        }
        if let Some(l) = st.lang.as_deref() {
            self.lang = Lang::from_tag(l);
        }
        if let Some(v) = st.speed {
            self.speed = v;
        }
        let mut ignored = Vec::new();
        if let Some(v) = st.view.as_deref() {
            match Tab::from_key(v) {
                Some(t) => self.tab = t,
                None => ignored.push(format!("view={v}")),
            }
        }
        if let Some(t) = st
            .theme
            .as_deref()
            .filter(|t| !matches!(*t, "light" | "dark"))
        {
            ignored.push(format!("theme={t}"));
        }
        let whole = o.problem.is_none() && !unsupported;
        let example = o.example.as_deref().and_then(gallery::get);
        let shown = match (example, &o.text) {
            (Some(e), _) => Some((Source::Example(e.name), e.text.to_string())),
            (None, Some(t)) if whole => Some((Source::Link, t.clone())),
            (None, Some(t)) => Some((Source::Recovered, t.clone())),
            (None, None) => None,
        };
        let built = shown.is_some();
        match shown {
            Some((source, text)) => self.show(source, text),
            None => {
                // Nothing readable: the restored work stays on screen.
                if self.playback.is_none() {
                    self.rebuild();
                }
            }
        }
        let invalid = !self.validation.is_valid();
        let mut o = o;
        o.state.ignored.extend(ignored);
        for m in messages::link_opened(self.lang, &o, &fragment, unsupported, invalid) {
            // An embed is opened by its documentation page: only problems are news.
            if m.problem || !self.embed {
                self.say(m);
            }
        }
        self.opened_fragment = Some(fragment);
        if built {
            if let Some(t) = o.state.t {
                let ms = (t * 1000.0).min(u64::MAX as f64) as u64;
                self.with_playback(|p| p.seek(ms));
                self.work(0.0);
            }
            if o.state.autoplay {
                self.with_playback(|p| p.play());
            }
        }
        self.basis = (self.text.clone(), self.speed, self.tab);
    }

    /// Pause at the walk-through step's time, if it is ahead.
    fn arm(&mut self) {
        let at = self
            .steps
            .get(self.walk.step)
            .and_then(|s| s.at)
            .map(|s| (s.0 * 1000.0).round().max(0.0) as u64);
        let mut now = 0;
        self.with_playback(|p| {
            now = p.now_ms();
            p.set_stop(at.filter(|a| *a > now));
        });
        // "Paused at" holds only while the clock is there (not after Reset or a seek).
        if self.walk.paused_at.is_some_and(|t| t != now) {
            self.walk.paused_at = None;
        }
    }

    /// The walk-through panel's values; `None` when the scenario has none.
    pub fn walk_view(&self) -> Option<WalkView> {
        if self.steps.is_empty() {
            return None;
        }
        let (verdicts, now_ms, end_ms) = self
            .playback
            .as_ref()
            .and_then(|p| {
                p.try_borrow()
                    .ok()
                    .map(|p| (p.verdicts(), p.now_ms(), p.end_ms()))
            })
            .unwrap_or((None, 0, None));
        Some(WalkView {
            steps: self.steps.clone(),
            step: self.walk.step.min(self.steps.len() - 1),
            paused_at: self.walk.paused_at,
            now_ms,
            end_ms,
            verdicts,
            text_changed: self.text_changed(),
        })
    }

    /// The text and its download names.
    fn download_of(&self, kind: DownloadKind) -> Result<Download, String> {
        let l = self.lang;
        let name = match self.snap.as_deref() {
            Some(s) => super::export::file_stem(&s.name),
            None => "scenario".into(),
        };
        let yaml = |name: String, body: String| Download::Text {
            name,
            mime: "application/yaml",
            body,
        };
        match kind {
            DownloadKind::AllYaml => {
                Ok(yaml(format!("{name}.scenario.yaml"), self.text.to_string()))
            }
            DownloadKind::JobYaml => super::export::workload_yaml(&self.text)
                .map(|y| yaml(format!("{name}.yaml"), y))
                .ok_or_else(|| l.t(tx::DL_NO_WORKLOAD).to_string()),
            DownloadKind::Saved(id) => {
                let source = id.map_or(Source::Draft, Source::Saved);
                let stores = self.stores.try_borrow().map_err(|_| String::new())?;
                let text = self.ws.text_of(&stores.local, &source).unwrap_or_default();
                let base = match id.and_then(|i| self.ws.entry(i)) {
                    Some(e) => super::export::file_stem(&e.name),
                    None => "draft".into(),
                };
                Ok(yaml(format!("{base}.yaml"), text))
            }
            DownloadKind::Json => {
                let p = self
                    .playback
                    .as_ref()
                    .ok_or_else(|| l.t(tx::DL_NEEDS_RUN).to_string())?;
                let p = p.try_borrow().map_err(|_| String::new())?;
                let mut c = crate::cluster::Cluster::new(p.file());
                c.run_to_end();
                Ok(Download::Text {
                    name: format!("{name}-run.json"),
                    mime: "application/json",
                    body: super::export::run_json_of(&c),
                })
            }
            DownloadKind::Svg | DownloadKind::Png => {
                let p = self
                    .playback
                    .as_ref()
                    .ok_or_else(|| l.t(tx::DL_NEEDS_RUN).to_string())?;
                let p = p.try_borrow().map_err(|_| String::new())?;
                let (rows, more, span) = driver::timeline_rows(&p);
                let title = self
                    .snap
                    .as_deref()
                    .map(|s| format!("{}/{}", s.kind.to_ascii_lowercase(), s.name))
                    .unwrap_or_default();
                let dark = match self.theme {
                    Theme::Dark => true,
                    Theme::Light => false,
                    Theme::System => {
                        super::hooks::use_media_query_matches("(prefers-color-scheme: dark)")
                    }
                };
                let caption = l.f(tx::TIMELINE_CAPTION, &[&driver::clock(p.now_ms())]);
                let more_text = l.f(tx::TIMELINE_MORE, &[&more.to_string()]);
                let svg = super::export::timeline_svg(&super::export::TimelineSvg {
                    rows: &rows,
                    more,
                    span_ms: span,
                    now_ms: p.now_ms(),
                    title: &title,
                    caption: &caption,
                    more_text: &more_text,
                    restart_text: l.t(tx::TIMELINE_RESTARTS),
                    dark,
                });
                if kind == DownloadKind::Svg {
                    Ok(Download::Text {
                        name: format!("{name}-timeline.svg"),
                        mime: "image/svg+xml",
                        body: svg,
                    })
                } else {
                    Ok(Download::Png {
                        name: format!("{name}-timeline.png"),
                        svg,
                        width: super::export::SVG_WIDTH,
                        height: super::export::svg_height(rows.len(), more > 0),
                    })
                }
            }
        }
    }

    /// The page waits for the time-zone table (it fetches it then).
    pub fn needs_zones(&self) -> bool {
        self.validation.waiting_for_zones || self.waiting_build.is_some()
    }

    /// The text of the current run differs from the editor's.
    pub fn text_changed(&self) -> bool {
        self.playback
            .as_ref()
            .and_then(|p| p.try_borrow().ok().map(|p| *p.text != *self.text))
            .unwrap_or(false)
    }

    /// Build a new playback from the editor's text (paused at t = 0); keeps the old
    /// one when the text is invalid. A text that needs the time-zone table while it is
    /// missing is built when the table arrives.
    fn rebuild(&mut self) -> bool {
        let misses = zone::misses();
        let built = Playback::new(&self.text);
        if zone::misses() != misses {
            self.waiting_build = Some(false);
            return false;
        }
        match built {
            Ok(p) => {
                if *p.steps() != **self.steps {
                    self.steps = Rc::new(p.steps().to_vec());
                    if self.walk.step >= self.steps.len() {
                        self.walk = Walk::default();
                    }
                }
                self.playback = Some(Rc::new(RefCell::new(p)));
                self.selection = None;
                self.window = Window::default();
                self.logs_pod = None;
                self.waiting_build = None;
                true
            }
            Err(_) => false,
        }
    }

    fn set_text(&mut self, text: String) {
        self.text = Rc::from(text);
        self.text_rev = self.text_rev.wrapping_add(1);
        self.validation = Rc::new(driver::validate(&self.text));
        self.checking = false;
    }

    /// Copy the view out of the playback.
    fn refresh(&mut self) {
        let Some(p) = self.playback.as_ref() else {
            self.snap = None;
            self.ticking = false;
            return;
        };
        let Ok(p) = p.try_borrow() else {
            return;
        };
        let ask = Ask {
            lang: self.lang,
            tab: self.tab,
            window: self.window,
            selection: self.selection.clone(),
            logs_pod: self.logs_pod.clone(),
        };
        let misses = zone::misses();
        let snap = driver::snapshot(&p, &ask);
        if p.missed_zones || zone::misses() != misses {
            // Computed without a time zone it needed: show nothing rather than a wrong
            // answer, and build the run again when the table arrives.
            drop(p);
            self.playback = None;
            self.snap = None;
            self.ticking = false;
            self.waiting_build = Some(false);
            return;
        }
        self.snap = Some(Rc::new(snap));
        self.ticking = p.wants_ticks();
    }

    /// Run `f` on the playback (the reducer is its only writer), noting whether it
    /// asked for a time zone the page does not have yet.
    fn with_playback(&self, f: impl FnOnce(&mut Playback)) {
        if let Some(p) = self.playback.as_ref() {
            if let Ok(mut p) = p.try_borrow_mut() {
                let misses = zone::misses();
                f(&mut p);
                p.missed_zones |= zone::misses() != misses;
            }
        }
    }

    /// Engine work for one tick (or right after a seek), within the time budget.
    fn work(&self, real_ms: f64) {
        let speed = self.speed;
        self.with_playback(|p| {
            let until = perf_now() + TICK_BUDGET_MS;
            p.tick(real_ms, speed, &mut || perf_now() < until);
        });
    }
}

pub enum Action {
    /// The user changed the editor's text.
    Edit(String),
    /// Validate the text (debounced after edits).
    Validate,
    /// Open a gallery example (replaces the text, builds it, paused at t = 0).
    LoadExample(&'static str),
    /// Build the editor's text and play it from t = 0.
    Run,
    TogglePause,
    Step,
    StepBack,
    /// Back to t = 0, paused, with the editor's text if it is valid.
    Reset,
    JumpToEnd,
    /// Go to a virtual time (ms).
    Seek(u64),
    /// Move the clock by this many ms (negative: back).
    ScrubBy(i64),
    SetSpeed(f64),
    /// Real milliseconds passed.
    Tick(f64),
    SetTab(Tab),
    SetWindow(Window),
    Select(Option<Selection>),
    SetLogsPod(String),
    SetLang(Lang),
    SetTheme(Theme),
    SetHelp(bool),
    SetReducedMotion(bool),
    FormKind(FormKind),
    /// A change from the Scenario form.
    Form(Change),
    /// The form could not read its fields.
    FormError(String),
    /// The time-zone table arrived and was installed, or could not be fetched.
    ZonesArrived(Result<(), String>),
    /// The address bar's fragment changed (a link pasted into an open page).
    Hash(String),
    /// Another tab wrote to localStorage: read the list of saved scenarios again.
    StorageChanged,
    /// The link being opened was inflated (`None`: the browser cannot inflate).
    LinkOpened(Option<Opened>),
    /// The page wrote this fragment into the address bar, for this (text, speed, tab).
    FragmentWritten(String, (Rc<str>, f64, Tab)),
    /// Make a share link (Share button, Ctrl/Cmd+S); `true`: copy even a long one.
    Share(bool),
    ShareDone(Share),
    DismissShare,
    DismissMessage(usize),
    /// Open the Draft or a saved scenario.
    ShowSource(Source),
    /// Save the text as a new named scenario.
    SaveAs(String),
    Rename(u32, String),
    Delete(u32),
    /// A file was read (dropped or chosen): a new saved scenario.
    Imported(String, String),
    ImportFailed(String, FileError),
    Download(DownloadKind),
    DownloadFailed(String),
    /// Go to a walk-through step.
    WalkGo(usize),
    SetDragging(bool),
    /// Open or close the embed's editor.
    ToggleEditor,
}

impl Reducible for PageState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Edit(text) => {
                if *s.text == *text {
                    return self;
                }
                s.text = Rc::from(text);
                s.checking = true;
                s.form_error = None;
                s.autosave();
                return Rc::new(s);
            }
            Action::Validate => {
                s.validation = Rc::new(driver::validate(&s.text));
                s.checking = false;
                return Rc::new(s);
            }
            Action::LoadExample(name) => {
                let Some(e) = gallery::get(name) else {
                    return self;
                };
                s.show(Source::Example(e.name), e.text.to_string());
            }
            Action::Run => {
                s.validation = Rc::new(driver::validate(&s.text));
                s.checking = false;
                if s.validation.is_valid() && s.rebuild() {
                    s.with_playback(|p| p.play());
                } else if !s.validation.is_valid() {
                    if s.validation.waiting_for_zones {
                        s.waiting_build = Some(true);
                    }
                    return Rc::new(s);
                }
            }
            Action::TogglePause => s.with_playback(|p| {
                if p.playing {
                    p.pause();
                } else {
                    p.play();
                }
            }),
            Action::Step => s.with_playback(|p| p.step_forward()),
            Action::StepBack => s.with_playback(|p| p.step_back()),
            Action::Reset => {
                s.validation = Rc::new(driver::validate(&s.text));
                s.checking = false;
                if s.validation.waiting_for_zones {
                    s.waiting_build = Some(false);
                }
                if !(s.text_changed() && s.validation.is_valid() && s.rebuild()) {
                    s.with_playback(|p| p.seek(0));
                }
            }
            Action::JumpToEnd => {
                s.with_playback(|p| p.jump_to_end());
                s.work(0.0);
            }
            Action::Seek(t) => {
                s.with_playback(|p| p.seek(t));
                s.work(0.0);
            }
            Action::ScrubBy(d) => {
                s.with_playback(|p| {
                    let t = p.now_ms().saturating_add_signed(d);
                    p.seek(t);
                });
                s.work(0.0);
            }
            Action::SetSpeed(v) => {
                if !(v.is_finite() && v > 0.0) || v == s.speed {
                    return self;
                }
                s.speed = v;
                return Rc::new(s);
            }
            Action::Tick(real_ms) => {
                if !s.ticking {
                    return self;
                }
                s.work(real_ms);
                let mut stopped = None;
                s.with_playback(|p| stopped = p.take_stop());
                if let Some(t) = stopped {
                    s.walk.paused_at = Some(t);
                }
            }
            Action::SetTab(t) => {
                if t == s.tab {
                    return self;
                }
                s.tab = t;
            }
            Action::SetWindow(w) => {
                if w == s.window {
                    return self;
                }
                s.window = w;
            }
            Action::Select(sel) => {
                if let Some(Selection::Pod(id)) = &sel {
                    let name = s.playback.as_ref().and_then(|p| {
                        p.try_borrow()
                            .ok()?
                            .cluster()
                            .store
                            .get_pod(crate::cluster::store::PodId(*id))
                            .map(|r| r.name().to_string())
                    });
                    if name.is_some() {
                        s.logs_pod = name;
                    }
                }
                s.selection = sel;
            }
            Action::SetLogsPod(name) => s.logs_pod = Some(name),
            Action::SetLang(l) => {
                if l == s.lang {
                    return self;
                }
                s.lang = l;
            }
            Action::SetTheme(t) => {
                s.theme = t;
                return Rc::new(s);
            }
            Action::SetHelp(open) => {
                if open == s.help_open {
                    return self;
                }
                s.help_open = open;
                return Rc::new(s);
            }
            Action::SetReducedMotion(r) => {
                s.reduced_motion = r;
                return Rc::new(s);
            }
            Action::FormKind(k) => {
                s.form_kind = k;
                s.form_error = None;
                return Rc::new(s);
            }
            Action::FormError(e) => {
                s.form_error = Some(e);
                return Rc::new(s);
            }
            Action::ZonesArrived(result) => {
                if let Err(e) = result {
                    s.zones_error = Some(Rc::from(e));
                    return Rc::new(s);
                }
                s.zones_error = None;
                if s.validation.waiting_for_zones {
                    s.validation = Rc::new(driver::validate(&s.text));
                    s.checking = false;
                }
                if let Some(play) = s.waiting_build.take() {
                    if s.validation.is_valid() && s.rebuild() && play {
                        s.with_playback(|p| p.play());
                    }
                }
            }
            Action::Form(change) => match scenario_edit::apply(&s.text, &change) {
                Ok(text) => {
                    s.set_text(text);
                    s.autosave();
                    s.form_error = None;
                    // The change shows at once: rebuilt at the same moment.
                    let at = s.snap.as_ref().map_or(0, |x| x.now_ms);
                    if s.rebuild() {
                        s.with_playback(|p| p.seek(at));
                        s.work(0.0);
                    }
                }
                Err(e) => {
                    s.form_error = Some(e);
                    return Rc::new(s);
                }
            },
            Action::StorageChanged => {
                let before = s.ws.entries.clone();
                let after = s.stores.try_borrow().ok().map(|st| {
                    let mut ws = (*s.ws).clone();
                    ws.sync(&st.local);
                    ws
                });
                match after {
                    Some(ws) if ws.entries != before => {
                        s.ws = Rc::new(ws);
                        return Rc::new(s);
                    }
                    _ => return self,
                }
            }
            Action::Hash(fragment) => {
                let foreign = s
                    .stores
                    .try_borrow()
                    .map(|st| s.ws.is_foreign_fragment(&st.session, &fragment))
                    .unwrap_or(false);
                if !foreign || s.opened_fragment.as_deref() == Some(fragment.as_str()) {
                    return self;
                }
                s.open_fragment(&fragment);
            }
            Action::LinkOpened(o) => {
                let Some(pending) = s.pending_link.clone() else {
                    return self;
                };
                let (_, p, fragment) = &*pending;
                let fragment = fragment.clone();
                match o {
                    Some(o) => s.opened(o, fragment, false),
                    None => {
                        let o = link::finish(p.clone(), Vec::new(), link::Inflated::Corrupt);
                        let o = Opened { text: None, ..o };
                        s.opened(o, fragment, true);
                    }
                }
            }
            Action::FragmentWritten(f, basis) => {
                let _ = s
                    .stores
                    .try_borrow_mut()
                    .map(|mut st| s.ws.wrote_fragment(&mut st.session, &f));
                s.fragment = (!f.is_empty()).then_some(f);
                s.basis = basis;
                return Rc::new(s);
            }
            Action::Share(force) => {
                let t_ms = s.snap.as_ref().map(|x| x.now_ms);
                s.share = Some(Share::Making);
                s.share_ask = Some(Rc::new(ShareAsk {
                    text: s.text.clone(),
                    params: super::share::Params {
                        speed: s.speed,
                        tab: Some(s.tab),
                        t_ms,
                        kept: LinkState {
                            embed: false,
                            autoplay: false,
                            ..s.kept.clone()
                        },
                    },
                    force,
                }));
                s.share_req = s.share_req.wrapping_add(1);
                return Rc::new(s);
            }
            Action::ShareDone(r) => {
                s.share = Some(r);
                return Rc::new(s);
            }
            Action::DismissShare => {
                s.share = None;
                return Rc::new(s);
            }
            Action::DismissMessage(i) => {
                if i < s.messages.len() {
                    Rc::make_mut(&mut s.messages).remove(i);
                }
                return Rc::new(s);
            }
            Action::ShowSource(source) => {
                let text = s
                    .stores
                    .try_borrow()
                    .ok()
                    .and_then(|st| s.ws.text_of(&st.local, &source))
                    // No Draft yet: an empty one, a blank slate.
                    .or_else(|| (source == Source::Draft).then(String::new));
                match text {
                    Some(t) => s.show(source, t),
                    None => {
                        s.say(messages::note(s.lang, &Note::Gone));
                        return Rc::new(s);
                    }
                }
            }
            Action::SaveAs(name) => {
                let text = s.text.clone();
                let r = s.workspace(|ws, local, session| ws.save_as(local, session, &name, &text));
                if let Some(Err(n)) = r {
                    s.notes(vec![n]);
                }
                return Rc::new(s);
            }
            Action::Rename(id, name) => {
                let notes = s
                    .workspace(|ws, local, _| ws.rename(local, id, &name))
                    .unwrap_or_default();
                s.notes(notes);
                return Rc::new(s);
            }
            Action::Delete(id) => {
                let r = s.workspace(|ws, local, session| ws.delete(local, session, id));
                if let Some((opened, notes)) = r {
                    s.notes(notes);
                    if let Some(text) = opened {
                        let source = s.ws.source.clone();
                        s.show(source, text);
                    } else {
                        return Rc::new(s);
                    }
                }
            }
            Action::Imported(name, text) => {
                let r = s.workspace(|ws, local, session| ws.import(local, session, &name, &text));
                match r {
                    Some(Ok(id)) => {
                        let shown = s.ws.entry(id).map(|e| e.name.clone()).unwrap_or_default();
                        s.say(Message {
                            text: s.lang.f(tx::NOTE_IMPORTED, &[&shown]),
                            problem: false,
                        });
                        s.show(Source::Saved(id), text);
                    }
                    Some(Err(n)) => {
                        // Not stored (full, or an embed): still open it, as a shown text.
                        s.notes(vec![n]);
                        s.show(Source::Recovered, text);
                    }
                    None => return self,
                }
            }
            Action::ImportFailed(name, e) => {
                s.say(messages::file_error(s.lang, &name, &e));
                return Rc::new(s);
            }
            Action::Download(kind) => {
                match s.download_of(kind) {
                    Ok(d) => {
                        s.download = Some(Rc::new(d));
                        s.download_req = s.download_req.wrapping_add(1);
                    }
                    Err(e) => s.say(Message {
                        text: s.lang.f(tx::DL_FAILED, &[&e]),
                        problem: true,
                    }),
                }
                return Rc::new(s);
            }
            Action::DownloadFailed(e) => {
                s.say(Message {
                    text: s.lang.f(tx::DL_FAILED, &[&e]),
                    problem: true,
                });
                return Rc::new(s);
            }
            Action::WalkGo(i) => {
                if i >= s.steps.len() || i == s.walk.step {
                    return self;
                }
                s.walk = Walk {
                    step: i,
                    paused_at: None,
                };
            }
            Action::SetDragging(d) => {
                if d == s.dragging {
                    return self;
                }
                s.dragging = d;
                return Rc::new(s);
            }
            Action::ToggleEditor => {
                s.editor_open = !s.editor_open;
                return Rc::new(s);
            }
        }
        s.arm();
        s.refresh();
        Rc::new(s)
    }
}
