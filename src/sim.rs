//! A playback session over one scenario, for the page: play forward at any
//! speed, step to the next or previous instant where something happened, and
//! scrub back to any moment. The engine is deterministic, so going back restores
//! the nearest checkpoint before the moment and re-simulates from there.
//! Sans-IO like the engine: the caller owns the timers.

use crate::api::Time;
use crate::cluster::store::{EventType, EVENT_TTL_MS};
use crate::cluster::{Cluster, History, Limits};
use crate::scenario::file::InputError;
use crate::scenario::ScenarioFile;

/// Checkpoints are kept while the pods they hold stay under this total.
const CHECKPOINT_POD_BUDGET: usize = 40_000;
/// At most this many checkpoints; past it the spacing doubles.
const MAX_CHECKPOINTS: usize = 48;
/// Moments noted at most; past it every other one is dropped (a run that long
/// steps between coarser moments).
pub const MAX_MOMENTS: usize = 250_000;
/// Event marks kept at most while a run is simulated; past it their buckets double.
pub const MAX_LOGGED_MARKS: usize = 2048;

/// The history a session keeps: about what a real cluster keeps (events expire
/// after an hour; Jobs and pods that left the API are forgotten ten minutes later),
/// so that a long run takes the same memory in its tenth hour as in its first.
pub const SESSION_HISTORY: History = History::Recent {
    events_ms: EVENT_TTL_MS,
    gone_ms: 10 * 60 * 1000,
};

/// What a run did, noted while it is simulated (the store forgets old history, so
/// this is how the page knows a whole run): the instants at which something changed
/// (the store's revision moved) and its events, thinned into time buckets.
#[derive(Clone, Debug)]
pub struct Log {
    moments: Vec<Time>,
    marks: Vec<(Time, bool)>,
    mark_ms: u64,
    events_seen: usize,
}

impl Default for Log {
    fn default() -> Self {
        Log {
            moments: Vec::new(),
            marks: Vec::new(),
            mark_ms: 1000,
            events_seen: 0,
        }
    }
}

impl Log {
    /// Handle the cluster's next instant and note what changed; returns the instant.
    pub fn step(&mut self, c: &mut Cluster) -> Option<Time> {
        let before = c.store.revision;
        let t = c.step()?;
        self.note(c, t, c.store.revision != before);
        Some(t)
    }

    /// Note the instant `t` just handled (`changed`: something changed at it).
    /// Instants at or before the last noted one are ignored, so that simulating a
    /// stretch again after going back notes nothing twice.
    pub fn note(&mut self, c: &Cluster, t: Time, changed: bool) {
        if changed && self.moments.last().is_none_or(|l| *l < t) {
            if self.moments.len() >= MAX_MOMENTS {
                let mut i = 0;
                self.moments.retain(|_| {
                    i += 1;
                    i % 2 == 1
                });
            }
            self.moments.push(t);
        }
        let first = c.store.first_event_id();
        let from = self.events_seen.max(first);
        if let Some(new) = c.store.events().get(from - first..) {
            for e in new {
                self.mark(e.time, e.type_ == EventType::Warning);
            }
        }
        self.events_seen = self.events_seen.max(c.store.events_recorded());
    }

    fn mark(&mut self, t: Time, warning: bool) {
        let bucket = |t: Time, w: u64| t.0 / w;
        match self.marks.last_mut() {
            Some((at, w)) if bucket(*at, self.mark_ms) == bucket(t, self.mark_ms) => *w |= warning,
            _ => self.marks.push((t, warning)),
        }
        if self.marks.len() > MAX_LOGGED_MARKS {
            self.mark_ms *= 2;
            let w = self.mark_ms;
            let mut merged: Vec<(Time, bool)> = Vec::with_capacity(self.marks.len() / 2 + 1);
            for (at, warn) in self.marks.drain(..) {
                match merged.last_mut() {
                    Some((m, mw)) if bucket(*m, w) == bucket(at, w) => *mw |= warn,
                    _ => merged.push((at, warn)),
                }
            }
            self.marks = merged;
        }
    }

    /// The instants at which something changed, in order.
    pub fn moments(&self) -> &[Time] {
        &self.moments
    }
    /// The events' times (the first of each bucket) and whether a Warning is among them.
    pub fn marks(&self) -> &[(Time, bool)] {
        &self.marks
    }
}

/// A scenario being played.
#[derive(Clone, Debug)]
pub struct Session {
    file: ScenarioFile,
    cluster: Cluster,
    checkpoints: Vec<Cluster>,
    spacing: Time,
    /// What happened, as far as simulated (until [`Session::stop_logging`]).
    log: Log,
    logging: bool,
    /// The time the run ends, once known.
    end: Option<Time>,
}

impl Session {
    pub fn new(file: ScenarioFile) -> Session {
        let cluster = Cluster::with(&file, Limits::default(), SESSION_HISTORY);
        Session {
            checkpoints: vec![cluster.clone()],
            file,
            cluster,
            spacing: Time::from_secs(10),
            log: Log::default(),
            logging: true,
            end: None,
        }
    }

