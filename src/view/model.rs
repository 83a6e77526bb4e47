//! What the page shows, computed from the cluster: the Job's header card, pod
//! lanes (one per completion index, or a pool), the backoff countdown, the
//! deadline bar, the failure budget, the timeline rows, the CronJob schedule
//! strip, and the work queue. Pure functions of a `&Cluster` at its current time,
//! so the UI only renders and never decides controller behaviour.

use crate::api::defaults::{JOB_INDEX_FAILURE_COUNT, JOB_INDEX_IGNORED_FAILURE_COUNT};
use crate::api::{ContainerState, JobConditionType, PodPhase, RestartPolicy, Time};
use crate::cluster::store::{JobId, PodId, PodRecord};
use crate::cluster::{Cluster, Root};
use crate::controller::job::delay_for;
use serde::Serialize;

/// How a pod looks: its kind of state (for colour and icon) and kubectl's STATUS text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PhaseClass {
    Pending,
    Running,
    Succeeded,
    Failed,
    Terminating,
    Evicted,
    CrashLoop,
    Gone,
}

impl PhaseClass {
    pub fn css(self) -> &'static str {
        match self {
            PhaseClass::Pending => "pending",
            PhaseClass::Running => "running",
            PhaseClass::Succeeded => "succeeded",
            PhaseClass::Failed => "failed",
            PhaseClass::Terminating => "terminating",
            PhaseClass::Evicted => "evicted",
            PhaseClass::CrashLoop => "crashloop",
            PhaseClass::Gone => "gone",
        }
    }
}

/// One pod, as a card.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodCard {
    pub id: u32,
    pub name: String,
    pub class: PhaseClass,
    /// kubectl's STATUS column (`ContainerCreating`, `Running`, `Completed`, `Error` ...).
    pub status: String,
    pub exit_code: Option<i32>,
    pub restarts: i32,
    pub ready: bool,
    pub index: Option<u32>,
    /// 0-based attempt among the pods of its index (or of the Job).
    pub attempt: u32,
    pub created_ms: u64,
    pub started_ms: Option<u64>,
    pub finished_ms: Option<u64>,
    pub removed_ms: Option<u64>,
    /// Why the controller created it.
    pub why: Option<String>,
}

fn last_exit(r: &PodRecord) -> Option<i32> {
    r.pod
        .status
        .container_statuses
        .iter()
        .find_map(|c| match (&c.state, &c.last_state) {
            (ContainerState::Terminated { exit_code, .. }, _) if *exit_code != 0 => {
                Some(*exit_code)
            }
            (
                ContainerState::Waiting { .. },
                Some(ContainerState::Terminated { exit_code, .. }),
            ) if *exit_code != 0 => Some(*exit_code),
            _ => None,
        })
}

/// kubectl's STATUS for a pod (the `get pods` algorithm, simplified to what the simulation produces).
pub fn pod_status(r: &PodRecord) -> String {
    let s = &r.pod.status;
    let mut reason = s.reason.clone().unwrap_or_else(|| s.phase.to_string());
    for (i, c) in s.init_container_statuses.iter().enumerate() {
        match &c.state {
            ContainerState::Terminated { exit_code: 0, .. } => continue,
            ContainerState::Terminated {
                reason: r2,
                exit_code,
                ..
            } => {
                reason = if r2.is_empty() {
                    format!("Init:ExitCode:{exit_code}")
                } else {
                    format!("Init:{r2}")
                };
                break;
            }
            ContainerState::Waiting { reason: r2, .. } if r2 != "PodInitializing" => {
                reason = format!("Init:{r2}");
                break;
            }
            _ => {
                reason = format!("Init:{i}/{}", s.init_container_statuses.len());
                break;
            }
        }
    }
    if !reason.starts_with("Init:") {
        let mut has_running = false;
        for c in s.container_statuses.iter().rev() {
            match &c.state {
                ContainerState::Waiting { reason: w, .. } if !w.is_empty() => reason = w.clone(),
                ContainerState::Terminated {
                    reason: t,
                    exit_code,
                    ..
                } => {
                    reason = if t.is_empty() {
                        format!("ExitCode:{exit_code}")
                    } else {
                        t.clone()
                    };
                }
                ContainerState::Running { .. } => has_running = true,
                _ => {}
            }
        }
        if reason == "Completed" && has_running {
            reason = if s.is_ready() {
                "Running".into()
            } else {
                "NotReady".into()
            };
        }
    }
    if r.pod.metadata.deletion_timestamp.is_some() && !s.phase.is_terminal() {
        reason = "Terminating".into();
    }
    reason
}

