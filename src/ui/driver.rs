//! The page's contact with the engine: a [`Playback`] (a [`Session`] played at a
//! speed against real time, in bounded slices) and the [`Snapshot`] of plain view
//! values the components render, copied out of `view::model` and `view::kubectl`.
//!
//! Plain Rust: no Yew, no web APIs, no clock. The reducer passes the real time
//! that passed and a `keep_going` budget; `tests/ui_driver.rs` tests it natively.
//! Everything the controller decides comes from the engine; this file only reads.

use std::rc::Rc;

use super::i18n::Lang;
use crate::api::{ContainerState, Time};
use crate::cluster::store::{JobId, PodId};
use crate::cluster::{Cluster, Root};
use crate::controller::cronjob::zone;
use crate::scenario::file::{InputError, Severity};
use crate::scenario::walkthrough::{check_steps, Step, Verdict};
use crate::scenario::ScenarioFile;
use crate::sim::{Log, Session};
use crate::view::model::{self, CronView, JobView, Lane, PhaseClass, Row};

/// Timeline rows drawn at most.
pub const MAX_TIMELINE_ROWS: usize = 200;
/// Event rows listed at most (the latest).
pub const MAX_EVENT_ROWS: usize = 300;
/// A NonIndexed pool with more pods than this is drawn as compact cells.
pub const COMPACT_POOL: u32 = 24;
/// Attempts of one index drawn as cards (the latest).
pub const MAX_ATTEMPTS_SHOWN: usize = 6;
/// Marks on the scrubber at most.
pub const MAX_MARKS: usize = 400;
/// Speeds offered (virtual seconds per real second).
pub const SPEEDS: &[f64] = &[0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 100.0, 300.0, 1000.0];

// ---------------------------------------------------------------------------
// Validation

/// One problem with the editor's text, for the problems list and the editor's marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub error: bool,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

/// The result of validating the text as the API server would.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validation {
    /// The API server's whole message when the text is invalid.
    pub summary: Option<String>,
    /// Errors first, then warnings.
    pub problems: Vec<Problem>,
    /// The text names a time zone and the time-zone table has not arrived yet: nothing
    /// is known about it until it has (see `controller::cronjob::zone`).
    pub waiting_for_zones: bool,
}

impl Validation {
    pub fn is_valid(&self) -> bool {
        self.summary.is_none() && !self.waiting_for_zones
    }
    /// The editor's `data-diagnostics`: `[{line, column, severity, message}]`, only
    /// problems with a line.
    pub fn diagnostics_json(&self) -> String {
        let items: Vec<String> = self
            .problems
            .iter()
            .filter_map(|p| {
                let line = p.line?;
                let column = p
                    .column
                    .map(|c| format!(",\"column\":{c}"))
                    .unwrap_or_default();
                let sev = if p.error { "error" } else { "warning" };
                Some(format!(
                    "{{\"line\":{line}{column},\"severity\":\"{sev}\",\"message\":{}}}",
                    json_str(&p.message)
                ))
            })
            .collect();
        format!("[{}]", items.join(","))
    }
}

fn problems_of(e: &InputError) -> Vec<Problem> {
    let mut out: Vec<Problem> = e
        .diagnostics
        .iter()
        .map(|d| Problem {
            error: d.severity == Severity::Error,
            line: d.line,
            column: d.column,
            message: d.message.clone(),
        })
        .collect();
    if out.is_empty() {
        out.push(Problem {
            error: true,
            line: None,
            column: None,
            message: e.message.clone(),
        });
    }
    out
}

/// Parse, default and validate the text: the API server's errors, or its warnings.
/// While the time-zone table is missing, a text that needs it is neither: it is
/// waiting (an answer computed without the table would be wrong).
pub fn validate(text: &str) -> Validation {
    let misses = zone::misses();
    let v = validate_now(text);
    if zone::misses() != misses {
        return Validation {
            waiting_for_zones: true,
            ..Validation::default()
        };
    }
    v
}

fn validate_now(text: &str) -> Validation {
    match ScenarioFile::parse(text) {
        Ok(file) => Validation {
            summary: None,
            problems: file
                .warnings
                .iter()
                .map(|d| Problem {
                    error: false,
                    line: d.line,
                    column: d.column,
                    message: d.message.clone(),
                })
                .collect(),
            waiting_for_zones: false,
        },
        Err(e) => Validation {
            problems: problems_of(&e),
            summary: Some(e.message),
            waiting_for_zones: false,
        },
    }
}

// ---------------------------------------------------------------------------
// Playback

/// A moment marked on the scrubber: an event, `warning` for Warning events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub at_ms: u64,
    pub warning: bool,
}

