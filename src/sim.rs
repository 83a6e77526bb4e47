//! A playback session over one scenario, for the page: play forward at any
//! speed, step to the next or previous instant where something happened, and
//! scrub back to any moment. The engine is deterministic, so going back restores
//! the nearest checkpoint before the moment and re-simulates from there.
//! Sans-IO like the engine: the caller owns the timers.

use crate::api::Time;
use crate::cluster::Cluster;
use crate::scenario::file::InputError;
use crate::scenario::ScenarioFile;

/// Checkpoints are kept while the pods they hold stay under this total.
const CHECKPOINT_POD_BUDGET: usize = 40_000;
/// At most this many checkpoints; past it the spacing doubles.
const MAX_CHECKPOINTS: usize = 48;

/// A scenario being played.
#[derive(Clone, Debug)]
pub struct Session {
    file: ScenarioFile,
    cluster: Cluster,
    checkpoints: Vec<Cluster>,
    spacing: Time,
    /// Every instant at which something happened, in order (as far as simulated).
    instants: Vec<Time>,
    /// The time the run ends, once known.
    end: Option<Time>,
}

impl Session {
    pub fn new(file: ScenarioFile) -> Session {
        let cluster = Cluster::new(&file);
        Session {
            checkpoints: vec![cluster.clone()],
            file,
            cluster,
            spacing: Time::from_secs(10),
            instants: Vec::new(),
            end: None,
        }
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
        &self.instants
    }

    fn maybe_checkpoint(&mut self) {
        let last = self.checkpoints.last().map(|c| c.now).unwrap_or(Time::ZERO);
        if self.cluster.now.0 < last.0 + self.spacing.0 {
            return;
        }
        let pods: usize = self.checkpoints.iter().map(|c| c.store.pods.len()).sum();
        if pods + self.cluster.store.pods.len() > CHECKPOINT_POD_BUDGET {
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
        let t = self.cluster.step()?;
        if self.instants.last() != Some(&t) {
            self.instants.push(t);
        }
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
        self.cluster = base.unwrap_or_else(|| Cluster::new(&self.file));
        self.advance_to(t);
    }

    /// Back to the previous instant where something happened.
    pub fn step_back(&mut self) -> Option<Time> {
        let now = self.cluster.now;
        let prev = self.instants.iter().rev().find(|t| **t < now).copied()?;
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