/// The card of one pod.
pub fn pod_card(c: &Cluster, id: PodId) -> PodCard {
    let r = c.store.pod(id);
    let s = &r.pod.status;
    let status = pod_status(r);
    let evicted = s
        .condition("DisruptionTarget")
        .is_some_and(|d| d.status == "True");
    let class = if r.removed_at.is_some() && !r.is_terminal() {
        PhaseClass::Gone
    } else if r.is_terminating() {
        if evicted {
            PhaseClass::Evicted
        } else {
            PhaseClass::Terminating
        }
    } else {
        match s.phase {
            PodPhase::Succeeded => PhaseClass::Succeeded,
            PodPhase::Failed if evicted => PhaseClass::Evicted,
            PodPhase::Failed => PhaseClass::Failed,
            PodPhase::Running if status == "CrashLoopBackOff" || status == "Error" => {
                PhaseClass::CrashLoop
            }
            PodPhase::Running => PhaseClass::Running,
            _ => PhaseClass::Pending,
        }
    };
    PodCard {
        id: id.0,
        name: r.name().to_string(),
        class,
        status,
        exit_code: last_exit(r),
        restarts: s.restart_count(),
        ready: s.is_ready(),
        index: r.index.map(|i| i.0),
        attempt: r.ordinal,
        created_ms: r.created_at.0,
        started_ms: r.started_at.map(|t| t.0),
        finished_ms: r.finished_at.map(|t| t.0),
        removed_ms: r.removed_at.map(|t| t.0),
        why: r.cause.as_ref().map(|c| c.explain()),
    }
}

/// A condition with the sentence that explains it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConditionView {
    pub type_: String,
    pub status: String,
    pub reason: String,
    pub message: String,
    pub at_ms: u64,
}

/// The Job's terminal outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    pub complete: bool,
    pub reason: String,
    pub message: String,
    pub at_ms: u64,
    pub why: Option<String>,
}

/// The controller's decision before the terminal condition (Kubernetes 1.31+):
/// `FailureTarget` becomes `Failed`, and `SuccessCriteriaMet` becomes `Complete`,
/// once no pod of the Job is terminating.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Interim {
    /// `FailureTarget` or `SuccessCriteriaMet`.
    pub type_: String,
    /// The terminal condition it leads to: `Failed` or `Complete`.
    pub leads_to: &'static str,
    pub reason: String,
    pub at_ms: u64,
}

/// The backoff countdown: when the next pod may be created.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Countdown {
    pub index: Option<u32>,
    pub until_ms: u64,
    pub remaining_ms: u64,
    pub delay_ms: u64,
    pub failures: i32,
}

/// The active deadline as a bar.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Deadline {
    pub seconds: i64,
    pub start_ms: u64,
    pub elapsed_ms: u64,
    pub exceeded: bool,
}

/// Failures used against the backoff limit.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Budget {
    /// Failed pods (restartPolicy Never) or container restarts (OnFailure).
    pub used: i32,
    pub limit: i32,
    pub counts_restarts: bool,
    /// Per index with backoffLimitPerIndex: (index, failures used).
    pub per_index_limit: Option<i32>,
}

/// One lane: a completion index (Indexed) or the pool of pods (NonIndexed).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Lane {
    pub index: Option<u32>,
    /// The hostname of the index's pods (`pi-3`), or the Job name for the pool.
    pub label: String,
    pub state: LaneState,
    pub attempts: Vec<PodCard>,
    /// Failures of this index counted against backoffLimitPerIndex.
    pub failures: i32,
    pub countdown: Option<Countdown>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum LaneState {
    Waiting,
    Active,
    Completed,
    Failed,
}