/// A scenario being played: the session the page shows, plus a probe that
/// simulates ahead (in slices) to learn when the run ends and where its moments are.
pub struct Playback {
    session: Session,
    /// The text it was built from.
    pub text: Rc<str>,
    /// A copy of the cluster simulating ahead, and what it noted.
    probe: Option<Box<(Cluster, Log)>>,
    end_ms: Option<u64>,
    /// Instants where something visible happened (pods, events), once the run is known.
    moments: Rc<Vec<u64>>,
    marks: Rc<Vec<Mark>>,
    /// Where real time says the clock should be while playing (fractions at low speeds).
    target_ms: f64,
    /// A seek forward still in progress.
    goal: Option<u64>,
    pub playing: bool,
    /// The engine is behind the real-time target (a huge run, or a tab back from the background).
    pub catching_up: bool,
    /// The run asked for a time zone while the table was missing: what it shows may be
    /// wrong, and the page builds it again once the table is there.
    pub missed_zones: bool,
    /// Pause here when playing reaches it (a walk-through step's `at`).
    stop_at: Option<u64>,
    /// Playing stopped at `stop_at` (cleared by [`Playback::take_stop`]).
    stopped_at: Option<u64>,
    /// The walk-through's checks against the whole run, once it is known.
    verdicts: Option<Rc<Vec<Vec<Verdict>>>>,
}

impl Playback {
    /// Build from text, at t = 0 with the first instant handled (the first pods exist).
    pub fn new(text: &str) -> Result<Playback, InputError> {
        let mut session = Session::from_text(text)?;
        session.advance_to(Time::ZERO);
        let probe = Some(Box::new((session.cluster().clone(), session.log().clone())));
        Ok(Playback {
            session,
            text: Rc::from(text),
            probe,
            end_ms: None,
            moments: Rc::new(Vec::new()),
            marks: Rc::new(Vec::new()),
            target_ms: 0.0,
            goal: None,
            playing: false,
            catching_up: false,
            missed_zones: false,
            stop_at: None,
            stopped_at: None,
            verdicts: None,
        })
    }

    /// The walk-through of the scenario (empty when it has none).
    pub fn steps(&self) -> &[Step] {
        &self.session.file().scenario.spec.walkthrough
    }

    /// The scenario file being played.
    pub fn file(&self) -> &ScenarioFile {
        self.session.file()
    }

    /// Pause when playing reaches `t` (ms); `None` clears it.
    pub fn set_stop(&mut self, t: Option<u64>) {
        self.stop_at = t;
    }

    /// Whether playing paused at the stop since the last call (and where).
    pub fn take_stop(&mut self) -> Option<u64> {
        self.stopped_at.take()
    }

    /// The verdicts on each walk-through step's checks, once the run's end is known
    /// (one list per step, empty for steps without checks).
    pub fn verdicts(&self) -> Option<Rc<Vec<Vec<Verdict>>>> {
        self.verdicts.clone()
    }

    pub fn cluster(&self) -> &Cluster {
        self.session.cluster()
    }
    pub fn now_ms(&self) -> u64 {
        self.session.now().0
    }
    /// When the run ends, once known.
    pub fn end_ms(&self) -> Option<u64> {
        self.end_ms
    }
    pub fn marks(&self) -> Rc<Vec<Mark>> {
        self.marks.clone()
    }
    /// The scrubber's range: the end once known, else as far as simulated.
    pub fn horizon_ms(&self) -> u64 {
        let probe = self.probe.as_ref().map_or(0, |p| p.0.now.0);
        self.end_ms
            .unwrap_or_else(|| probe.max(self.now_ms()).max(1_000))
    }
    /// The clock is at the end: nothing more will happen.
    pub fn is_over(&self) -> bool {
        self.end_ms.is_some_and(|e| self.now_ms() >= e) && self.session.is_done()
    }
    /// Work is left for the ticker: playing, seeking, or probing ahead.
    pub fn wants_ticks(&self) -> bool {
        self.playing || self.goal.is_some() || self.probe.is_some()
    }

    pub fn play(&mut self) {
        if self.is_over() {
            self.seek(0);
        }
        self.goal = None;
        self.target_ms = self.now_ms() as f64;
        self.playing = true;
    }
    pub fn pause(&mut self) {
        self.playing = false;
        self.goal = None;
        self.catching_up = false;
        self.target_ms = self.now_ms() as f64;
    }

    /// Go to `t` (paused). Back: at once, from the nearest checkpoint. Forward: in
    /// slices on the next ticks (call [`Playback::tick`] to make progress now).
    pub fn seek(&mut self, t: u64) {
        self.playing = false;
        let t = self.end_ms.map_or(t, |e| t.min(e));
        if t < self.now_ms() {
            self.goal = None;
            self.catching_up = false;
            self.session.seek(Time(t));
        } else {
            self.goal = Some(t);
        }
        self.target_ms = t as f64;
    }

    /// To the end of the run (in slices).
    pub fn jump_to_end(&mut self) {
        self.seek(u64::MAX);
    }

    /// Pause and go to the next moment where something happens.
    pub fn step_forward(&mut self) {
        self.pause();
        let now = self.now_ms();
        if let Some(end) = self.end_ms {
            // The next moment is near: go there at once.
            let t = self
                .moments
                .iter()
                .find(|&&t| t > now)
                .copied()
                .unwrap_or(end);
            self.seek(t);
            self.advance_session(t, &mut || true);
            return;
        }
        // The run is not known yet: step instants until something visible changes.
        let before = fingerprint(self.session.cluster());
        for _ in 0..10_000 {
            if self.session.step().is_none() || fingerprint(self.session.cluster()) != before {
                break;
            }
        }
        self.target_ms = self.now_ms() as f64;
        self.after_session_moved();
    }

