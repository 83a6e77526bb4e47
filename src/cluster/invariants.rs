//! Invariants checked after every instant in debug builds and tests (and by the fuzz
//! targets, which call [`check`] themselves): what must hold in any run, whatever
//! the Job and the Scenario. A broken invariant is a bug in the simulator, never in
//! the user's input.
//!
//! What holds when, as in kube-controller-manager:
//!
//! - **Time** never goes back, and no timer is left due at or before the instant
//!   just handled.
//! - **No pod after the end**: no pod is created after its Job got a finishing
//!   condition (`FailureTarget`, `SuccessCriteriaMet`, `Complete` or `Failed`), nor
//!   while the Job is being deleted.
//! - **Active ≤ parallelism**: pods that are neither terminal nor being deleted
//!   number at most `parallelism` (0 while suspended), once the instant is handled.
//!   A Job spec change is synced at once, so a lowered parallelism or a suspension
//!   has deleted the surplus by then. Exceptions, as upstream's `manageJob`: a work
//!   queue (no `completions`) with a succeeded pod keeps the pods it has; a Job being
//!   deleted, or managed by another controller, is not managed at all.
//! - **At most the remaining completions** are active in an Indexed Job (its indexes
//!   below `completions` that are not completed), and indexes are unique among
//!   active pods.
//! - **Succeeded ≤ completions**, in both completion modes; for Indexed Jobs
//!   `completedIndexes` holds exactly `succeeded` indexes, all below `completions`,
//!   none of them failed. The controller recounts after a change of `completions`
//!   (an elastic Indexed Job), which it syncs at once; a Job it no longer syncs
//!   (finished, being deleted, managed elsewhere) keeps its status, so for it these
//!   hold against the `completions` it had at the last instant it was synced (a
//!   patch in the very instant the Job is deleted is never synced).
//! - **A finished Job** has Complete xor Failed, `status.active` 0 and no active pod.
//! - **Status counts equal the pods they count** once the controller has caught up:
//!   pod changes reach the Job controller after its 1 s batching period, so while a
//!   sync of the Job is queued its status may lag. With no sync queued (and the Job
//!   neither finished, being deleted, nor managed elsewhere), `status.active`,
//!   `status.ready` and `status.terminating` equal the active, ready and terminating
//!   pods. The counters that finalizer accounting moves (`succeeded`, `failed`) can
//!   never exceed the finished pods they count: pods deleted by the controller on a
//!   scale-down or a suspension lose their finalizer first and are rightly never
//!   counted, so only `≤` holds for them.

use super::store::{JobId, PodRecord};
use super::Cluster;
use crate::api::{JobConditionType, PodPhase, Time};
use std::collections::{HashMap, HashSet};

/// What the checker remembers between instants.
#[derive(Clone, Debug, Default)]
pub struct State {
    last_now: Time,
    /// Pods created so far (their ids are below this).
    pods_seen: usize,
    /// Per Job, when it first had a finishing condition or a deletion timestamp.
    ending_since: HashMap<JobId, Time>,
    /// Per Job, the `completions` its status was last counted against: updated at
    /// every check while the controller syncs the Job, kept once it no longer does
    /// (a patch of `completions` in the instant the Job is deleted or finishes is
    /// never synced, so it must not replace this value).
    counted_completions: HashMap<JobId, Option<i32>>,
}

fn job_name(c: &Cluster, id: JobId) -> String {
    format!("job {:?} ({})", c.store.job(id).job.name(), id.0)
}

/// Check the invariants; `Err` names the first that does not hold.
pub fn check(c: &Cluster, st: &mut State) -> Result<(), String> {
    if c.now < st.last_now {
        return Err(format!(
            "virtual time went back from {} to {}",
            st.last_now, c.now
        ));
    }
    st.last_now = c.now;
    if c.halted.is_none() {
        if let Some(t) = c.timers.next_time().filter(|t| *t <= c.now) {
            return Err(format!("a timer due at {t} was left behind at {}", c.now));
        }
    }

    // When each Job started to end (a finishing condition or a deletion timestamp).
    for id in c.store.job_ids() {
        let rec = c.store.job(id);
        let s = &rec.job.status;
        let ending = s.finished().is_some()
            || s.has_true(&JobConditionType::FailureTarget)
            || s.has_true(&JobConditionType::SuccessCriteriaMet)
            || rec.job.metadata.deletion_timestamp.is_some();
        if ending {
            st.ending_since.entry(id).or_insert(c.now);
        }
    }
    // No pod is created once its Job started to end.
    for (id, r) in c.store.pods_from(st.pods_seen) {
        if let Some(since) = st.ending_since.get(&r.job) {
            if r.created_at > *since {
                return Err(format!(
                    "pod {} ({}) created at {} after {} started to end at {since}",
                    r.name(),
                    id.0,
                    r.created_at,
                    job_name(c, r.job)
                ));
            }
        }
    }
    st.pods_seen = c.store.pods_created();
    st.ending_since.retain(|j, _| c.store.get_job(*j).is_some());
    st.counted_completions
        .retain(|j, _| c.store.get_job(*j).is_some());

    for id in c.store.job_ids() {
        let rec = c.store.job(id);
        if rec.removed_at.is_some() {
            continue;
        }
        let job = &rec.job;
        let frozen = job.status.finished().is_some()
            || job.metadata.deletion_timestamp.is_some()
            || !job.spec.managed_by_builtin();
        let counted = st
            .counted_completions
            .entry(id)
            .or_insert(job.spec.completions);
        if !frozen {
            *counted = job.spec.completions;
        }
        let completions = *counted;
        check_job(c, id, completions)?;
    }
    Ok(())
}

