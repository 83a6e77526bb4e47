//! The page's only contact with the engine: build a [`Cluster`] from the editor's
//! text, advance it by a slice of virtual time, and copy what the page shows into
//! plain view structs.
//!
//! Plain Rust (no Yew, no web APIs, no clock): the reducer calls it with the real
//! time that passed, and `tests/ui_driver.rs` includes this file to test it natively.
//! Everything the controller decides comes from the engine; this file only reads.

use crate::api::Time;
use crate::cluster::{Cluster, Root};

/// At most this many engine instants per tick, so that one tick of a huge run
/// cannot freeze the tab; the clock then lags behind and catches up later.
pub const MAX_INSTANTS_PER_TICK: usize = 5_000;

/// At most this many pod cards; a run with more shows the latest ones.
pub const MAX_CARDS: usize = 300;

/// One problem with the input, at a 1-based line and column where known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

/// Why the editor's text cannot run: the API server's summary and each problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub summary: String,
    pub problems: Vec<Problem>,
}

/// Parse, default and validate the text and create the workload at t = 0.
pub fn build(text: &str) -> Result<Cluster, Invalid> {
    Cluster::from_text(text).map_err(|e| {
        let mut problems: Vec<Problem> = e
            .diagnostics
            .iter()
            .map(|d| Problem {
                line: d.line,
                column: d.column,
                message: d.message.clone(),
            })
            .collect();
        if problems.is_empty() {
            problems.push(Problem {
                line: None,
                column: None,
                message: e.message.clone(),
            });
        }
        Invalid {
            summary: e.message,
            problems,
        }
    })
}

/// Whether the run can go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    Running,
    /// Nothing is left to happen: the workload finished, or the run stopped.
    Over,
}

/// Advance the virtual clock by `by_ms`, handling every engine instant on the way
/// (at most [`MAX_INSTANTS_PER_TICK`]). The clock stops at the last thing that
/// happened once the run is over, so it shows when the run ended.
pub fn advance(c: &mut Cluster, by_ms: u64) -> Progress {
    let target = Time(c.now.0.saturating_add(by_ms));
    for _ in 0..MAX_INSTANTS_PER_TICK {
        match c.next_due() {
            Some(next) if next <= target => c.advance_to(next),
            Some(_) => {
                c.advance_to(target);
                return Progress::Running;
            }
            None => {
                if c.finished_at.is_some() {
                    return Progress::Over;
                }
                // Not finished and nothing due: the engine lets the clock run on
                // until the Scenario's stopAfterSeconds, then holds it there.
                let before = c.now;
                c.advance_to(target);
                return if c.now == before && by_ms > 0 {
                    Progress::Over
                } else {
                    Progress::Running
                };
            }
        }
    }
    Progress::Running
}

/// A pod's phase as the page colours it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Pending,
    Running,
    Succeeded,
    Failed,
    Unknown,
}

impl Phase {
    pub fn label(self) -> &'static str {
        match self {
            Phase::Pending => "Pending",
            Phase::Running => "Running",
            Phase::Succeeded => "Succeeded",
            Phase::Failed => "Failed",
            Phase::Unknown => "Unknown",
        }
    }
    /// The CSS class suffix (`phase-running`).
    pub fn class(self) -> &'static str {
        match self {
            Phase::Pending => "phase-pending",
            Phase::Running => "phase-running",
            Phase::Succeeded => "phase-succeeded",
            Phase::Failed => "phase-failed",
            Phase::Unknown => "phase-unknown",
        }
    }
    fn from_text(s: &str) -> Phase {
        match s {
            "Pending" => Phase::Pending,
            "Running" => Phase::Running,
            "Succeeded" => Phase::Succeeded,
            "Failed" => Phase::Failed,
            _ => Phase::Unknown,
        }
    }
}

/// What a pod card shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodView {
    pub name: String,
    pub phase: Phase,
    /// Completion index (Indexed Jobs).
    pub index: Option<u32>,
    /// Deleted or evicted, not yet terminal.
    pub terminating: bool,
    pub created_ms: u64,
    pub finished_ms: Option<u64>,
}

/// How the run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutcomeKind {
    Complete,
    Failed,
    /// Over without a terminal condition (stopAfterSeconds, a limit, a CronJob).
    Stopped,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub kind: OutcomeKind,
    pub at_ms: u64,
    /// The condition's reason and message (empty when stopped).
    pub reason: String,
    pub message: String,
}

/// Everything the page shows of a run at one moment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub now_ms: u64,
    /// The workload's kind and name, e.g. `Job` and `pi`.
    pub kind: String,
    pub name: String,
    /// The latest [`MAX_CARDS`] pods, in creation order.
    pub pods: Vec<PodView>,
    /// Pods created but not shown (over [`MAX_CARDS`]).
    pub hidden_pods: usize,
    /// The Job's terminal condition as soon as it has one (the run may go on,
    /// e.g. until the TTL controller deletes the Job), or `Stopped` once over.
    pub outcome: Option<Outcome>,
    /// Nothing is left to happen: the clock stops here.
    pub over: bool,
}

/// Copy what the page shows out of the cluster.
pub fn snapshot(c: &Cluster, progress: Progress) -> Snapshot {
    let all = &c.store.pods;
    let hidden_pods = all.len().saturating_sub(MAX_CARDS);
    let pods = all
        .iter()
        .skip(hidden_pods)
        .map(|r| PodView {
            name: r.name().to_string(),
            phase: Phase::from_text(r.pod.status.phase.as_str()),
            index: r.index.map(|i| i.0),
            terminating: r.is_terminating(),
            created_ms: r.created_at.0,
            finished_ms: r.finished_at.map(|t| t.0),
        })
        .collect();
    let root_job = match c.root {
        Root::Job(id) => c.store.jobs.get(id.0 as usize),
        Root::CronJob => None,
    };
    let (kind, name) = match (root_job, &c.store.cronjob) {
        (Some(r), _) => ("Job", r.job.metadata.name().to_string()),
        (None, Some(cj)) => ("CronJob", cj.metadata.name().to_string()),
        (None, None) => ("Job", String::new()),
    };
    let over = progress == Progress::Over;
    let outcome = outcome(c, root_job.map(|r| &r.job), over);
    Snapshot {
        now_ms: c.now.0,
        kind: kind.to_string(),
        name,
        pods,
        hidden_pods,
        outcome,
        over,
    }
}

fn outcome(c: &Cluster, job: Option<&crate::api::Job>, over: bool) -> Option<Outcome> {
    let cond = c
        .finished_at
        .and(job)
        .and_then(|j| j.status.finished())
        .map(|cond| {
            let kind = if cond.type_.as_str() == "Complete" {
                OutcomeKind::Complete
            } else {
                OutcomeKind::Failed
            };
            (kind, cond.reason.clone(), cond.message.clone())
        });
    match (cond, c.finished_at) {
        (Some((kind, reason, message)), Some(at)) => Some(Outcome {
            kind,
            at_ms: at.0,
            reason,
            message,
        }),
        _ if over => Some(Outcome {
            kind: OutcomeKind::Stopped,
            at_ms: c.now.0,
            reason: String::new(),
            message: String::new(),
        }),
        _ => None,
    }
}

/// The virtual clock as the page shows it: `12s`, `2m05s`, `1h02m05s`.
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