    /// Pause and go back to the previous moment where something happened.
    pub fn step_back(&mut self) {
        self.pause();
        let now = self.now_ms();
        if self.end_ms.is_some() {
            let prev = self.moments.iter().rev().find(|&&t| t < now).copied();
            self.seek(prev.unwrap_or(0));
        } else {
            self.session.step_back();
        }
        self.target_ms = self.now_ms() as f64;
    }

    /// Advance by `real_ms` of real time at `speed`, doing engine work while
    /// `keep_going()` says so (at least one instant). Returns whether anything moved.
    pub fn tick(&mut self, real_ms: f64, speed: f64, keep_going: &mut dyn FnMut() -> bool) -> bool {
        let before = (self.now_ms(), self.probe.as_ref().map(|p| p.0.now.0));
        let mut stop = None;
        let goal = if self.playing {
            self.target_ms += real_ms.max(0.0) * speed.max(0.0);
            if let Some(e) = self.end_ms {
                self.target_ms = self.target_ms.min(e as f64);
            }
            if let Some(s) = self.stop_at.filter(|s| *s > before.0) {
                if self.target_ms >= s as f64 {
                    self.target_ms = s as f64;
                    stop = Some(s);
                }
            }
            Some(self.target_ms.floor().min(u64::MAX as f64) as u64)
        } else {
            self.goal
        };
        if let Some(goal) = goal {
            self.advance_session(goal, keep_going);
        }
        if let Some(s) = stop {
            if self.now_ms() >= s && !self.catching_up {
                self.pause();
                self.stop_at = None;
                self.stopped_at = Some(s);
            }
        }
        if self.probe.is_some() && keep_going() {
            self.advance_probe(keep_going);
        }
        let after = (self.now_ms(), self.probe.as_ref().map(|p| p.0.now.0));
        before != after || goal.is_some()
    }

    fn advance_session(&mut self, goal: u64, keep_going: &mut dyn FnMut() -> bool) {
        loop {
            match self.session.next_due() {
                Some(next) if next.0 <= goal => {
                    self.session.step();
                    if !keep_going() {
                        let behind = self.session.next_due().is_some_and(|n| n.0 <= goal);
                        self.catching_up = behind;
                        if behind {
                            return;
                        }
                        break;
                    }
                }
                _ => break,
            }
        }
        self.catching_up = false;
        if self.session.is_done() {
            self.after_session_moved();
            let end = self.end_ms.unwrap_or(self.now_ms());
            self.session.advance_to(Time(goal.min(end)));
            if goal >= end {
                self.playing = false;
                self.goal = None;
                self.target_ms = end as f64;
            } else if self.goal == Some(goal) {
                self.goal = None;
            }
        } else {
            self.session.advance_to(Time(goal));
            if self.goal == Some(goal) {
                self.goal = None;
            }
        }
    }

    /// Once the session has reached the end, it knows the whole run.
    fn after_session_moved(&mut self) {
        if self.session.is_done() && self.end_ms.is_none() {
            let end = self.session.end_time().0;
            let (moments, marks) = learn(self.session.log(), end);
            let verdicts = self
                .has_checks()
                .then(|| check_run(self.steps(), self.file()));
            self.know(end, moments, marks);
            self.verdicts = verdicts;
        }
    }

    fn advance_probe(&mut self, keep_going: &mut dyn FnMut() -> bool) {
        let Some(probe) = self.probe.as_mut() else {
            return;
        };
        let (cluster, log) = &mut **probe;
        loop {
            if log.step(cluster).is_none() {
                cluster.run_to_end();
                let end = cluster.now.0;
                if let Some(p) = self.probe.take() {
                    if self.end_ms.is_none() {
                        let (moments, marks) = learn(&p.1, end);
                        let verdicts = self
                            .has_checks()
                            .then(|| check_run(self.steps(), self.file()));
                        self.know(end, moments, marks);
                        self.verdicts = verdicts;
                    }
                }
                return;
            }
            if !keep_going() {
                return;
            }
        }
    }

    fn know(&mut self, end: u64, moments: Vec<u64>, marks: Vec<Mark>) {
        self.end_ms = Some(end);
        self.probe = None;
        self.session.stop_logging();
        self.moments = Rc::new(moments);
        self.marks = Rc::new(marks);
    }

    pub fn moments(&self) -> &[u64] {
        &self.moments
    }

    fn has_checks(&self) -> bool {
        self.steps().iter().any(|s| !s.expect.is_empty())
    }
}

/// The walk-through's verdicts on the whole run, as `jobplay run --json` prints it:
/// simulated again with the CLI's full history (the page's session forgets old
/// events and objects, as a cluster does).
fn check_run(steps: &[Step], file: &ScenarioFile) -> Rc<Vec<Vec<Verdict>>> {
    let mut c = Cluster::new(file);
    c.run_to_end();
    Rc::new(check_steps(steps, &crate::view::json::run_json(&c)))
}