    /// The caller knows the whole run (it simulated ahead): stop noting moments,
    /// which would only grow with the run. [`Session::step_back`] has no moments then.
    pub fn stop_logging(&mut self) {
        self.logging = false;
        self.log = Log::default();
    }

    pub fn from_text(text: &str) -> Result<Session, InputError> {
        Ok(Session::new(ScenarioFile::parse(text)?))
    }

    pub fn file(&self) -> &ScenarioFile {
        &self.file
    }
    pub fn cluster(&self) -> &Cluster {
        &self.cluster
    }
    pub fn now(&self) -> Time {
        self.cluster.now
    }
    pub fn next_due(&self) -> Option<Time> {
        self.cluster.next_due()
    }
    pub fn is_done(&self) -> bool {
        self.cluster.is_done()
    }
    /// Instants simulated so far where something happened.
    pub fn instants(&self) -> &[Time] {
        self.log.moments()
    }
    /// What happened, as far as simulated.
    pub fn log(&self) -> &Log {
        &self.log
    }

    fn maybe_checkpoint(&mut self) {
        let last = self.checkpoints.last().map(|c| c.now).unwrap_or(Time::ZERO);
        if self.cluster.now.0 < last.0 + self.spacing.0 {
            return;
        }
        let pods: usize = self.checkpoints.iter().map(|c| c.store.pods_kept()).sum();
        if pods + self.cluster.store.pods_kept() > CHECKPOINT_POD_BUDGET {
            return;
        }
        self.checkpoints.push(self.cluster.clone());
        if self.checkpoints.len() > MAX_CHECKPOINTS {
            // Keep the first and every other one; double the spacing.
            let mut i = 0;
            self.checkpoints.retain(|_| {
                i += 1;
                i == 1 || i % 2 == 0
            });
            self.spacing = Time(self.spacing.0 * 2);
        }
    }

    /// Handle the next instant; returns it.
    pub fn step(&mut self) -> Option<Time> {
        let t = if self.logging {
            self.log.step(&mut self.cluster)?
        } else {
            self.cluster.step()?
        };
        self.maybe_checkpoint();
        if self.cluster.is_done() {
            self.end = Some(self.end_clock());
        }
        Some(t)
    }

    fn end_clock(&self) -> Time {
        let mut c = self.cluster.clone();
        c.run_to_end();
        c.now
    }

    /// Play forward to `t` (no effect if `t` is in the past).
    pub fn advance_to(&mut self, t: Time) {
        while let Some(next) = self.cluster.next_due() {
            if next > t {
                break;
            }
            self.step();
        }
        self.cluster.advance_to(t);
    }

    /// Go to any moment, forward or back.
    pub fn seek(&mut self, t: Time) {
        if t >= self.cluster.now {
            self.advance_to(t);
            return;
        }
        let base = self.checkpoints.iter().rev().find(|c| c.now <= t).cloned();
        self.cluster =
            base.unwrap_or_else(|| Cluster::with(&self.file, Limits::default(), SESSION_HISTORY));
        self.advance_to(t);
    }

    /// Back to the previous instant where something happened.
    pub fn step_back(&mut self) -> Option<Time> {
        let now = self.cluster.now;
        let prev = self
            .log
            .moments()
            .iter()
            .rev()
            .find(|t| **t < now)
            .copied()?;
        self.seek(prev);
        Some(prev)
    }

    /// Run to the end.
    pub fn run_to_end(&mut self) {
        while self.step().is_some() {}
        self.cluster.run_to_end();
        self.end = Some(self.cluster.now);
    }

    /// When the run ends (simulating ahead on a copy the first time).
    pub fn end_time(&mut self) -> Time {
        if let Some(e) = self.end {
            return e;
        }
        let mut c = self.cluster.clone();
        c.run_to_end();
        self.end = Some(c.now);
        c.now
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: s\nspec:\n  completions: 3\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n        command: [sleep, \"20\"]\n";

    #[test]
    fn seeking_back_gives_the_same_state_as_playing_forward() {
        let mut a = Session::from_text(TEXT).unwrap();
        a.run_to_end();
        let end = a.now();
        assert_eq!(a.end_time(), end);
        a.seek(Time::from_secs(30));
        let mut b = Session::from_text(TEXT).unwrap();
        b.advance_to(Time::from_secs(30));
        assert_eq!(a.now(), b.now());
        assert_eq!(
            serde_json::to_string(&crate::view::json::run_json(a.cluster())).unwrap(),
            serde_json::to_string(&crate::view::json::run_json(b.cluster())).unwrap()
        );
        a.seek(end);
        let mut full = Session::from_text(TEXT).unwrap();
        full.run_to_end();
        assert_eq!(a.cluster().finished_at, full.cluster().finished_at);
        assert!(a.cluster().finished_at.is_some());
    }

    #[test]
    fn steps_visit_each_instant_and_step_back_returns() {
        let mut s = Session::from_text(TEXT).unwrap();
        let t1 = s.step().unwrap();
        let t2 = s.step().unwrap();
        let t3 = s.step().unwrap();
        assert!(t1 < t2 && t2 < t3);
        assert_eq!(s.step_back(), Some(t2));
        assert_eq!(s.now(), t2);
        assert_eq!(s.step_back(), Some(t1));
    }
}
