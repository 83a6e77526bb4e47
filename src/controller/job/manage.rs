//! `manageJob`: how many pods to create or delete, which indexes to create,
//! which pods to delete first, pod-failure backoff before replacements, and the
//! pods themselves (generated names, labels, annotations, hostname, env,
//! tracking finalizer, owner reference).

use super::{backoff, policy, JobController, Snap, SyncCtx, MAX_CREATE_DELETE_PER_SYNC};
use crate::api::defaults::{
    JOB_COMPLETION_INDEX, JOB_INDEX_FAILURE_COUNT, JOB_INDEX_IGNORED_FAILURE_COUNT,
    JOB_TRACKING_FINALIZER,
};
use crate::api::{CompletionIndex, EnvVar, ObjectMeta, OwnerReference, Pod, PodPhase, PodStatus};
use crate::cluster::cause::Cause;
use crate::cluster::store::{EventType, PodId, Store};
use crate::cluster::Ctx;
use std::cmp::Ordering;

/// `controller.ActivePods` order: the least valuable pod first.
fn least_valuable_first(store: &Store, a: &Snap, b: &Snap) -> Ordering {
    let pa = &store.pod(a.id);
    let pb = &store.pod(b.id);
    let rank = |p: &PodPhase| match p {
        PodPhase::Pending => 0,
        PodPhase::NodeLost => 1,
        PodPhase::Running => 2,
        _ => 3,
    };
    rank(&a.phase)
        .cmp(&rank(&b.phase))
        .then_with(|| a.ready.cmp(&b.ready))
        .then_with(|| {
            // Ready for a shorter time first.
            let ra = pa
                .pod
                .status
                .condition("Ready")
                .map(|c| c.last_transition_time);
            let rb = pb
                .pod
                .status
                .condition("Ready")
                .map(|c| c.last_transition_time);
            if a.ready && b.ready {
                rb.cmp(&ra)
            } else {
                Ordering::Equal
            }
        })
        .then_with(|| b.restarts.cmp(&a.restarts))
        .then_with(|| pb.created_at.cmp(&pa.created_at))
        .then_with(|| b.id.cmp(&a.id))
}

/// `activePodsForRemoval`: Indexed Jobs first drop pods with a bad or repeated index.
fn active_pods_for_removal(store: &Store, sc: &SyncCtx, rm_at_least: usize) -> Vec<PodId> {
    let mut active: Vec<&Snap> = sc.snaps.iter().filter(|s| s.active()).collect();
    let mut rm: Vec<PodId> = Vec::new();
    let mut left: Vec<&Snap> = Vec::new();
    if sc.job.spec.is_indexed() {
        let completions = sc.job.spec.completions.unwrap_or(0).max(0) as u32;
        crate::sort::sort_by_key(&mut active, |s| s.index.unwrap_or(u32::MAX));
        let mut i = 0;
        while i < active.len() {
            let ix = active[i].index;
            let mut j = i;
            while j < active.len() && active[j].index == ix {
                j += 1;
            }
            let mut group: Vec<&Snap> = active[i..j].to_vec();
            match ix {
                Some(x) if x < completions => {
                    crate::sort::sort_by(&mut group, |a, b| least_valuable_first(store, a, b));
                    let keep = group.pop().expect("group is not empty");
                    rm.extend(group.iter().map(|s| s.id));
                    left.push(keep);
                }
                _ => rm.extend(group.iter().map(|s| s.id)),
            }
            i = j;
        }
    } else {
        left = active;
    }
    if rm.len() < rm_at_least {
        crate::sort::sort_by(&mut left, |a, b| least_valuable_first(store, a, b));
        let more = rm_at_least - rm.len();
        rm.extend(left.iter().take(more).map(|s| s.id));
    }
    rm
}

/// `firstPendingIndexes`: the lowest indexes with no active pod that are not done.
fn first_pending_indexes(sc: &SyncCtx, count: usize, completions: u32) -> Vec<u32> {
    let mut non_pending = sc.succeeded_indexes.clone();
    for s in sc.snaps.iter().filter(|s| s.active()) {
        if let Some(i) = s.index {
            non_pending.insert(i);
        }
    }
    if sc.job.spec.only_replace_failed() {
        for s in sc.snaps.iter().filter(|s| s.terminating()) {
            if let Some(i) = s.index {
                non_pending.insert(i);
            }
        }
    }
    if let Some(f) = &sc.failed_indexes {
        for &(a, b) in f.ranges() {
            non_pending.insert_range(a, b);
        }
    }
    let mut out = Vec::with_capacity(count);
    let mut candidate = 0u32;
    while out.len() < count && candidate < completions {
        candidate = non_pending.first_missing_from(candidate);
        if candidate >= completions {
            break;
        }
        out.push(candidate);
        candidate += 1;
    }
    out
}