/// The header card and everything drawn around the pods.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobView {
    pub id: u32,
    pub name: String,
    pub indexed: bool,
    pub completions: Option<i32>,
    pub parallelism: i32,
    pub active: i32,
    pub ready: i32,
    pub succeeded: i32,
    pub failed: i32,
    pub terminating: i32,
    pub completed_indexes: String,
    pub failed_indexes: Option<String>,
    pub conditions: Vec<ConditionView>,
    pub outcome: Option<Outcome>,
    /// FailureTarget or SuccessCriteriaMet before the terminal condition: the
    /// controller has decided, and waits for the Job's pods to finish terminating.
    pub interim: Option<Interim>,
    pub start_ms: Option<u64>,
    pub age_ms: u64,
    pub suspended: bool,
    pub managed_by: Option<String>,
    pub deleted: bool,
    pub countdown: Option<Countdown>,
    pub deadline: Option<Deadline>,
    pub budget: Budget,
    /// Number of lanes (indexes for Indexed Jobs, 1 for the pool).
    pub lane_count: u32,
}

fn job_view(c: &Cluster, id: JobId) -> JobView {
    let rec = c.store.job(id);
    let job = &rec.job;
    let spec = &job.spec;
    let st = &job.status;
    let now = c.now;
    let conditions: Vec<ConditionView> = st
        .conditions
        .iter()
        .map(|k| ConditionView {
            type_: k.type_.to_string(),
            status: k.status.clone(),
            reason: k.reason.clone(),
            message: k.message.clone(),
            at_ms: k.last_transition_time.0,
        })
        .collect();
    let outcome = st.finished().map(|k| {
        let why = c
            .store
            .events()
            .iter()
            .rev()
            .find(|e| e.job == Some(id) && e.time == k.last_transition_time && e.cause.is_some())
            .and_then(|e| e.cause.as_ref())
            .map(|cause| cause.explain());
        Outcome {
            complete: k.type_ == JobConditionType::Complete,
            reason: k.reason.clone(),
            message: k.message.clone(),
            at_ms: k.last_transition_time.0,
            why,
        }
    });
    let finished = outcome.is_some();
    let interim = if finished {
        None
    } else {
        [
            (JobConditionType::FailureTarget, "Failed"),
            (JobConditionType::SuccessCriteriaMet, "Complete"),
        ]
        .into_iter()
        .find_map(|(t, leads_to)| {
            st.condition(&t).filter(|k| k.is_true()).map(|k| Interim {
                type_: k.type_.to_string(),
                leads_to,
                reason: k.reason.clone(),
                at_ms: k.last_transition_time.0,
            })
        })
    };
    let on_failure = spec.template_spec().and_then(|t| t.restart_policy.clone())
        == Some(RestartPolicy::OnFailure);
    let restarts: i32 = rec
        .tracked
        .iter()
        .map(|p| c.store.pod(*p))
        .filter(|p| matches!(p.pod.status.phase, PodPhase::Pending | PodPhase::Running))
        .map(|p| p.pod.status.restart_count())
        .sum();
    let budget = Budget {
        used: if on_failure {
            restarts.max(st.failed)
        } else {
            st.failed
        },
        limit: spec.backoff_limit(),
        counts_restarts: on_failure,
        per_index_limit: spec.backoff_limit_per_index,
    };
    let deadline = spec.active_deadline_seconds.and_then(|ads| {
        let start = st.start_time?;
        let end = if finished {
            st.finished().map(|k| k.last_transition_time).unwrap_or(now)
        } else {
            now
        };
        let elapsed = end.0.saturating_sub(start.0);
        Some(Deadline {
            seconds: ads,
            start_ms: start.0,
            elapsed_ms: elapsed,
            exceeded: elapsed >= ads.max(0) as u64 * 1000,
        })
    });
    let countdown = if finished || spec.backoff_limit_per_index.is_some() {
        None
    } else {
        c.job_ctrl.backoff_record(id).and_then(|r| {
            let remaining = r.remaining(now);
            let last = r.last_failure_time?;
            (remaining > 0).then(|| {
                let delay = delay_for(r.failures_after_last_success);
                Countdown {
                    index: None,
                    until_ms: last.0 + delay,
                    remaining_ms: remaining,
                    delay_ms: delay,
                    failures: r.failures_after_last_success,
                }
            })
        })
    };
    JobView {
        id: id.0,
        name: job.name().to_string(),
        indexed: spec.is_indexed(),
        completions: spec.completions,
        parallelism: spec.parallelism(),
        active: st.active,
        ready: st.ready.unwrap_or(0),
        succeeded: st.succeeded,
        failed: st.failed,
        terminating: st.terminating.unwrap_or(0),
        completed_indexes: st.completed_indexes.clone().unwrap_or_default(),
        failed_indexes: st.failed_indexes.clone(),
        conditions,
        outcome,
        interim,
        start_ms: st.start_time.map(|t| t.0),
        age_ms: now
            .0
            .saturating_sub(job.metadata.creation_timestamp.unwrap_or_default().0),
        suspended: spec.is_suspended(),
        managed_by: (!spec.managed_by_builtin())
            .then(|| spec.managed_by.clone().unwrap_or_default()),
        deleted: rec.removed_at.is_some() || job.metadata.deletion_timestamp.is_some(),
        countdown,
        deadline,
        budget,
        lane_count: if spec.is_indexed() {
            spec.completions.unwrap_or(0).max(0) as u32
        } else {
            1
        },
    }
}