/// Check one Job; `completions` is what its status counts against (see the module docs).
fn check_job(c: &Cluster, id: JobId, completions: Option<i32>) -> Result<(), String> {
    let rec = c.store.job(id);
    let spec = &rec.job.spec;
    let status = &rec.job.status;
    let name = || job_name(c, id);
    let pods: Vec<&PodRecord> = rec
        .pods
        .iter()
        .filter_map(|p| c.store.get_pod(*p))
        .collect();
    let live = || pods.iter().filter(|p| p.removed_at.is_none());
    let active: Vec<&&PodRecord> = live().filter(|p| p.is_active()).collect();
    let terminating = live().filter(|p| p.is_terminating()).count();
    let ready = active.iter().filter(|p| p.pod.status.is_ready()).count();
    let finished = status.finished().is_some();
    let deleting = rec.job.metadata.deletion_timestamp.is_some();
    let managed = spec.managed_by_builtin();

    if status.has_true(&JobConditionType::Complete) && status.has_true(&JobConditionType::Failed) {
        return Err(format!("{}: both Complete and Failed", name()));
    }
    if finished && (status.active != 0 || !active.is_empty()) {
        return Err(format!(
            "{}: finished with status.active {} and {} active pods",
            name(),
            status.active,
            active.len()
        ));
    }

    // Active pods within parallelism.
    let work_queue_done = spec.completions.is_none() && status.succeeded > 0;
    if managed && !deleting && !work_queue_done {
        let limit = if spec.is_suspended() {
            0
        } else {
            spec.parallelism().max(0) as usize
        };
        if active.len() > limit {
            return Err(format!(
                "{}: {} active pods > {} ({})",
                name(),
                active.len(),
                limit,
                if spec.is_suspended() {
                    "suspended"
                } else {
                    "parallelism"
                }
            ));
        }
    }

    if let Some(comp) = completions {
        if status.succeeded > comp.max(0) {
            return Err(format!(
                "{}: succeeded {} > completions {comp}",
                name(),
                status.succeeded
            ));
        }
    }

    if spec.is_indexed() {
        let comp = completions.unwrap_or(0).max(0) as u32;
        let completed = status
            .completed_indexes
            .as_deref()
            .map(crate::api::indexes::IndexSet::parse);
        let completed = match completed {
            Some(None) => {
                return Err(format!(
                    "{}: completedIndexes {:?} is not an index list",
                    name(),
                    status.completed_indexes
                ))
            }
            Some(Some(s)) => s,
            None => crate::api::indexes::IndexSet::new(),
        };
        if completed.len() != status.succeeded.max(0) as u64 {
            return Err(format!(
                "{}: completedIndexes {:?} holds {} indexes, succeeded is {}",
                name(),
                status.completed_indexes,
                completed.len(),
                status.succeeded
            ));
        }
        if completed.iter().any(|i| i >= comp) {
            return Err(format!(
                "{}: completedIndexes {:?} has an index ≥ completions {comp}",
                name(),
                status.completed_indexes
            ));
        }
        if let Some(failed) = status
            .failed_indexes
            .as_deref()
            .and_then(crate::api::indexes::IndexSet::parse)
        {
            if let Some(i) = failed.iter().find(|i| completed.contains(*i)) {
                return Err(format!("{}: index {i} both completed and failed", name()));
            }
        }
        if managed && !deleting {
            let remaining = (comp as u64).saturating_sub(completed.len()) as usize;
            if active.len() > remaining.max(spec.parallelism().max(0) as usize) {
                return Err(format!(
                    "{}: {} active pods > remaining completions {remaining}",
                    name(),
                    active.len()
                ));
            }
        }
        let mut seen = HashSet::new();
        for p in &active {
            if let Some(i) = p.index {
                if !seen.insert(i.0) {
                    return Err(format!("{}: two active pods for index {}", name(), i.0));
                }
            }
        }
    }

    // Counters never exceed the finished pods they count.
    let succeeded_pods = pods
        .iter()
        .filter(|p| p.pod.status.phase == PodPhase::Succeeded)
        .count();
    let failed_pods = pods
        .iter()
        .filter(|p| p.is_terminal() && p.pod.status.phase != PodPhase::Succeeded || p.is_deleting())
        .count();
    if status.succeeded.max(0) as usize > succeeded_pods {
        return Err(format!(
            "{}: status.succeeded {} > {} succeeded pods",
            name(),
            status.succeeded,
            succeeded_pods
        ));
    }
    if status.failed.max(0) as usize > failed_pods {
        return Err(format!(
            "{}: status.failed {} > {} failed or deleted pods",
            name(),
            status.failed,
            failed_pods
        ));
    }

    // Once caught up, the gauges equal the pods.
    if managed && !deleting && !finished && !c.job_ctrl.is_queued(id) {
        let want = [
            ("active", status.active, active.len()),
            ("ready", status.ready.unwrap_or(0), ready),
            ("terminating", status.terminating.unwrap_or(0), terminating),
        ];
        for (field, got, pods) in want {
            if got.max(0) as usize != pods {
                return Err(format!(
                    "{}: no sync queued, yet status.{field} is {got} with {pods} such pods",
                    name()
                ));
            }
        }
    }
    Ok(())
}