/// The moments (instants where something changed: a pod, a Job, an event, a
/// decision of the controller) and the scrubber's marks of a complete run that ends
/// at `end`, from what was noted while it was simulated.
fn learn(log: &Log, end: u64) -> (Vec<u64>, Vec<Mark>) {
    let mut times: Vec<u64> = log
        .moments()
        .iter()
        .map(|t| t.0)
        .filter(|t| *t <= end)
        .collect();
    if times.last() != Some(&end) {
        times.push(end);
    }
    // Marks: events, thinned to at most MAX_MARKS buckets (a Warning wins its bucket).
    let span = end.max(1) as u128;
    let bucket = |t: u64| t as u128 * MAX_MARKS as u128 / span;
    let mut marks: Vec<Mark> = Vec::new();
    for &(at, warning) in log.marks() {
        match marks.last_mut() {
            Some(m) if bucket(m.at_ms) == bucket(at.0) => m.warning |= warning,
            _ => marks.push(Mark {
                at_ms: at.0,
                warning,
            }),
        }
    }
    (times, marks)
}

/// What a step forward waits for to change: any write to the store (a pod, a Job,
/// an event, a decision of the controller).
fn fingerprint(c: &Cluster) -> u64 {
    c.store.revision
}

// ---------------------------------------------------------------------------
// What the page shows

/// The tabs under the pods.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Timeline,
    Events,
    Describe,
    GetPods,
    Logs,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Timeline,
        Tab::Events,
        Tab::Describe,
        Tab::GetPods,
        Tab::Logs,
    ];
    /// The name in share links (`view=`).
    pub fn key(self) -> &'static str {
        match self {
            Tab::Timeline => "timeline",
            Tab::Events => "events",
            Tab::Describe => "describe",
            Tab::GetPods => "pods",
            Tab::Logs => "logs",
        }
    }
    pub fn from_key(k: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.key() == k)
    }
}

/// What was clicked to ask why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    Pod(u32),
    Event(usize),
    /// A condition of the main Job, by type.
    Condition(String),
    /// The backoff countdown of the pool (`None`) or of an index.
    Countdown(Option<u32>),
}

/// The lanes the page has room for: `from..from + count` (lanes, or pool pods).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub from: u32,
    pub count: u32,
    /// Cells per row of a compact pool (the page measures it).
    pub cols: u32,
}

impl Default for Window {
    fn default() -> Self {
        Window {
            from: 0,
            count: 60,
            cols: 1,
        }
    }
}

/// What the page asks of a snapshot besides the run itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Ask {
    pub lang: Lang,
    pub tab: Tab,
    pub window: Window,
    pub selection: Option<Selection>,
    /// The pod whose logs the Logs tab shows (default: the latest pod).
    pub logs_pod: Option<String>,
}

/// One row of the Events tab (kubectl's `get events` columns, plus the virtual time).
#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    /// Index in the store's event list (for Why).
    pub idx: usize,
    pub at_ms: u64,
    pub last_seen: String,
    pub warning: bool,
    pub reason: String,
    pub object: String,
    pub message: String,
}

/// The content of the open tab.
#[derive(Clone, Debug, PartialEq)]
pub enum TabData {
    Timeline {
        rows: Vec<Row>,
        /// Rows that exist beyond those drawn.
        more: usize,
        span_ms: u64,
    },
    Events {
        rows: Vec<EventRow>,
        more: usize,
    },
    Text {
        command: String,
        stdout: String,
        stderr: String,
        /// Logs: the pods to choose from, and the one shown.
        pods: Vec<String>,
        pod: Option<String>,
    },
}

/// The explanation of a selection, and a pod's YAML-like detail.
#[derive(Clone, Debug, PartialEq)]
pub struct Detail {
    pub title: String,
    pub why: Option<String>,
    pub yaml: Option<String>,
}

/// The pods of the main Job as the page draws them.
#[derive(Clone, Debug, PartialEq)]
pub struct Lanes {
    pub indexed: bool,
    /// Lanes (Indexed) or pods (pool) in all.
    pub total: u32,
    pub from: u32,
    /// Indexed: one lane per index in the window. Pool: one lane holding the
    /// window's pods.
    pub lanes: Vec<Lane>,
    /// Pool drawn as compact cells.
    pub compact: bool,
    /// Earlier attempts of an index not drawn, per lane in `lanes`.
    pub hidden_attempts: Vec<usize>,
}

/// Everything the page shows at one moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub now_ms: u64,
    pub end_ms: Option<u64>,
    pub horizon_ms: u64,
    pub playing: bool,
    pub over: bool,
    pub catching_up: bool,
    /// `Job` or `CronJob`, and its name.
    pub kind: &'static str,
    pub name: String,
    pub job: Option<JobView>,
    /// The outcome's explanation in the page's language.
    pub outcome_why: Option<String>,
    pub lanes: Option<Lanes>,
    pub cron: Option<CronView>,
    /// Jobs of a CronJob (newest first) with their pods, for the schedule strip.
    pub cron_jobs: Vec<(JobView, Vec<model::PodCard>)>,
    pub queue: Option<(u32, u32)>,
    pub halted: Option<String>,
    pub action_errors: Vec<String>,
    pub marks: Rc<Vec<Mark>>,
    pub tab: TabData,
    pub detail: Option<Detail>,
}

