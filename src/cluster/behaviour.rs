//! How a simulated pod behaves: the Scenario's pod rules (first match wins),
//! then the container's command, then the default (run 10 s, exit 0). Fields a
//! matching rule leaves out come from the command.

use super::store::PodRecord;
use crate::api::Container;
use crate::scenario::command::{self, Env, LogLine};
use crate::scenario::{PodRule, Scenario};

/// How long a container takes to stop after SIGTERM by default.
pub const DEFAULT_STOP_MS: u64 = 1000;
/// Default time from pod creation to Running.
pub const DEFAULT_START_MS: u64 = 1000;

/// What one run of a container does.
#[derive(Clone, Debug, PartialEq)]
pub struct ContainerRun {
    pub run_ms: u64,
    pub exit_code: i32,
    /// Terminated reason; default `Completed` for 0, `Error` otherwise.
    pub reason: Option<String>,
    pub logs: Vec<(u64, LogLine)>,
    /// The container drains the Scenario's work queue instead of running for `run_ms`.
    pub from_queue: bool,
    /// At `run_ms` the pod is evicted instead of the container exiting.
    pub evicted: bool,
    /// The pod's files after this run wrote its own (shared volumes).
    pub files: std::collections::BTreeMap<String, String>,
}

/// Pod-wide behaviour.
#[derive(Clone, Debug, PartialEq)]
pub struct PodPlan {
    pub start_ms: u64,
    /// The pod stays Pending with this waiting reason.
    pub never_starts: Option<String>,
    pub stop_ms: u64,
}

/// Pod rules, the queue and defaults of one Scenario.
#[derive(Clone, Debug)]
pub struct Behaviour {
    rules: Vec<PodRule>,
    start_ms: u64,
    work_queue: bool,
    pub epoch_unix: i64,
}

/// Where a pod stands, for rule matching.
#[derive(Clone, Copy, Debug)]
pub struct PodKey {
    pub index: Option<u32>,
    pub ordinal: u32,
    pub job_ordinal: Option<u32>,
}

impl PodKey {
    pub fn of(rec: &PodRecord, job_ordinal: Option<u32>) -> PodKey {
        PodKey {
            index: rec.index.map(|i| i.0),
            ordinal: rec.ordinal,
            job_ordinal,
        }
    }
}

fn matches(rule: &PodRule, key: PodKey, restart: Option<u32>, container: Option<&str>) -> bool {
    if let Some(l) = &rule.index {
        match key.index {
            Some(i) if l.contains(i) => {}
            _ => return false,
        }
    }
    if let Some(l) = &rule.pod {
        if !l.contains(key.ordinal) {
            return false;
        }
    }
    if let (Some(l), Some(r)) = (&rule.restart, restart) {
        if !l.contains(r) {
            return false;
        }
    }
    if let Some(l) = &rule.job {
        match key.job_ordinal {
            Some(j) if l.contains(j) => {}
            _ => return false,
        }
    }
    if let (Some(c), Some(want)) = (&rule.container, container) {
        if c != want {
            return false;
        }
    }
    true
}

impl Behaviour {
    pub fn new(scenario: &Scenario, work_queue_job: bool, epoch_unix: i64) -> Behaviour {
        Behaviour {
            rules: scenario.spec.pods.clone(),
            start_ms: scenario
                .spec
                .start_seconds
                .map(|s| s.millis())
                .unwrap_or(DEFAULT_START_MS),
            work_queue: work_queue_job && scenario.spec.queue.is_some(),
            epoch_unix,
        }
    }

    fn pod_rule(&self, key: PodKey) -> Option<&PodRule> {
        self.rules.iter().find(|r| matches(r, key, Some(0), None))
    }

    pub fn pod_plan(&self, key: PodKey) -> PodPlan {
        let rule = self.pod_rule(key);
        PodPlan {
            start_ms: self.start_ms,
            never_starts: rule.and_then(|r| {
                (r.never_starts == Some(true)).then(|| {
                    r.reason
                        .clone()
                        .unwrap_or_else(|| "ContainerCreating".into())
                })
            }),
            stop_ms: rule
                .and_then(|r| r.stop_seconds)
                .map(|s| s.millis())
                .unwrap_or(DEFAULT_STOP_MS),
        }
    }

    /// What run number `restart` of container `c` does.
    pub fn container_run(
        &self,
        key: PodKey,
        c_index: usize,
        c: &Container,
        restart: u32,
        env: &Env,
    ) -> ContainerRun {
        let rule = self
            .rules
            .iter()
            .find(|r| matches(r, key, Some(restart), Some(c.name())));
        let cmd = command::interpret(
            c.command.as_deref().unwrap_or(&[]),
            c.args.as_deref().unwrap_or(&[]),
            env,
        );
        let from_queue =
            self.work_queue && c_index == 0 && rule.and_then(|r| r.run_seconds).is_none();
        let run_ms = rule
            .and_then(|r| r.run_seconds)
            .map(|s| s.millis())
            .unwrap_or(cmd.run_ms);
        let exit_code =
            rule.and_then(|r| r.exit_code)
                .unwrap_or(if from_queue { 0 } else { cmd.exit_code });
        let logs = match rule.and_then(|r| r.logs.clone()) {
            Some(text) => text
                .lines()
                .map(|l| (0, LogLine::Text(l.to_string())))
                .collect(),
            None if from_queue => Vec::new(),
            None => cmd.logs,
        };
        ContainerRun {
            run_ms,
            exit_code,
            reason: rule
                .and_then(|r| r.reason.clone())
                .filter(|_| rule.and_then(|r| r.never_starts) != Some(true)),
            logs,
            from_queue,
            evicted: rule.and_then(|r| r.evicted) == Some(true),
            files: cmd.files,
        }
    }
}