impl JobController {
    /// Create or delete pods; returns the new active count and how many ready pods were deleted.
    pub(crate) fn manage(&mut self, ctx: &mut Ctx<'_>, sc: &mut SyncCtx) -> (i32, i32) {
        let now = ctx.now;
        let id = sc.id;
        let mut active = sc.snaps.iter().filter(|s| s.active()).count() as i32;
        let parallelism = sc.job.spec.parallelism();
        let ready_of = |ids: &[PodId], sc: &SyncCtx| {
            sc.snaps
                .iter()
                .filter(|s| ids.contains(&s.id) && s.ready)
                .count() as i32
        };

        if sc.job.spec.is_suspended() {
            let to_delete = active_pods_for_removal(ctx.store, sc, active as usize);
            let deleted_ready = ready_of(&to_delete, sc);
            for p in &to_delete {
                self.delete_pod(ctx, id, *p, Cause::DeleteSuspended, true);
            }
            active -= to_delete.len() as i32;
            sc.terminating += to_delete.len() as i32;
            return (active, deleted_ready);
        }

        let want = match sc.job.spec.completions {
            None => {
                if sc.succeeded > 0 {
                    active
                } else {
                    parallelism
                }
            }
            Some(c) => (c - sc.succeeded).min(parallelism).max(0),
        };
        let rm_at_least = (active - want).max(0) as usize;
        let mut to_delete = active_pods_for_removal(ctx.store, sc, rm_at_least);
        to_delete.truncate(MAX_CREATE_DELETE_PER_SYNC);
        if !to_delete.is_empty() {
            let deleted_ready = ready_of(&to_delete, sc);
            for p in &to_delete {
                self.delete_pod(ctx, id, *p, Cause::DeleteSurplus { active, want }, true);
            }
            active -= to_delete.len() as i32;
            sc.terminating += to_delete.len() as i32;
            return (active, deleted_ready);
        }

        let terminating_budget = if sc.job.spec.only_replace_failed() {
            sc.terminating
        } else {
            0
        };
        let mut diff = want - terminating_budget - active;
        if diff <= 0 {
            return (active, 0);
        }
        let blpi = sc.job.spec.backoff_limit_per_index.is_some();
        if !blpi {
            let remaining = sc.record.remaining(now);
            if remaining > 0 {
                self.enqueue(
                    ctx.timers,
                    id,
                    now.plus_ms(remaining.max(super::SYNC_BATCH_MS)),
                );
                let failures = sc.record.failures_after_last_success;
                let last = sc.record.last_failure_time.unwrap_or(now);
                ctx.store.note(
                    now,
                    id,
                    Cause::BackoffWait {
                        failures,
                        delay_ms: backoff::delay_for(failures),
                        last_failure: last,
                        until: now.plus_ms(remaining),
                    },
                );
                return (active, 0);
            }
        }
        diff = diff.min(MAX_CREATE_DELETE_PER_SYNC as i32);
        let mut indexes: Vec<Option<u32>> = vec![None; diff as usize];
        if sc.job.spec.is_indexed() {
            let completions = sc.job.spec.completions.unwrap_or(0).max(0) as u32;
            let mut pending = first_pending_indexes(sc, diff as usize, completions);
            if blpi {
                let mut now_ok = Vec::new();
                let mut min_wait: Option<(u64, u32, i32)> = None;
                for ix in pending {
                    let (wait, failures) = match sc.delayed.get(&ix) {
                        Some(&p) => {
                            let f = abs_failures(ctx.store, p) + 1;
                            let r = ctx.store.pod(p);
                            let fin = backoff::finished_time(&r.pod, r.deletion_requested_at);
                            (backoff::remaining(now, f, Some(fin)), f)
                        }
                        None => (0, 0),
                    };
                    if wait == 0 {
                        now_ok.push(ix);
                    } else if min_wait.is_none_or(|(w, _, _)| wait < w) {
                        min_wait = Some((wait, ix, failures));
                    }
                }
                if now_ok.is_empty() {
                    if let Some((wait, ix, failures)) = min_wait {
                        self.enqueue(ctx.timers, id, now.plus_ms(wait.max(super::SYNC_BATCH_MS)));
                        ctx.store.note(
                            now,
                            id,
                            Cause::IndexBackoffWait {
                                index: ix,
                                failures,
                                delay_ms: backoff::delay_for(failures),
                                until: now.plus_ms(wait),
                            },
                        );
                    }
                    return (active, 0);
                }
                pending = now_ok;
            }
            indexes = pending.into_iter().map(Some).collect();
            diff = indexes.len() as i32;
        }
        let before = active;
        let proto = Self::pod_prototype(&sc.job);
        for ix in indexes {
            let cause = Cause::Create {
                active: before,
                want,
                parallelism,
                completions: sc.job.spec.completions,
                succeeded: sc.succeeded,
                index: ix,
            };
            self.create_pod(ctx, sc, ix, cause, &proto);
        }
        active += diff;
        (active, 0)
    }