/// The glyph that goes with a phase's colour (the phase is also given in words).
pub fn glyph(c: PhaseClass) -> &'static str {
    match c {
        PhaseClass::Pending => "◌",
        PhaseClass::Running => "▶",
        PhaseClass::Succeeded => "✓",
        PhaseClass::Failed => "✕",
        PhaseClass::Terminating => "■",
        PhaseClass::Evicted => "⊘",
        PhaseClass::CrashLoop => "↻",
        PhaseClass::Gone => "·",
    }
}

/// The timeline rows of the main Job for an export: the rows the timeline tab
/// draws, how many more exist, and the time the axis spans.
pub fn timeline_rows(p: &Playback) -> (Vec<Row>, usize, u64) {
    let c = p.cluster();
    let Some(id) = c.main_job() else {
        return (Vec::new(), 0, p.horizon_ms());
    };
    let rec = c.store.job(id);
    let all = if rec.job.spec.is_indexed() {
        rec.job.spec.completions.unwrap_or(0).max(0) as usize
    } else {
        rec.pods.len()
    };
    let rows = model::timeline(c, id, MAX_TIMELINE_ROWS);
    (rows.clone(), all.saturating_sub(rows.len()), p.horizon_ms())
}

/// Copy what the page shows out of the playback.
pub fn snapshot(p: &Playback, ask: &Ask) -> Snapshot {
    let c = p.cluster();
    let lang = ask.lang;
    let main = c.main_job();
    let mut job = main.map(|id| model::job(c, id));
    let mut outcome_why = None;
    if let (Some(v), Some(id)) = (job.as_mut(), main) {
        if let Some(o) = v.outcome.as_mut() {
            outcome_why =
                condition_cause(c, id, o.at_ms).map(|cause| cause.explain_in(lang.code()));
            o.why = outcome_why.clone();
        }
    }
    let (kind, name) = match c.root {
        Root::Job(id) => ("Job", c.store.job(id).job.name().to_string()),
        Root::CronJob => (
            "CronJob",
            c.store
                .cronjob
                .as_ref()
                .map(|cj| cj.name().to_string())
                .unwrap_or_default(),
        ),
    };
    let countdown = job.as_ref().and_then(|j| j.countdown.clone());
    let lanes = main.map(|id| lanes_of(c, id, ask.window, lang, countdown));
    let cron = model::cron(c, 5);
    let cron_jobs = if cron.is_some() {
        c.store
            .job_ids()
            .rev()
            .take(20)
            .map(|id| {
                let pods = c
                    .store
                    .job(id)
                    .pods
                    .iter()
                    .take(50)
                    .map(|p| pod_card(c, *p, lang))
                    .collect();
                (model::job(c, id), pods)
            })
            .collect()
    } else {
        Vec::new()
    };
    Snapshot {
        now_ms: p.now_ms(),
        end_ms: p.end_ms(),
        horizon_ms: p.horizon_ms(),
        playing: p.playing,
        over: p.is_over(),
        catching_up: p.catching_up,
        kind,
        name,
        job,
        outcome_why,
        lanes,
        cron,
        cron_jobs,
        queue: model::queue(c),
        halted: c.halted.as_ref().map(|h| h.message.clone()),
        action_errors: c
            .action_errors
            .iter()
            .map(|(i, t, m)| {
                format!(
                    "t={} spec.actions[{i}]: {m}",
                    crate::view::duration::short_seconds(t.0)
                )
            })
            .collect(),
        marks: p.marks(),
        tab: tab_data(c, main, ask),
        detail: ask.selection.as_ref().and_then(|s| detail(c, s, lang)),
    }
}

/// A pod card with its explanation in the page's language.
fn pod_card(c: &Cluster, id: PodId, lang: Lang) -> model::PodCard {
    let mut card = model::pod_card(c, id);
    card.why = c
        .store
        .pod(id)
        .cause
        .as_ref()
        .map(|k| k.explain_in(lang.code()));
    card
}

fn lanes_of(
    c: &Cluster,
    id: JobId,
    w: Window,
    lang: Lang,
    countdown: Option<model::Countdown>,
) -> Lanes {
    let rec = c.store.job(id);
    let indexed = rec.job.spec.is_indexed();
    if indexed {
        let total = rec.job.spec.completions.unwrap_or(0).max(0) as u32;
        let from = w.from.min(total.saturating_sub(1));
        let mut lanes = model::lanes(c, id, from, w.count.max(1));
        let mut hidden = Vec::with_capacity(lanes.len());
        for lane in &mut lanes {
            let extra = lane.attempts.len().saturating_sub(MAX_ATTEMPTS_SHOWN);
            lane.attempts.drain(..extra);
            for a in &mut lane.attempts {
                a.why = c
                    .store
                    .get_pod(PodId(a.id))
                    .and_then(|r| r.cause.as_ref())
                    .map(|k| k.explain_in(lang.code()));
            }
            hidden.push(extra);
        }
        return Lanes {
            indexed,
            total,
            from,
            lanes,
            compact: false,
            hidden_attempts: hidden,
        };
    }
    // The pool: only the pods in the window get cards.
    let total = rec.pods.len() as u32;
    let compact = total > COMPACT_POOL;
    let (from, count) = if compact {
        (w.from.min(total), w.count)
    } else {
        (0, total)
    };
    let attempts = rec
        .pods
        .iter()
        .skip(from as usize)
        .take(count as usize)
        .map(|p| pod_card(c, *p, lang))
        .collect();
    let failures = rec.job.status.failed;
    Lanes {
        indexed,
        total,
        from,
        lanes: vec![Lane {
            index: None,
            label: rec.job.name().to_string(),
            state: model::LaneState::Active,
            attempts,
            failures,
            countdown,
        }],
        compact,
        hidden_attempts: vec![0],
    }
}

