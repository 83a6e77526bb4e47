//! The Job controller (`pkg/controller/job`): one `sync` per Job, as upstream's
//! `syncJob` — count pods, decide whether the Job is finishing (pod failure
//! policy, backoff limit, deadline, failed indexes, success policy), create or
//! delete pods (`manage`), account finished pods through the tracking finalizer,
//! and add the interim and terminal conditions with their events.

mod backoff;
mod manage;
pub mod policy;

pub use backoff::{delay_for, BackoffRecord};

use crate::api::defaults::JOB_INDEX_FAILURE_COUNT;
use crate::api::defaults::{JOB_COMPLETION_INDEX, JOB_INDEX_IGNORED_FAILURE_COUNT};
use crate::api::{
    IndexSet, Job, JobCondition, JobConditionType, JobStatus, PodFailurePolicyAction, PodPhase,
    RestartPolicy, Time,
};
use crate::cluster::cause::Cause;
use crate::cluster::store::{EventType, JobId, PodId, Store};
use crate::cluster::timers::{Timer, TimerQueue};
use crate::cluster::Ctx;
use std::collections::HashMap;

/// `syncJobBatchPeriod`: pod changes are batched for one second.
pub const SYNC_BATCH_MS: u64 = 1000;
/// `MaxPodCreateDeletePerSync`.
pub const MAX_CREATE_DELETE_PER_SYNC: usize = 500;
const SOURCE: &str = "job-controller";

/// The Job controller's memory: its work queue and the backoff records.
#[derive(Clone, Debug, Default)]
pub struct JobController {
    /// When each queued Job is due (the work queue with `AddAfter`).
    due: HashMap<JobId, Time>,
    backoff: HashMap<JobId, BackoffRecord>,
}

/// What the sync saw of one pod at its start (the informer's cached copy).
#[derive(Clone, Debug)]
pub(crate) struct Snap {
    pub id: PodId,
    pub phase: PodPhase,
    pub deleting: bool,
    pub ready: bool,
    pub finalizer: bool,
    pub index: Option<u32>,
    pub restarts: i32,
}

impl Snap {
    fn terminal(&self) -> bool {
        self.phase.is_terminal()
    }
    pub fn active(&self) -> bool {
        !self.terminal() && !self.deleting
    }
    pub fn terminating(&self) -> bool {
        !self.terminal() && self.deleting
    }
}

/// State of one sync (upstream's `syncJobCtx`).
pub(crate) struct SyncCtx {
    pub job: Job,
    pub id: JobId,
    pub snaps: Vec<Snap>,
    pub succeeded: i32,
    pub succeeded_indexes: IndexSet,
    pub failed_indexes: Option<IndexSet>,
    pub terminating: i32,
    pub record: BackoffRecord,
    /// Per index, the last failed pod kept for its failure counts (backoffLimitPerIndex).
    pub delayed: HashMap<u32, PodId>,
}

fn condition(t: JobConditionType, reason: &str, message: &str, now: Time) -> JobCondition {
    JobCondition {
        type_: t,
        status: "True".into(),
        reason: reason.to_string(),
        message: message.to_string(),
        last_probe_time: now,
        last_transition_time: now,
    }
}

/// Whether a pod counts as failed: phase Failed, or (policy TerminatingOrFailed) being deleted and not Succeeded.
fn is_failed(job: &Job, s: &Snap) -> bool {
    if s.phase == PodPhase::Failed {
        return true;
    }
    if job.spec.only_replace_failed() {
        return false;
    }
    s.deleting && s.phase != PodPhase::Succeeded
}