/// The view of the Job at the center of the run (the root Job, or a CronJob's latest Job).
pub fn main_job(c: &Cluster) -> Option<JobView> {
    c.main_job().map(|id| job_view(c, id))
}

/// The view of any Job of the run.
pub fn job(c: &Cluster, id: JobId) -> JobView {
    job_view(c, id)
}

/// Lanes `from..from+count` of a Job (for Indexed Jobs with many indexes, the page
/// asks only for the lanes it shows).
pub fn lanes(c: &Cluster, id: JobId, from: u32, count: u32) -> Vec<Lane> {
    let rec = c.store.job(id);
    let spec = &rec.job.spec;
    let name = rec.job.name().to_string();
    let now = c.now;
    if !spec.is_indexed() {
        let attempts = rec.pods.iter().map(|p| pod_card(c, *p)).collect::<Vec<_>>();
        let state = if rec.job.status.finished().is_some() {
            LaneState::Completed
        } else {
            LaneState::Active
        };
        return vec![Lane {
            index: None,
            label: name,
            state,
            attempts,
            failures: rec.job.status.failed,
            countdown: None,
        }];
    }
    let completions = spec.completions.unwrap_or(0).max(0) as u32;
    let to = from.saturating_add(count).min(completions);
    let mut per_index: Vec<Vec<PodId>> = vec![Vec::new(); to.saturating_sub(from) as usize];
    for p in &rec.pods {
        if let Some(i) = c.store.pod(*p).index {
            if i.0 >= from && i.0 < to {
                if let Some(v) = per_index.get_mut((i.0 - from) as usize) {
                    v.push(*p);
                }
            }
        }
    }
    let completed = crate::controller::job::policy::parse_indexes(
        rec.job.status.completed_indexes.as_deref().unwrap_or(""),
        completions as i32,
    );
    let failed = crate::controller::job::policy::parse_indexes(
        rec.job.status.failed_indexes.as_deref().unwrap_or(""),
        completions as i32,
    );
    let finished = rec.job.status.finished().is_some();
    per_index
        .into_iter()
        .enumerate()
        .map(|(k, pods)| {
            let index = from + k as u32;
            let attempts: Vec<PodCard> = pods.iter().map(|p| pod_card(c, *p)).collect();
            let state = if completed.contains(index) {
                LaneState::Completed
            } else if failed.contains(index) {
                LaneState::Failed
            } else if attempts.iter().any(|a| {
                matches!(
                    a.class,
                    PhaseClass::Pending | PhaseClass::Running | PhaseClass::CrashLoop
                )
            }) {
                LaneState::Active
            } else {
                LaneState::Waiting
            };
            let last = pods.last().map(|p| c.store.pod(*p));
            let count = |key: &str| -> i32 {
                last.and_then(|r| r.pod.metadata.annotation(key))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0)
            };
            // Counted failures of this index so far: the annotation of its last pod, plus that pod if it failed.
            let last_failed = last.is_some_and(|r| r.pod.status.phase == PodPhase::Failed);
            let failures = count(JOB_INDEX_FAILURE_COUNT) + i32::from(last_failed);
            let countdown = if spec.backoff_limit_per_index.is_some()
                && state == LaneState::Waiting
                && last_failed
                && !finished
            {
                last.map(|r| {
                    let f =
                        count(JOB_INDEX_FAILURE_COUNT) + count(JOB_INDEX_IGNORED_FAILURE_COUNT) + 1;
                    let fin = r.finished_at.unwrap_or(now);
                    let delay = delay_for(f);
                    Countdown {
                        index: Some(index),
                        until_ms: fin.0 + delay,
                        remaining_ms: (fin.0 + delay).saturating_sub(now.0),
                        delay_ms: delay,
                        failures: f,
                    }
                })
                .filter(|cd| cd.remaining_ms > 0)
            } else {
                None
            };
            Lane {
                index: Some(index),
                label: format!("{name}-{index}"),
                state,
                attempts,
                failures,
                countdown,
            }
        })
        .collect()
}