    /// The spec every pod of this sync starts from: the template's, with
    /// `JOB_COMPLETION_INDEX` added to each container of an Indexed Job. Built once per
    /// sync, so that all the pods share one container list.
    fn pod_prototype(job: &crate::api::Job) -> crate::api::PodSpec {
        let mut spec = job.spec.template_spec().cloned().unwrap_or_default();
        if job.spec.is_indexed() {
            let env = EnvVar {
                name: "JOB_COMPLETION_INDEX".into(),
                value: None,
                value_from: Some(serde_json::json!({
                    "fieldRef": {"apiVersion": "v1", "fieldPath": format!("metadata.labels['{JOB_COMPLETION_INDEX}']")}
                })),
            };
            for c in spec.containers_mut() {
                let list = c.env.get_or_insert_with(Vec::new);
                if !list.iter().any(|e| e.name == "JOB_COMPLETION_INDEX") {
                    list.push(env.clone());
                }
            }
        }
        spec
    }

    fn create_pod(
        &mut self,
        ctx: &mut Ctx<'_>,
        sc: &SyncCtx,
        index: Option<u32>,
        cause: Cause,
        proto: &crate::api::PodSpec,
    ) -> PodId {
        let job = &sc.job;
        let name = job.name().to_string();
        let tmeta = job
            .spec
            .template
            .as_ref()
            .and_then(|t| t.metadata.clone())
            .unwrap_or_default();
        let mut spec = proto.clone();
        let mut meta = ObjectMeta {
            generate_name: Some(match index {
                Some(i) => format!("{name}-{i}-"),
                None => format!("{name}-"),
            }),
            namespace: Some(job.metadata.namespace().to_string()),
            labels: tmeta.labels.clone(),
            annotations: tmeta.annotations.clone(),
            finalizers: tmeta.finalizers.clone(),
            owner_references: Some(vec![OwnerReference {
                api_version: "batch/v1".into(),
                kind: "Job".into(),
                name: name.clone(),
                uid: job.metadata.uid.clone().unwrap_or_default(),
                controller: Some(true),
                block_owner_deletion: Some(true),
            }]),
            ..Default::default()
        };
        if let Some(i) = index {
            meta.set_annotation(JOB_COMPLETION_INDEX, i.to_string());
            meta.set_label(JOB_COMPLETION_INDEX, i.to_string());
            spec.hostname = Some(format!("{name}-{i}"));
            if job.spec.backoff_limit_per_index.is_some() {
                let (fc, ic) = match sc.delayed.get(&i) {
                    Some(&p) => {
                        let mut fc = ctx
                            .store
                            .pod(p)
                            .pod
                            .metadata
                            .annotation(JOB_INDEX_FAILURE_COUNT)
                            .and_then(|v| v.parse::<i32>().ok())
                            .unwrap_or(0);
                        let mut ic = ctx
                            .store
                            .pod(p)
                            .pod
                            .metadata
                            .annotation(JOB_INDEX_IGNORED_FAILURE_COUNT)
                            .and_then(|v| v.parse::<i32>().ok())
                            .unwrap_or(0);
                        if policy::match_pod_failure_policy(
                            job.spec.pod_failure_policy.as_ref(),
                            &ctx.store.pod(p).pod,
                        )
                        .count
                        {
                            fc += 1;
                        } else {
                            ic += 1;
                        }
                        (fc, ic)
                    }
                    None => (0, 0),
                };
                meta.set_annotation(JOB_INDEX_FAILURE_COUNT, fc.to_string());
                if ic > 0 {
                    meta.set_annotation(JOB_INDEX_IGNORED_FAILURE_COUNT, ic.to_string());
                }
            }
        }
        let finalizers = meta.finalizers.get_or_insert_with(Vec::new);
        if !finalizers.iter().any(|f| f == JOB_TRACKING_FINALIZER) {
            finalizers.push(JOB_TRACKING_FINALIZER.to_string());
        }
        let pod = Pod {
            api_version: "v1",
            kind: "Pod",
            metadata: meta,
            spec,
            status: PodStatus::default(),
        };
        let p = ctx.store.create_pod(
            pod,
            sc.id,
            index.map(CompletionIndex),
            ctx.now,
            Some(cause.clone()),
        );
        let pname = ctx.store.pod(p).name().to_string();
        self.event(
            ctx,
            sc.id,
            EventType::Normal,
            "SuccessfulCreate",
            format!("Created pod: {pname}"),
            Some(cause),
        );
        p
    }
}

fn abs_failures(store: &Store, p: PodId) -> i32 {
    let m = &store.pod(p).pod.metadata;
    let a: i32 = m
        .annotation(JOB_INDEX_FAILURE_COUNT)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let b: i32 = m
        .annotation(JOB_INDEX_IGNORED_FAILURE_COUNT)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    a + b
}