fn annotation_count(store: &Store, id: PodId, key: &str) -> i32 {
    store
        .pod(id)
        .pod
        .metadata
        .annotation(key)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

impl JobController {
    /// Add the Job to the work queue at `at` (keeps the earlier time if already queued).
    pub fn enqueue(&mut self, timers: &mut TimerQueue, id: JobId, at: Time) {
        if let Some(d) = self.due.get(&id) {
            if *d <= at {
                return;
            }
        }
        self.due.insert(id, at);
        timers.push(at, Timer::JobSync(id));
    }

    /// Drop what the controller remembers of Jobs the store forgot.
    pub fn forget(&mut self, kept: impl Fn(JobId) -> bool) {
        self.due.retain(|j, _| kept(*j));
        self.backoff.retain(|j, _| kept(*j));
    }

    /// Whether a sync of the Job is queued (pod changes it has not seen yet).
    pub fn is_queued(&self, id: JobId) -> bool {
        self.due.contains_key(&id)
    }

    pub fn enqueue_batched(&mut self, timers: &mut TimerQueue, id: JobId, now: Time) {
        self.enqueue(timers, id, now.plus_ms(SYNC_BATCH_MS));
    }

    /// A JobSync timer fired: run the sync if it is the one queued.
    pub fn on_timer(&mut self, ctx: &mut Ctx<'_>, id: JobId) {
        if self.due.get(&id) != Some(&ctx.now) {
            return;
        }
        self.due.remove(&id);
        self.sync(ctx, id);
    }

    /// The Job was deleted: strip the tracking finalizer from its pods.
    pub fn on_job_deleted(&mut self, ctx: &mut Ctx<'_>, id: JobId) {
        self.backoff.remove(&id);
        let pods = ctx.store.job(id).pods.clone();
        for p in pods {
            ctx.store.remove_tracking_finalizer(p, ctx.now);
        }
    }

    /// One `syncJob`.
    pub fn sync(&mut self, ctx: &mut Ctx<'_>, id: JobId) {
        let now = ctx.now;
        let Some(rec) = ctx.store.live_job(id) else {
            return;
        };
        let job = rec.job.clone();
        if job.metadata.deletion_timestamp.is_some() {
            self.on_job_deleted(ctx, id);
            return;
        }
        if !job.spec.managed_by_builtin() {
            return;
        }
        if job.status.finished().is_some() {
            // Only leftover finalizers are removed.
            let tracked = ctx.store.job(id).tracked.clone();
            for p in tracked {
                ctx.store.remove_tracking_finalizer(p, now);
            }
            ctx.store.job_mut(id).tracked.clear();
            return;
        }
        let mut job = job;
        let indexed = job.spec.is_indexed();
        let completions = job.spec.completions;
        let blpi = job.spec.backoff_limit_per_index;
        let suspended = job.spec.is_suspended();
        let mut status: JobStatus = job.status.clone();
        if status.start_time.is_none() && !suspended {
            status.start_time = Some(now);
            job.status.start_time = Some(now);
        }

        // The pods the controller looks at, as they are at the start of the sync.
        let tracked: Vec<PodId> = ctx
            .store
            .job(id)
            .tracked
            .iter()
            .copied()
            .filter(|p| {
                let r = ctx.store.pod(*p);
                r.removed_at.is_none() && (!r.is_terminal() || r.has_tracking_finalizer())
            })
            .collect();
        ctx.store.job_mut(id).tracked = tracked.clone();
        let snaps: Vec<Snap> = tracked
            .iter()
            .map(|&p| {
                let r = ctx.store.pod(p);
                Snap {
                    id: p,
                    phase: r.pod.status.phase.clone(),
                    deleting: r.is_deleting(),
                    ready: r.pod.status.is_ready(),
                    finalizer: r.has_tracking_finalizer(),
                    index: r.index.map(|i| i.0),
                    restarts: r.pod.status.restart_count(),
                }
            })
            .collect();
        let valid_index = |s: &Snap| {
            !indexed
                || s.index
                    .is_some_and(|i| completions.is_some_and(|c| (i as i64) < c as i64))
        };

        let mut active = snaps.iter().filter(|s| s.active()).count() as i32;
        let mut ready = snaps.iter().filter(|s| s.active() && s.ready).count() as i32;
        let terminating = snaps.iter().filter(|s| s.terminating()).count() as i32;

        // Newly finished pods (still carrying the finalizer).
        let new_succeeded: Vec<&Snap> = snaps
            .iter()
            .filter(|s| s.finalizer && valid_index(s) && s.phase == PodPhase::Succeeded)
            .collect();
        let new_failed: Vec<&Snap> = snaps
            .iter()
            .filter(|s| s.finalizer && valid_index(s) && is_failed(&job, s))
            .collect();
        let pfp = job.spec.pod_failure_policy.as_ref();
        let counted_failures = new_failed
            .iter()
            .filter(|s| policy::match_pod_failure_policy(pfp, &ctx.store.pod(s.id).pod).count)
            .count() as i32;
        let failed = status.failed + counted_failures;
        let finish_time = |s: &Snap| {
            let r = ctx.store.pod(s.id);
            backoff::finished_time(&r.pod, r.deletion_requested_at)
        };
        let record = self.backoff.get(&id).copied().unwrap_or_default().next(
            new_succeeded.iter().map(|s| finish_time(s)).collect(),
            new_failed.iter().map(|s| finish_time(s)).collect(),
        );

        let mut sc = SyncCtx {
            job: job.clone(),
            id,
            snaps: snaps.clone(),
            succeeded: status.succeeded + new_succeeded.len() as i32,
            succeeded_indexes: IndexSet::new(),
            failed_indexes: None,
            terminating,
            record,
            delayed: HashMap::new(),
        };

        // Decide whether the Job is finishing.
        let mut finished: Option<(JobCondition, Cause)> = None;
        if let Some(c) = status
            .condition(&JobConditionType::SuccessCriteriaMet)
            .filter(|c| c.is_true())
        {
            finished = Some((
                condition(JobConditionType::Complete, &c.reason, &c.message, now),
                Cause::TerminalAfterTerminating {
                    interim: "SuccessCriteriaMet".into(),
                },
            ));
        } else if let Some(c) = status
            .condition(&JobConditionType::FailureTarget)
            .filter(|c| c.is_true())
        {
            finished = Some((
                condition(JobConditionType::Failed, &c.reason, &c.message, now),
                Cause::TerminalAfterTerminating {
                    interim: "FailureTarget".into(),
                },
            ));
        } else if let Some((msg, cause)) = self.fail_job_message(ctx.store, &job, &snaps) {
            finished = Some((
                condition(
                    JobConditionType::FailureTarget,
                    "PodFailurePolicy",
                    &msg,
                    now,
                ),
                cause,
            ));
        } else {
            let limit = job.spec.backoff_limit();
            let restarts = if job
                .spec
                .template_spec()
                .and_then(|t| t.restart_policy.clone())
                == Some(RestartPolicy::OnFailure)
            {
                Some(
                    snaps
                        .iter()
                        .filter(|s| matches!(s.phase, PodPhase::Pending | PodPhase::Running))
                        .map(|s| s.restarts)
                        .sum::<i32>(),
                )
            } else {
                None
            };
            let past_restarts =
                restarts.is_some_and(|r| if limit == 0 { r > 0 } else { r >= limit });
            if failed > limit || past_restarts {
                let cause = if failed > limit {
                    Cause::BackoffLimit { failed, limit }
                } else {
                    Cause::RestartLimit {
                        restarts: restarts.unwrap_or(0),
                        limit,
                    }
                };
                finished = Some((
                    condition(
                        JobConditionType::FailureTarget,
                        "BackoffLimitExceeded",
                        "Job has reached the specified backoff limit",
                        now,
                    ),
                    cause,
                ));
            } else if let (Some(ads), Some(start), false) = (
                job.spec.active_deadline_seconds,
                job.status.start_time,
                suspended,
            ) {
                let allowed = ads.max(0) as u64 * 1000;
                if now.0.saturating_sub(start.0) >= allowed {
                    finished = Some((
                        condition(
                            JobConditionType::FailureTarget,
                            "DeadlineExceeded",
                            "Job was active longer than specified deadline",
                            now,
                        ),
                        Cause::Deadline {
                            start,
                            seconds: ads,
                        },
                    ));
                } else {
                    self.enqueue(ctx.timers, id, start.plus_ms(allowed));
                }
            }
        }

        if indexed {
            let c = completions.unwrap_or(0);
            let mut succeeded_indexes =
                policy::parse_indexes(status.completed_indexes.as_deref().unwrap_or(""), c);
            for s in &new_succeeded {
                if let Some(i) = s.index {
                    succeeded_indexes.insert(i);
                }
            }
            sc.succeeded = succeeded_indexes.len() as i32;
            sc.succeeded_indexes = succeeded_indexes;
            if let Some(blpi) = blpi {
                let mut failed_indexes =
                    policy::parse_indexes(status.failed_indexes.as_deref().unwrap_or(""), c);
                for s in &snaps {
                    if !valid_index(s) || !is_failed(&job, s) {
                        continue;
                    }
                    let pod = &ctx.store.pod(s.id).pod;
                    let m = policy::match_pod_failure_policy(pfp, pod);
                    let index_failed = m.action == Some(PodFailurePolicyAction::FailIndex)
                        || (m.count
                            && annotation_count(ctx.store, s.id, JOB_INDEX_FAILURE_COUNT) >= blpi);
                    if index_failed {
                        if let Some(i) = s.index {
                            failed_indexes.insert(i);
                        }
                    }
                }
                if finished.is_none() {
                    let nf = failed_indexes.len();
                    let ns = sc.succeeded_indexes.len();
                    if job
                        .spec
                        .max_failed_indexes
                        .is_some_and(|m| nf > m.max(0) as u64)
                    {
                        finished = Some((
                            condition(
                                JobConditionType::FailureTarget,
                                "MaxFailedIndexesExceeded",
                                "Job has exceeded the specified maximal number of failed indexes",
                                now,
                            ),
                            Cause::MaxFailedIndexes {
                                failed: nf,
                                max: job.spec.max_failed_indexes.unwrap_or(0),
                            },
                        ));
                    } else if nf > 0 && nf + ns >= c.max(0) as u64 {
                        finished = Some((
                            condition(
                                JobConditionType::FailureTarget,
                                "FailedIndexes",
                                "Job has failed indexes",
                                now,
                            ),
                            Cause::FailedIndexes {
                                failed: nf,
                                completed: ns,
                            },
                        ));
                    }
                }
                sc.failed_indexes = Some(failed_indexes);
                sc.delayed = self.delayed_per_index(ctx.store, &sc);
            }
            if finished.is_none() {
                if let Some(rule) = policy::match_success_policy(
                    job.spec.success_policy.as_ref(),
                    c,
                    &sc.succeeded_indexes,
                ) {
                    finished = Some((
                        condition(
                            JobConditionType::SuccessCriteriaMet,
                            "SuccessPolicy",
                            &format!("Matched rules at index {rule}"),
                            now,
                        ),
                        Cause::SuccessPolicy { rule },
                    ));
                }
            }
        }

        if let Some((cond, _)) = &finished {
            // Delete the remaining active pods, keeping their finalizers.
            let reason = cond.reason.clone();
            let to_delete: Vec<PodId> = snaps.iter().filter(|s| s.active()).map(|s| s.id).collect();
            let deleted_ready = snaps.iter().filter(|s| s.active() && s.ready).count() as i32;
            for p in &to_delete {
                self.delete_pod(
                    ctx,
                    id,
                    *p,
                    Cause::DeleteFinishing {
                        reason: reason.clone(),
                    },
                    false,
                );
            }
            active -= to_delete.len() as i32;
            sc.terminating += to_delete.len() as i32;
            ready -= deleted_ready;
        } else {
            let (new_active, deleted_ready) = self.manage(ctx, &mut sc);
            active = new_active;
            ready -= deleted_ready;
            let complete = match completions {
                None => sc.succeeded > 0 && active == 0,
                Some(c) => sc.succeeded >= c && active == 0,
            };
            if complete {
                finished = Some((
                    condition(
                        JobConditionType::SuccessCriteriaMet,
                        "CompletionsReached",
                        "Reached expected number of succeeded pods",
                        now,
                    ),
                    Cause::CompletionsReached {
                        succeeded: sc.succeeded,
                        completions,
                    },
                ));
            } else if suspended {
                if ensure_condition(
                    &mut status,
                    JobConditionType::Suspended,
                    "True",
                    "JobSuspended",
                    "Job suspended",
                    now,
                ) {
                    self.event(
                        ctx,
                        id,
                        EventType::Normal,
                        "Suspended",
                        "Job suspended".into(),
                        Some(Cause::Suspended),
                    );
                }
            } else if ensure_condition(
                &mut status,
                JobConditionType::Suspended,
                "False",
                "JobResumed",
                "Job resumed",
                now,
            ) {
                self.event(
                    ctx,
                    id,
                    EventType::Normal,
                    "Resumed",
                    "Job resumed".into(),
                    Some(Cause::Resumed),
                );
                status.start_time = Some(now);
            }
        }

        status.active = active;
        status.ready = Some(ready.max(0));
        status.terminating = Some(sc.terminating);

        // Interim conditions first, then account for finished pods.
        let mut finishing_failure = false;
        let mut finish_cause = None;
        let mut terminal: Option<JobCondition> = None;
        if let Some((cond, cause)) = finished.take() {
            finish_cause = Some(cause);
            terminal = Some(match cond.type_ {
                JobConditionType::FailureTarget => {
                    status.conditions.push(cond.clone());
                    finishing_failure = true;
                    condition(JobConditionType::Failed, &cond.reason, &cond.message, now)
                }
                JobConditionType::SuccessCriteriaMet => {
                    if !status.has_true(&JobConditionType::SuccessCriteriaMet) {
                        status.conditions.push(cond.clone());
                    }
                    condition(JobConditionType::Complete, &cond.reason, &cond.message, now)
                }
                JobConditionType::Failed => {
                    finishing_failure = true;
                    cond
                }
                _ => cond,
            });
        }
        let mut remove = Vec::new();
        let mut new_succeeded_count = 0;
        let mut new_failed_count = 0;
        for s in &snaps {
            if !s.finalizer {
                continue;
            }
            let considered_failed = is_failed(&job, s);
            let can_remove = terminal.is_some()
                || s.phase == PodPhase::Succeeded
                || (considered_failed
                    && !(blpi.is_some()
                        && s.index.is_some_and(|i| sc.delayed.get(&i) == Some(&s.id))));
            if !can_remove {
                continue;
            }
            remove.push(s.id);
            if !valid_index(s) {
                continue;
            }
            if s.phase == PodPhase::Succeeded {
                new_succeeded_count += 1;
            } else if considered_failed || finishing_failure {
                let pod = &ctx.store.pod(s.id).pod;
                if policy::match_pod_failure_policy(pfp, pod).count {
                    new_failed_count += 1;
                }
            }
        }
        if indexed {
            status.succeeded = sc.succeeded_indexes.len() as i32;
            let s = sc.succeeded_indexes.to_string();
            status.completed_indexes = if s.is_empty() { None } else { Some(s) };
            status.failed_indexes = sc.failed_indexes.as_ref().map(|f| f.to_string());
        } else {
            status.succeeded += new_succeeded_count;
        }
        status.failed += new_failed_count;
        for p in remove {
            ctx.store.remove_tracking_finalizer(p, now);
        }
        self.backoff.insert(id, sc.record);

        // The terminal condition, once no pod is terminating.
        if let Some(cond) = terminal {
            if sc.terminating == 0 {
                let complete = cond.type_ == JobConditionType::Complete;
                if complete {
                    status.completion_time = Some(now);
                }
                status.active = 0;
                status.conditions.push(cond.clone());
                ctx.store.set_job_status(id, status.clone());
                ctx.store.job_mut(id).finished_at = Some(now);
                let cause = finish_cause.clone();
                if complete {
                    if completions.is_some_and(|c| status.succeeded > c) {
                        self.event(
                            ctx,
                            id,
                            EventType::Warning,
                            "TooManySucceededPods",
                            "Too many succeeded pods running after completion count reached".into(),
                            cause.clone(),
                        );
                    }
                    self.event(
                        ctx,
                        id,
                        EventType::Normal,
                        "Completed",
                        "Job completed".into(),
                        cause,
                    );
                } else {
                    self.event(
                        ctx,
                        id,
                        EventType::Warning,
                        &cond.reason,
                        cond.message.clone(),
                        cause,
                    );
                }
                return;
            } else if let Some(cause) = finish_cause {
                ctx.store.note(now, id, cause);
            }
        }
        ctx.store.set_job_status(id, status);
    }

    /// The FailJob message of the first failed pod matching a FailJob rule.
    fn fail_job_message(
        &self,
        store: &Store,
        job: &Job,
        snaps: &[Snap],
    ) -> Option<(String, Cause)> {
        let pfp = job.spec.pod_failure_policy.as_ref()?;
        for s in snaps {
            if !is_failed(job, s) || !s.finalizer {
                continue;
            }
            let pod = &store.pod(s.id).pod;
            let m = policy::match_pod_failure_policy(Some(pfp), pod);
            if let Some(msg) = m.fail_job {
                let cause = Cause::FailJobRule {
                    rule: m.rule.unwrap_or(0),
                    pod: pod.metadata.name().to_string(),
                    container: m.container,
                    exit_code: m.exit_code,
                    condition: m.condition,
                };
                return Some((msg, cause));
            }
        }
        None
    }

    /// `getPodsWithDelayedDeletionPerIndex`: per index, the last failed pod whose
    /// failure counts the replacement needs.
    fn delayed_per_index(&self, store: &Store, sc: &SyncCtx) -> HashMap<u32, PodId> {
        let active: std::collections::HashSet<u32> = sc
            .snaps
            .iter()
            .filter(|s| s.active())
            .filter_map(|s| s.index)
            .collect();
        let completions = sc.job.spec.completions.unwrap_or(0).max(0) as u32;
        let failed_indexes = sc.failed_indexes.clone().unwrap_or_default();
        let mut out: HashMap<u32, PodId> = HashMap::new();
        for s in &sc.snaps {
            if !s.finalizer || !is_failed(&sc.job, s) {
                continue;
            }
            let Some(ix) = s.index else { continue };
            if ix >= completions
                || sc.succeeded_indexes.contains(ix)
                || failed_indexes.contains(ix)
                || active.contains(&ix)
            {
                continue;
            }
            let abs = |p: PodId| {
                annotation_count(store, p, JOB_INDEX_FAILURE_COUNT)
                    + annotation_count(store, p, JOB_INDEX_IGNORED_FAILURE_COUNT)
            };
            let fin = |p: PodId| {
                let r = store.pod(p);
                backoff::finished_time(&r.pod, r.deletion_requested_at)
            };
            match out.get(&ix) {
                Some(&last) => {
                    if abs(last) <= abs(s.id) && fin(s.id) >= fin(last) {
                        out.insert(ix, s.id);
                    }
                }
                None => {
                    out.insert(ix, s.id);
                }
            }
        }
        out
    }

    /// Delete a pod; `drop_finalizer` removes the tracking finalizer first (not counted).
    pub(crate) fn delete_pod(
        &mut self,
        ctx: &mut Ctx<'_>,
        id: JobId,
        p: PodId,
        cause: Cause,
        drop_finalizer: bool,
    ) {
        if drop_finalizer {
            ctx.store.remove_tracking_finalizer(p, ctx.now);
        }
        ctx.store.delete_pod(p, ctx.now);
        let name = ctx.store.pod(p).name().to_string();
        self.event(
            ctx,
            id,
            EventType::Normal,
            "SuccessfulDelete",
            format!("Deleted pod: {name}"),
            Some(cause),
        );
    }

    fn event(
        &self,
        ctx: &mut Ctx<'_>,
        id: JobId,
        t: EventType,
        reason: &str,
        message: String,
        cause: Option<Cause>,
    ) {
        let object = format!("Job/{}", ctx.store.job(id).job.name());
        ctx.store
            .record_event(ctx.now, object, t, reason, message, SOURCE, cause, Some(id));
    }

    /// The remaining backoff of a Job (for views).
    pub fn backoff_record(&self, id: JobId) -> Option<BackoffRecord> {
        self.backoff.get(&id).copied()
    }
}

/// `ensureJobConditionStatus`: returns whether the list changed.
fn ensure_condition(
    status: &mut JobStatus,
    t: JobConditionType,
    s: &str,
    reason: &str,
    message: &str,
    now: Time,
) -> bool {
    if let Some(c) = status.conditions.iter_mut().find(|c| c.type_ == t) {
        if c.status != s || c.reason != reason || c.message != message {
            *c = JobCondition {
                type_: t,
                status: s.to_string(),
                reason: reason.to_string(),
                message: message.to_string(),
                last_probe_time: now,
                last_transition_time: now,
            };
            return true;
        }
        return false;
    }
    if s != "False" {
        status.conditions.push(JobCondition {
            type_: t,
            status: s.to_string(),
            reason: reason.to_string(),
            message: message.to_string(),
            last_probe_time: now,
            last_transition_time: now,
        });
        return true;
    }
    false
}

/// The completion index of a pod, from its annotation.
pub fn completion_index(store: &Store, p: PodId) -> Option<u32> {
    store
        .pod(p)
        .pod
        .metadata
        .annotation(JOB_COMPLETION_INDEX)
        .and_then(|v| v.parse().ok())
}