/// One bar of the timeline: a pod from creation to its end.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bar {
    pub pod: u32,
    pub start_ms: u64,
    /// Running from here (None while Pending).
    pub run_ms: Option<u64>,
    /// The end, or now for a pod still running.
    pub end_ms: u64,
    pub open: bool,
    pub class: PhaseClass,
    /// When a container failed and was restarted in place (restartPolicy OnFailure).
    pub restarts_ms: Vec<u64>,
}

/// A timeline row: one per index (Indexed) or per pod (NonIndexed).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub label: String,
    pub bars: Vec<Bar>,
}

/// Timeline rows of a Job, at most `max_rows` (the first ones).
pub fn timeline(c: &Cluster, id: JobId, max_rows: usize) -> Vec<Row> {
    let rec = c.store.job(id);
    let now = c.now.0;
    let bar = |p: PodId| {
        let card = pod_card(c, p);
        let end = card.finished_ms.or(card.removed_ms);
        Bar {
            pod: p.0,
            start_ms: card.created_ms,
            run_ms: card.started_ms,
            end_ms: end.unwrap_or(now).max(card.created_ms),
            open: end.is_none(),
            class: card.class,
            restarts_ms: c.store.pod(p).restarted_at.iter().map(|t| t.0).collect(),
        }
    };
    if rec.job.spec.is_indexed() {
        let completions = rec.job.spec.completions.unwrap_or(0).max(0) as usize;
        let rows_n = completions.min(max_rows);
        let mut rows: Vec<Row> = (0..rows_n)
            .map(|i| Row {
                label: format!("{}-{i}", rec.job.name()),
                bars: Vec::new(),
            })
            .collect();
        for p in &rec.pods {
            if let Some(i) = c.store.pod(*p).index {
                if let Some(row) = rows.get_mut(i.0 as usize) {
                    row.bars.push(bar(*p));
                }
            }
        }
        rows
    } else {
        rec.pods
            .iter()
            .take(max_rows)
            .map(|p| Row {
                label: c.store.pod(*p).name().to_string(),
                bars: vec![bar(*p)],
            })
            .collect()
    }
}

/// A CronJob's schedule strip: past runs and the next schedule times.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CronView {
    pub name: String,
    pub schedule: String,
    pub time_zone: Option<String>,
    pub suspended: bool,
    pub runs: Vec<CronRun>,
    /// Upcoming schedule times, as virtual ms and as wall-clock text.
    pub upcoming: Vec<(u64, String)>,
    pub last_schedule_ms: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CronRun {
    pub job: u32,
    pub name: String,
    pub created_ms: u64,
    pub outcome: Option<String>,
    pub deleted: bool,
}