/// The cause behind a condition of a Job that changed at `at_ms`: the event
/// recorded with it, else the controller's decision note of that moment.
fn condition_cause(c: &Cluster, id: JobId, at_ms: u64) -> Option<&crate::cluster::cause::Cause> {
    c.store
        .events()
        .iter()
        .rev()
        .find(|e| e.job == Some(id) && e.time.0 == at_ms && e.cause.is_some())
        .and_then(|e| e.cause.as_ref())
        .or_else(|| {
            c.store
                .notes()
                .iter()
                .rev()
                .find(|n| n.job == id && n.time.0 == at_ms)
                .map(|n| &n.cause)
        })
}

fn tab_data(c: &Cluster, main: Option<JobId>, ask: &Ask) -> TabData {
    let text = |command: String, o: crate::cli::Output| TabData::Text {
        command,
        stdout: o.stdout,
        stderr: o.stderr,
        pods: Vec::new(),
        pod: None,
    };
    match ask.tab {
        Tab::Timeline => {
            let Some(id) = main else {
                return TabData::Timeline {
                    rows: Vec::new(),
                    more: 0,
                    span_ms: c.now.0.max(1),
                };
            };
            let rec = c.store.job(id);
            let all = if rec.job.spec.is_indexed() {
                rec.job.spec.completions.unwrap_or(0).max(0) as usize
            } else {
                rec.pods.len()
            };
            let rows = model::timeline(c, id, MAX_TIMELINE_ROWS);
            TabData::Timeline {
                more: all.saturating_sub(rows.len()),
                rows,
                span_ms: c.now.0.max(1_000),
            }
        }
        Tab::Events => {
            // Ids count every event of the run; the store keeps the recent ones.
            let all = c.store.events();
            let first = c.store.first_event_id();
            let skip = all.len().saturating_sub(MAX_EVENT_ROWS);
            let rows = all
                .iter()
                .enumerate()
                .skip(skip)
                .map(|(i, e)| EventRow {
                    idx: first + i,
                    at_ms: e.time.0,
                    last_seen: crate::view::duration::human(c.now.0.saturating_sub(e.time.0)),
                    warning: e.type_ == crate::cluster::store::EventType::Warning,
                    reason: e.reason.clone(),
                    object: e.object.to_lowercase(),
                    message: e.message.clone(),
                })
                .collect();
            TabData::Events {
                rows,
                more: first + skip,
            }
        }
        Tab::Describe => {
            let what = match c.root {
                Root::Job(_) => "job",
                Root::CronJob => "cronjob",
            };
            let name = match c.root {
                Root::Job(id) => c.store.job(id).job.name().to_string(),
                Root::CronJob => c
                    .store
                    .cronjob
                    .as_ref()
                    .map(|j| j.name().to_string())
                    .unwrap_or_default(),
            };
            text(
                format!("kubectl describe {what}/{name}"),
                crate::view::kubectl::describe(c, &[]),
            )
        }
        Tab::GetPods => text(
            "kubectl get pods".into(),
            crate::view::kubectl::get(c, "pods", false),
        ),
        Tab::Logs => {
            let live: Vec<String> = c
                .store
                .pods()
                .map(|(_, p)| p)
                .filter(|p| p.removed_at.is_none())
                .map(|p| p.name().to_string())
                .collect();
            let pod = ask
                .logs_pod
                .clone()
                .filter(|n| live.contains(n))
                .or_else(|| live.last().cloned());
            let (stdout, stderr) = match &pod {
                Some(name) => {
                    let o = crate::view::kubectl::logs(c, name, None);
                    (o.stdout, o.stderr)
                }
                None => (String::new(), crate::view::get::no_resources(c)),
            };
            let skip = live.len().saturating_sub(500);
            TabData::Text {
                command: format!("kubectl logs {}", pod.as_deref().unwrap_or("POD")),
                stdout,
                stderr,
                pods: live.into_iter().skip(skip).collect(),
                pod,
            }
        }
    }
}

