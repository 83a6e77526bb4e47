//! Invariants checked after every instant in debug builds and tests: what must
//! hold in any run, whatever the Job and the Scenario. A broken invariant is a
//! bug in the simulator, never in the user's input.

use super::store::{JobId, PodId};
use super::Cluster;
use crate::api::{PodPhase, Time};
use std::collections::HashSet;

/// What the checker remembers between instants.
#[derive(Clone, Debug, Default)]
pub struct State {
    last_now: Time,
    pods_seen: usize,
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
    // No pod is created after its Job reached a terminal condition.
    for (i, r) in c.store.pods.iter().enumerate().skip(st.pods_seen) {
        if let Some(f) = c.store.job(r.job).finished_at {
            if r.created_at > f {
                return Err(format!(
                    "pod {} created at {} after its Job finished at {}",
                    PodId(i as u32).0,
                    r.created_at,
                    f
                ));
            }
        }
    }
    st.pods_seen = c.store.pods.len();
    for (j, rec) in c.store.jobs.iter().enumerate() {
        if rec.removed_at.is_some() {
            continue;
        }
        let id = JobId(j as u32);
        let spec = &rec.job.spec;
        let status = &rec.job.status;
        let active: Vec<&super::store::PodRecord> = rec
            .tracked
            .iter()
            .map(|p| c.store.pod(*p))
            .filter(|p| p.removed_at.is_none() && p.is_active())
            .collect();
        // A work-queue Job keeps the pods it has once one succeeded, even if parallelism drops.
        let work_queue_done = spec.completions.is_none() && status.succeeded > 0;
        if !spec.is_suspended() && rec.job.metadata.deletion_timestamp.is_none() && !work_queue_done
        {
            let par = spec.parallelism().max(0) as usize;
            if active.len() > par {
                return Err(format!(
                    "job {}: {} active pods > parallelism {par}",
                    id.0,
                    active.len()
                ));
            }
        }
        if let Some(comp) = spec.completions {
            if status.succeeded > comp && spec.is_indexed() {
                return Err(format!(
                    "job {}: succeeded {} > completions {comp}",
                    id.0, status.succeeded
                ));
            }
            let remaining = (comp - status.succeeded).max(0) as usize;
            if spec.is_indexed() && active.len() > remaining.max(spec.parallelism().max(0) as usize)
            {
                return Err(format!(
                    "job {}: {} active pods > remaining completions {remaining}",
                    id.0,
                    active.len()
                ));
            }
        }
        if spec.is_indexed() {
            let mut seen = HashSet::new();
            for p in &active {
                if let Some(i) = p.index {
                    if !seen.insert(i.0) {
                        return Err(format!("job {}: two active pods for index {}", id.0, i.0));
                    }
                }
            }
        }
        if status.finished().is_some() && status.active != 0 {
            return Err(format!(
                "job {}: finished with active {}",
                id.0, status.active
            ));
        }
        if status.has_true(&crate::api::JobConditionType::Complete)
            && status.has_true(&crate::api::JobConditionType::Failed)
        {
            return Err(format!("job {}: both Complete and Failed", id.0));
        }
        // Counters never exceed the pods they count.
        let (mut succeeded, mut failed) = (0, 0);
        for p in &rec.pods {
            let r = c.store.pod(*p);
            match r.pod.status.phase {
                PodPhase::Succeeded => succeeded += 1,
                _ if r.is_terminal() || r.is_deleting() => failed += 1,
                _ => {}
            }
        }
        if !spec.is_indexed() && status.succeeded > succeeded {
            return Err(format!(
                "job {}: status.succeeded {} > {} succeeded pods",
                id.0, status.succeeded, succeeded
            ));
        }
        if status.failed > failed + active.len() as i32 {
            return Err(format!(
                "job {}: status.failed {} > {} failed pods",
                id.0, status.failed, failed
            ));
        }
    }
    Ok(())
}
