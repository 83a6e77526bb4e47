//! The page state: one [`Reducible`] value changed only through [`Action`]s.
//!
//! The [`Playback`] (the engine's session) is the one large mutable thing. It lives
//! behind an `Rc<RefCell<_>>` so that a tick does not copy it; the reducer is its
//! only writer and never holds a borrow past its own call. Components never see it:
//! they render the [`Snapshot`] the reducer copies out after each change.

use std::cell::RefCell;
use std::rc::Rc;

use yew::Reducible;

use super::driver::{self, Ask, Playback, Selection, Snapshot, Tab, Validation, Window};
use super::i18n::Lang;
use super::scenario_edit::{self, Change};
use crate::gallery;

/// The example the page opens with.
pub const DEFAULT_EXAMPLE: &str = "pi";

/// Engine work per tick, in real milliseconds, so that a frame stays short; the
/// clock catches up over the next ticks when a run needs more.
pub const TICK_BUDGET_MS: f64 = 7.0;

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
    pub fn new(lang: Lang, theme: Theme, reduced_motion: bool) -> PageState {
        let example = gallery::get(DEFAULT_EXAMPLE);
        let text: Rc<str> = Rc::from(example.map_or("", |e| e.text));
        let mut s = PageState {
            validation: Rc::new(driver::validate(&text)),
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
            example: example.map(|e| e.name),
            form_kind: FormKind::Exit,
            form_error: None,
            playback: None,
            snap: None,
            ticking: false,
        };
        s.rebuild();
        s.refresh();
        s
    }

    /// The text of the current run differs from the editor's.
    pub fn text_changed(&self) -> bool {
        self.playback
            .as_ref()
            .and_then(|p| p.try_borrow().ok().map(|p| *p.text != *self.text))
            .unwrap_or(false)
    }

    /// Build a new playback from the editor's text (paused at t = 0); keeps the old
    /// one when the text is invalid.
    fn rebuild(&mut self) -> bool {
        match Playback::new(&self.text) {
            Ok(p) => {
                self.playback = Some(Rc::new(RefCell::new(p)));
                self.selection = None;
                self.window = Window::default();
                self.logs_pod = None;
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
        self.snap = Some(Rc::new(driver::snapshot(&p, &ask)));
        self.ticking = p.wants_ticks();
    }

    /// Run `f` on the playback (the reducer is its only writer).
    fn with_playback(&self, f: impl FnOnce(&mut Playback)) {
        if let Some(p) = self.playback.as_ref() {
            if let Ok(mut p) = p.try_borrow_mut() {
                f(&mut p);
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
                s.set_text(e.text.to_string());
                s.example = Some(e.name);
                s.form_error = None;
                s.rebuild();
            }
            Action::Run => {
                s.validation = Rc::new(driver::validate(&s.text));
                s.checking = false;
                if s.validation.is_valid() && s.rebuild() {
                    s.with_playback(|p| p.play());
                } else if !s.validation.is_valid() {
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
            Action::Form(change) => match scenario_edit::apply(&s.text, &change) {
                Ok(text) => {
                    s.set_text(text);
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
        }
        s.refresh();
        Rc::new(s)
    }
}