fn detail(c: &Cluster, sel: &Selection, lang: Lang) -> Option<Detail> {
    let code = lang.code();
    match sel {
        Selection::Pod(id) => {
            let r = c.store.get_pod(PodId(*id))?;
            Some(Detail {
                title: format!("pod/{}", r.name()),
                why: r.cause.as_ref().map(|k| k.explain_in(code)),
                yaml: Some(pod_yaml(c, PodId(*id))),
            })
        }
        Selection::Event(i) => {
            let e = c.store.event(*i)?;
            Some(Detail {
                title: format!("{} {}: {}", e.type_.as_str(), e.reason, e.message),
                why: e.cause.as_ref().map(|k| k.explain_in(code)),
                yaml: None,
            })
        }
        Selection::Condition(type_) => {
            let id = c.main_job()?;
            let k = c
                .store
                .job(id)
                .job
                .status
                .conditions
                .iter()
                .find(|k| k.type_.as_str() == type_)?;
            Some(Detail {
                title: format!("{}={} {}", k.type_, k.status, k.reason),
                why: condition_cause(c, id, k.last_transition_time.0).map(|x| x.explain_in(code)),
                yaml: None,
            })
        }
        Selection::Countdown(index) => {
            let id = c.main_job()?;
            let note = c.store.notes().iter().rev().find(|n| {
                n.job == id
                    && match (&n.cause, index) {
                        (crate::cluster::cause::Cause::BackoffWait { .. }, None) => true,
                        (
                            crate::cluster::cause::Cause::IndexBackoffWait { index: i, .. },
                            Some(x),
                        ) => i == x,
                        _ => false,
                    }
            })?;
            Some(Detail {
                title: match index {
                    Some(i) => format!("backoff: {}-{i}", c.store.job(id).job.name()),
                    None => "backoff".into(),
                },
                why: Some(note.cause.explain_in(code)),
                yaml: None,
            })
        }
    }
}

// ---------------------------------------------------------------------------
// A pod as YAML (what `kubectl get pod -o yaml` would show, the parts that matter here)

/// A JSON string (also a YAML double-quoted scalar): `"a \"b\""`.
pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A YAML scalar: plain when it reads back as the same string, else double-quoted.
pub fn yaml_str(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|ch| ch.is_ascii_alphanumeric() || "-_./".contains(ch))
        && !s.starts_with(['-', '.', '/'])
        && s.parse::<f64>().is_err()
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "~"
        );
    if plain {
        s.to_string()
    } else {
        json_str(s)
    }
}

fn wall(c: &Cluster, t: Time) -> String {
    yaml_str(&crate::cluster::wallclock::format_rfc3339(
        c.epoch_unix + (t.0 / 1000) as i64,
    ))
}

fn map_lines(
    out: &mut Vec<String>,
    indent: &str,
    key: &str,
    m: Option<&std::collections::BTreeMap<String, String>>,
) {
    if let Some(m) = m.filter(|m| !m.is_empty()) {
        out.push(format!("{indent}{key}:"));
        for (k, v) in m {
            out.push(format!("{indent}  {}: {}", yaml_str(k), yaml_str(v)));
        }
    }
}

fn state_lines(out: &mut Vec<String>, c: &Cluster, indent: &str, key: &str, s: &ContainerState) {
    out.push(format!("{indent}{key}:"));
    match s {
        ContainerState::Waiting { reason, message } => {
            out.push(format!("{indent}  waiting:"));
            out.push(format!("{indent}    reason: {}", yaml_str(reason)));
            if let Some(m) = message {
                out.push(format!("{indent}    message: {}", yaml_str(m)));
            }
        }
        ContainerState::Running { started_at } => {
            out.push(format!("{indent}  running:"));
            out.push(format!("{indent}    startedAt: {}", wall(c, *started_at)));
        }
        ContainerState::Terminated {
            exit_code,
            reason,
            message,
            started_at,
            finished_at,
        } => {
            out.push(format!("{indent}  terminated:"));
            out.push(format!("{indent}    exitCode: {exit_code}"));
            out.push(format!("{indent}    reason: {}", yaml_str(reason)));
            if let Some(m) = message {
                out.push(format!("{indent}    message: {}", yaml_str(m)));
            }
            out.push(format!("{indent}    startedAt: {}", wall(c, *started_at)));
            out.push(format!("{indent}    finishedAt: {}", wall(c, *finished_at)));
        }
    }
}