pub fn cron(c: &Cluster, upcoming: usize) -> Option<CronView> {
    if c.root != Root::CronJob {
        return None;
    }
    let cj = c.store.cronjob.as_ref()?;
    let runs = c
        .store
        .jobs()
        .map(|(i, r)| CronRun {
            job: i.0,
            name: r.job.name().to_string(),
            created_ms: r.job.metadata.creation_timestamp.unwrap_or_default().0,
            outcome: r.job.status.finished().map(|k| k.type_.to_string()),
            deleted: r.removed_at.is_some(),
        })
        .collect();
    let zone = match cj.spec.time_zone.as_deref() {
        Some(z) => crate::controller::cronjob::zone::Zone::load(z).ok(),
        None => Some(crate::controller::cronjob::zone::Zone::utc()),
    };
    let sched = crate::controller::cronjob::schedule::Schedule::parse(
        cj.spec.schedule.as_deref().unwrap_or(""),
    )
    .ok();
    let mut next = Vec::new();
    if let (Some(z), Some(s)) = (zone, sched) {
        let mut t = c.epoch_unix + (c.now.0 / 1000) as i64;
        for _ in 0..upcoming {
            match s.next(t, &z) {
                Some(n) => {
                    let ms = ((n - c.epoch_unix).max(0) as u64) * 1000;
                    next.push((
                        ms,
                        crate::cluster::wallclock::format_rfc3339_offset(n, z.offset_at(n)),
                    ));
                    t = n;
                }
                None => break,
            }
        }
    }
    Some(CronView {
        name: cj.name().to_string(),
        schedule: cj.spec.schedule.clone().unwrap_or_default(),
        time_zone: cj.spec.time_zone.clone(),
        suspended: cj.spec.suspend == Some(true),
        runs,
        upcoming: next,
        last_schedule_ms: cj.status.last_schedule_time.map(|t: Time| t.0),
    })
}

/// The Scenario's work queue: (items left, items in all), if it has one.
pub fn queue(c: &Cluster) -> Option<(u32, u32)> {
    (c.kubelet.queue_total > 0).then_some((c.kubelet.queue_left, c.kubelet.queue_total))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_until(text: &str, secs: u64) -> Cluster {
        let mut c = Cluster::from_text(text).unwrap();
        c.advance_to(Time::from_secs(secs));
        c
    }

    const FLAKY: &str = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: f\nspec:\n  backoffLimit: 3\n  activeDeadlineSeconds: 100\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: s\nspec:\n  pods:\n  - runSeconds: 2\n    exitCode: 3\n";

    #[test]
    fn countdown_deadline_and_budget() {
        // Pod fails at 3; sync at 4 waits until 13.
        let c = run_until(FLAKY, 5);
        let v = main_job(&c).unwrap();
        let cd = v.countdown.expect("backoff countdown");
        assert_eq!(
            (cd.until_ms, cd.remaining_ms, cd.delay_ms, cd.failures),
            (13_000, 8_000, 10_000, 1)
        );
        assert_eq!(
            v.budget,
            Budget {
                used: 1,
                limit: 3,
                counts_restarts: false,
                per_index_limit: None
            }
        );
        let d = v.deadline.unwrap();
        assert_eq!((d.seconds, d.elapsed_ms, d.exceeded), (100, 5_000, false));
        let lanes = lanes(&c, JobId(0), 0, 10);
        assert_eq!(lanes.len(), 1);
        assert_eq!(lanes[0].attempts[0].class, PhaseClass::Failed);
        assert_eq!(lanes[0].attempts[0].status, "Error");
        assert_eq!(lanes[0].attempts[0].exit_code, Some(3));
    }

    #[test]
    fn outcome_explains_itself() {
        let mut c = Cluster::from_text(FLAKY).unwrap();
        c.run_to_end();
        let o = main_job(&c).unwrap().outcome.unwrap();
        assert!(!o.complete);
        assert_eq!(o.reason, "BackoffLimitExceeded");
        assert_eq!(
            o.why.as_deref(),
            Some("Failed: 4 failed pods > backoffLimit 3")
        );
    }

    #[test]
    fn indexed_lanes_are_labelled_with_hostnames() {
        let text = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  completions: 4\n  parallelism: 2\n  completionMode: Indexed\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n        command: [sleep, \"5\"]\n";
        let c = run_until(text, 3);
        let l = lanes(&c, JobId(0), 0, 100);
        assert_eq!(
            l.iter().map(|l| l.label.as_str()).collect::<Vec<_>>(),
            vec!["pi-0", "pi-1", "pi-2", "pi-3"]
        );
        assert_eq!(l[0].state, LaneState::Active);
        assert_eq!(l[3].state, LaneState::Waiting);
        assert_eq!(l[0].attempts[0].status, "Running");
        let rows = timeline(&c, JobId(0), 100);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].bars[0].run_ms, Some(1_000));
        assert!(rows[0].bars[0].open);
        assert_eq!(lanes(&c, JobId(0), 2, 1)[0].label, "pi-2");
    }
}