/// The pod's metadata (labels, annotations, owner, finalizers), containers (image,
/// command, env), and status (phase, conditions, container states) as YAML.
pub fn pod_yaml(c: &Cluster, id: PodId) -> String {
    let Some(r) = c.store.get_pod(id) else {
        return String::new();
    };
    let p = &r.pod;
    let m = &p.metadata;
    let mut o = vec![
        "apiVersion: v1".to_string(),
        "kind: Pod".into(),
        "metadata:".into(),
    ];
    o.push(format!("  name: {}", yaml_str(m.name())));
    o.push(format!("  namespace: {}", yaml_str(m.namespace())));
    if let Some(u) = &m.uid {
        o.push(format!("  uid: {}", yaml_str(u)));
    }
    if let Some(t) = m.creation_timestamp {
        o.push(format!("  creationTimestamp: {}", wall(c, t)));
    }
    if let Some(t) = m.deletion_timestamp {
        o.push(format!("  deletionTimestamp: {}", wall(c, t)));
    }
    map_lines(&mut o, "  ", "labels", m.labels.as_ref());
    map_lines(&mut o, "  ", "annotations", m.annotations.as_ref());
    if let Some(refs) = m.owner_references.as_ref().filter(|v| !v.is_empty()) {
        o.push("  ownerReferences:".into());
        for x in refs {
            o.push(format!("  - apiVersion: {}", yaml_str(&x.api_version)));
            o.push(format!("    kind: {}", yaml_str(&x.kind)));
            o.push(format!("    name: {}", yaml_str(&x.name)));
            if let Some(b) = x.controller {
                o.push(format!("    controller: {b}"));
            }
        }
    }
    if let Some(f) = m.finalizers.as_ref().filter(|v| !v.is_empty()) {
        o.push("  finalizers:".into());
        o.extend(f.iter().map(|x| format!("  - {}", yaml_str(x))));
    }
    o.push("spec:".into());
    let s = &p.spec;
    if let Some(h) = &s.hostname {
        o.push(format!("  hostname: {}", yaml_str(h)));
    }
    if let Some(h) = &s.subdomain {
        o.push(format!("  subdomain: {}", yaml_str(h)));
    }
    if let Some(rp) = &s.restart_policy {
        o.push(format!("  restartPolicy: {}", yaml_str(&rp.to_string())));
    }
    for (key, list) in [
        ("initContainers", s.init_containers()),
        ("containers", s.containers()),
    ] {
        if list.is_empty() {
            continue;
        }
        o.push(format!("  {key}:"));
        for k in list {
            o.push(format!("  - name: {}", yaml_str(k.name())));
            if let Some(i) = &k.image {
                o.push(format!("    image: {}", yaml_str(i)));
            }
            for (field, v) in [("command", &k.command), ("args", &k.args)] {
                if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
                    o.push(format!("    {field}:"));
                    o.extend(v.iter().map(|x| format!("    - {}", yaml_str(x))));
                }
            }
            if !k.env().is_empty() {
                o.push("    env:".into());
                for e in k.env() {
                    o.push(format!("    - name: {}", yaml_str(&e.name)));
                    if let Some(v) = &e.value {
                        o.push(format!("      value: {}", yaml_str(v)));
                    }
                    if let Some(v) = &e.value_from {
                        o.push(format!(
                            "      valueFrom: {}",
                            crate::api::number::json_text(v)
                        ));
                    }
                }
            }
        }
    }
    let st = &p.status;
    o.push("status:".into());
    o.push(format!("  phase: {}", yaml_str(st.phase.as_str())));
    if let Some(x) = &st.reason {
        o.push(format!("  reason: {}", yaml_str(x)));
    }
    if let Some(x) = &st.message {
        o.push(format!("  message: {}", yaml_str(x)));
    }
    if let Some(t) = st.start_time {
        o.push(format!("  startTime: {}", wall(c, t)));
    }
    if !st.conditions.is_empty() {
        o.push("  conditions:".into());
        for k in &st.conditions {
            o.push(format!("  - type: {}", yaml_str(&k.type_)));
            o.push(format!("    status: {}", yaml_str(&k.status)));
            if let Some(x) = &k.reason {
                o.push(format!("    reason: {}", yaml_str(x)));
            }
            if let Some(x) = &k.message {
                o.push(format!("    message: {}", yaml_str(x)));
            }
            o.push(format!(
                "    lastTransitionTime: {}",
                wall(c, k.last_transition_time)
            ));
        }
    }
    for (key, list) in [
        ("initContainerStatuses", &st.init_container_statuses),
        ("containerStatuses", &st.container_statuses),
    ] {
        if list.is_empty() {
            continue;
        }
        o.push(format!("  {key}:"));
        for k in list {
            o.push(format!("  - name: {}", yaml_str(&k.name)));
            o.push(format!("    image: {}", yaml_str(&k.image)));
            o.push(format!("    ready: {}", k.ready));
            o.push(format!("    restartCount: {}", k.restart_count));
            o.push(format!("    started: {}", k.started));
            state_lines(&mut o, c, "    ", "state", &k.state);
            if let Some(ls) = &k.last_state {
                state_lines(&mut o, c, "    ", "lastState", ls);
            }
        }
    }
    o.push(String::new());
    o.join("\n")
}

// ---------------------------------------------------------------------------
// Small formats

/// The virtual clock: `12s`, `2m05s`, `1h02m05s`.
pub fn clock(ms: u64) -> String {
    let s = ms / 1000;
    let (h, m, s) = (s / 3600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{h}h{m:02}m{s:02}s")
    } else if m > 0 {
        format!("{m}m{s:02}s")
    } else {
        format!("{s}s")
    }
}

/// A speed as the select shows it: `0.25×`, `10×`.
pub fn speed_label(s: f64) -> String {
    format!("{s}×")
}

/// The UTF-16 offset of the start of a 1-based line (for `setSelectionRange`).
pub fn line_offset_utf16(text: &str, line: usize) -> u32 {
    let mut n = 0u32;
    let mut l = 1usize;
    for ch in text.chars() {
        if l >= line {
            break;
        }
        n += ch.len_utf16() as u32;
        if ch == '\n' {
            l += 1;
        }
    }
    n
}
