//! The simulated API server's object store: Jobs, Pods, the CronJob and Events,
//! with the bookkeeping the API server and garbage collector do (generated names,
//! uids, deletion timestamps, finalizers, cascading deletion), and a watch outbox
//! through which controllers and the kubelet learn about every change.

use super::cause::Cause;
use super::ids::Rng;
use crate::api::defaults::JOB_TRACKING_FINALIZER;
use crate::api::{CompletionIndex, CronJob, Job, JobStatus, Pod, PodPhase, PodStatus, Time};
use serde::Serialize;

/// Index of a Job in the store (every Job ever created keeps its id).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct JobId(pub u32);

/// Index of a Pod in the store, in creation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PodId(pub u32);

/// A Job object and what the simulation knows about it.
#[derive(Clone, Debug)]
pub struct JobRecord {
    pub job: Job,
    /// When the object left the API (deleted and nothing holds it).
    pub removed_at: Option<Time>,
    /// The nth Job created by the CronJob.
    pub cron_ordinal: Option<u32>,
    /// Every pod this Job created, in creation order.
    pub pods: Vec<PodId>,
    /// Pods the Job controller still has to look at: not terminal, or still carrying
    /// the tracking finalizer. Pruned by the controller.
    pub tracked: Vec<PodId>,
    /// Pods created so far per completion index (Indexed) or in all (NonIndexed).
    pub ordinals: std::collections::HashMap<u32, u32>,
    /// When the Job got its Complete or Failed condition.
    pub finished_at: Option<Time>,
    /// Deletion propagation chosen when the Job was deleted.
    pub propagation: Option<Propagation>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Propagation {
    Background,
    Foreground,
    Orphan,
}

/// A Pod object and the simulation's own notes about it.
#[derive(Clone, Debug)]
pub struct PodRecord {
    /// Boxed: the records vector then holds small entries, without slack the size of pods.
    pub pod: Box<Pod>,
    pub job: JobId,
    pub index: Option<CompletionIndex>,
    /// 0-based ordinal among the pods of its index (Indexed) or of its Job.
    pub ordinal: u32,
    pub created_at: Time,
    /// When the pod became Running.
    pub started_at: Option<Time>,
    /// When the pod reached a terminal phase.
    pub finished_at: Option<Time>,
    /// When the object left the API.
    pub removed_at: Option<Time>,
    /// When deletion was requested (the deletionTimestamp minus the grace period).
    pub deletion_requested_at: Option<Time>,
    /// Why the Job controller created it.
    pub cause: Option<Cause>,
    /// When one of its containers failed and the kubelet restarted it in place
    /// (restartPolicy OnFailure), oldest first: the timeline marks them.
    pub restarted_at: Vec<Time>,
}

impl PodRecord {
    pub fn name(&self) -> &str {
        self.pod.metadata.name()
    }
    pub fn phase(&self) -> &PodPhase {
        &self.pod.status.phase
    }
    pub fn is_terminal(&self) -> bool {
        self.pod.status.phase.is_terminal()
    }
    pub fn is_deleting(&self) -> bool {
        self.pod.metadata.deletion_timestamp.is_some()
    }
    /// Not terminal and not being deleted.
    pub fn is_active(&self) -> bool {
        !self.is_terminal() && !self.is_deleting()
    }
    pub fn is_terminating(&self) -> bool {
        !self.is_terminal() && self.is_deleting()
    }
    pub fn has_tracking_finalizer(&self) -> bool {
        self.pod.metadata.has_finalizer(JOB_TRACKING_FINALIZER)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum EventType {
    Normal,
    Warning,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Normal => "Normal",
            EventType::Warning => "Warning",
        }
    }
}

/// An Event recorded by a controller about an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub time: Time,
    /// `Job/pi`, `CronJob/hello`.
    pub object: String,
    pub type_: EventType,
    pub reason: String,
    pub message: String,
    /// The component that recorded it (`job-controller`, `cronjob-controller`).
    pub source: &'static str,
    /// Why the controller did it.
    pub cause: Option<Cause>,
    pub job: Option<JobId>,
}

/// A decision a controller took without an event (waiting for backoff, an eviction ...).
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub time: Time,
    pub job: JobId,
    pub cause: Cause,
}

/// A change the API server tells its watchers about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Watch {
    PodAdded(PodId),
    PodUpdated(PodId),
    /// A deletionTimestamp was set.
    PodDeleting(PodId),
    PodRemoved(PodId),
    JobAdded(JobId),
    /// The spec changed (generation bumped).
    JobSpecUpdated(JobId),
    JobStatusUpdated(JobId),
    JobDeleting(JobId),
    JobRemoved(JobId),
}

/// Records with ids handed out in increasing order. Any of them can be dropped
/// (see [`Store::forget_before`]); the others keep their ids. While none was dropped
/// below the newest, a record is found by its offset; after that, by binary search.
#[derive(Clone, Debug)]
pub struct Records<T> {
    items: Vec<(u32, T)>,
    next: u32,
}

impl<T> Default for Records<T> {
    fn default() -> Self {
        Records {
            items: Vec::new(),
            next: 0,
        }
    }
}

impl<T> Records<T> {
    fn push(&mut self, t: T) -> u32 {
        let id = self.next;
        self.next += 1;
        self.items.push((id, t));
        id
    }
    fn slot(&self, id: u32) -> Option<usize> {
        let first = self.items.first()?.0;
        let off = id.checked_sub(first)? as usize;
        if self.items.len() == (self.next - first) as usize {
            (off < self.items.len()).then_some(off)
        } else {
            self.items.binary_search_by_key(&id, |(i, _)| *i).ok()
        }
    }
    fn get(&self, id: u32) -> Option<&T> {
        self.slot(id).map(|i| &self.items[i].1)
    }
    fn get_mut(&mut self, id: u32) -> Option<&mut T> {
        self.slot(id).map(|i| &mut self.items[i].1)
    }
    /// How many were ever created.
    pub fn created(&self) -> usize {
        self.next as usize
    }
    /// How many are kept.
    pub fn len(&self) -> usize {
        self.items.len()
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
    fn iter(&self) -> impl DoubleEndedIterator<Item = (u32, &T)> + '_ {
        self.items.iter().map(|(i, t)| (*i, t))
    }
    /// The kept records with an id of at least `from`.
    fn iter_from(&self, from: u32) -> impl Iterator<Item = (u32, &T)> + '_ {
        let start = self.items.partition_point(|(i, _)| *i < from);
        self.items[start..].iter().map(|(i, t)| (*i, t))
    }
    fn retain(&mut self, mut keep: impl FnMut(u32, &T) -> bool) {
        self.items.retain(|(i, t)| keep(*i, t));
    }
}

/// How much of a run's history the store keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// Everything, as the CLI's JSON output promises: every pod and Job ever created
    /// and every event.
    Full,
    /// About what a real cluster keeps, for the page's long runs: events and the
    /// controllers' notes expire after `events_ms` (kube-apiserver's `--event-ttl`,
    /// 1 h by default), and Jobs that left the API are forgotten with their pods
    /// `gone_ms` after they left (a real API server forgets them at once; the page
    /// keeps the latest for a while to show them).
    Recent { events_ms: u64, gone_ms: u64 },
}

/// One hour: kube-apiserver's default `--event-ttl`.
pub const EVENT_TTL_MS: u64 = 3_600_000;

/// The object store.
#[derive(Clone, Debug)]
pub struct Store {
    jobs: Records<JobRecord>,
    pods: Records<PodRecord>,
    pub cronjob: Option<CronJob>,
    events: Vec<Event>,
    /// Events recorded before the first kept one (forgotten under [`History::Recent`]).
    events_forgotten: usize,
    notes: Vec<Note>,
    last_note: std::collections::HashMap<JobId, Cause>,
    pub outbox: Vec<Watch>,
    pub rng: Rng,
    pub seed: u64,
    /// Bumped by every write to an object or the event list (as the API server's
    /// resourceVersion): an instant that leaves it unchanged changed nothing visible.
    pub revision: u64,
}

impl Store {
    pub fn new(seed: u64) -> Store {
        Store {
            jobs: Records::default(),
            pods: Records::default(),
            cronjob: None,
            events: Vec::new(),
            events_forgotten: 0,
            notes: Vec::new(),
            last_note: Default::default(),
            outbox: Vec::new(),
            rng: Rng::new(seed),
            seed,
            revision: 0,
        }
    }

    /// A Job the store keeps. Every id the simulation holds (in its timers, the
    /// controllers, another record) is kept: only history nothing refers to is
    /// forgotten, so a missing id is a bug.
    pub fn job(&self, id: JobId) -> &JobRecord {
        match self.jobs.get(id.0) {
            Some(r) => r,
            None => panic!("job {} is not in the store", id.0),
        }
    }
    pub fn job_mut(&mut self, id: JobId) -> &mut JobRecord {
        match self.jobs.get_mut(id.0) {
            Some(r) => r,
            None => panic!("job {} is not in the store", id.0),
        }
    }
    /// A Job, if the store still keeps it.
    pub fn get_job(&self, id: JobId) -> Option<&JobRecord> {
        self.jobs.get(id.0)
    }
    /// The ids of the Jobs kept, oldest first.
    pub fn job_ids(&self) -> impl DoubleEndedIterator<Item = JobId> + '_ {
        self.jobs.iter().map(|(i, _)| JobId(i))
    }
    /// The Jobs kept, oldest first.
    pub fn jobs(&self) -> impl DoubleEndedIterator<Item = (JobId, &JobRecord)> + '_ {
        self.jobs.iter().map(|(i, r)| (JobId(i), r))
    }
    /// Jobs ever created (the CronJob's count them).
    pub fn jobs_created(&self) -> usize {
        self.jobs.created()
    }
    /// The newest Job, if kept.
    pub fn newest_job(&self) -> Option<JobId> {
        self.jobs.iter().next_back().map(|(i, _)| JobId(i))
    }

    pub fn pod(&self, id: PodId) -> &PodRecord {
        match self.pods.get(id.0) {
            Some(r) => r,
            None => panic!("pod {} is not in the store", id.0),
        }
    }
    pub fn pod_mut(&mut self, id: PodId) -> &mut PodRecord {
        match self.pods.get_mut(id.0) {
            Some(r) => r,
            None => panic!("pod {} is not in the store", id.0),
        }
    }
    /// A pod, if the store still keeps it.
    pub fn get_pod(&self, id: PodId) -> Option<&PodRecord> {
        self.pods.get(id.0)
    }
    /// The pods kept, in creation order.
    pub fn pods(&self) -> impl DoubleEndedIterator<Item = (PodId, &PodRecord)> + '_ {
        self.pods.iter().map(|(i, r)| (PodId(i), r))
    }
    /// The pods kept that were created as the `from`th pod of the run or later.
    pub fn pods_from(&self, from: usize) -> impl Iterator<Item = (PodId, &PodRecord)> + '_ {
        let from = u32::try_from(from).unwrap_or(u32::MAX);
        self.pods.iter_from(from).map(|(i, r)| (PodId(i), r))
    }
    /// Pods ever created in the run.
    pub fn pods_created(&self) -> usize {
        self.pods.created()
    }
    /// Pods the store keeps.
    pub fn pods_kept(&self) -> usize {
        self.pods.len()
    }

    /// The events kept, oldest first; the first has the id [`Store::first_event_id`].
    pub fn events(&self) -> &[Event] {
        &self.events
    }
    /// The id (position in the whole run) of the first event kept.
    pub fn first_event_id(&self) -> usize {
        self.events_forgotten
    }
    /// An event by its id (its position in the whole run), if kept.
    pub fn event(&self, id: usize) -> Option<&Event> {
        self.events.get(id.checked_sub(self.events_forgotten)?)
    }
    /// Events ever recorded in the run.
    pub fn events_recorded(&self) -> usize {
        self.events_forgotten + self.events.len()
    }
    /// The controllers' decisions kept, oldest first.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// Forget old history ([`History::Recent`]): events and notes from before
    /// `events_cutoff`, and the Jobs (with their pods) that left the API before
    /// `gone_cutoff`, unless something still refers to them: `pinned` Jobs, and the
    /// pods and Jobs in `pinned_pods` and `pinned_jobs` (the timers'). The newest Job
    /// is always kept. (Events and notes name their Job by id but are never used to
    /// look it up.) Returns whether any Job was forgotten.
    pub fn forget_before(
        &mut self,
        events_cutoff: Time,
        gone_cutoff: Time,
        pinned: &[JobId],
        pinned_jobs: &std::collections::HashSet<JobId>,
        pinned_pods: &std::collections::HashSet<PodId>,
    ) -> bool {
        let old_events = self.events.partition_point(|e| e.time < events_cutoff);
        self.events.drain(..old_events);
        self.events_forgotten += old_events;
        let old_notes = self.notes.partition_point(|n| n.time < events_cutoff);
        self.notes.drain(..old_notes);
        let newest = self.newest_job();
        let gone = |t: Option<Time>| t.is_some_and(|t| t < gone_cutoff);
        let forget: Vec<JobId> = self
            .jobs()
            .filter(|(id, r)| {
                gone(r.removed_at)
                    && Some(*id) != newest
                    && !pinned.contains(id)
                    && !pinned_jobs.contains(id)
                    && r.pods.iter().all(|p| {
                        !pinned_pods.contains(p)
                            && self.get_pod(*p).is_none_or(|r| gone(r.removed_at))
                    })
            })
            .map(|(id, _)| id)
            .collect();
        if forget.is_empty() {
            return false;
        }
        let pods: std::collections::HashSet<u32> = forget
            .iter()
            .flat_map(|j| self.job(*j).pods.iter().map(|p| p.0))
            .collect();
        let jobs: std::collections::HashSet<u32> = forget.iter().map(|j| j.0).collect();
        self.pods.retain(|i, _| !pods.contains(&i));
        self.jobs.retain(|i, _| !jobs.contains(&i));
        for j in &forget {
            self.last_note.remove(j);
        }
        true
    }

    /// Store a Job that was already defaulted and validated.
    pub fn create_job(&mut self, mut job: Job, now: Time, cron_ordinal: Option<u32>) -> JobId {
        job.metadata.creation_timestamp = Some(now);
        self.revision += 1;
        let id = JobId(self.jobs.push(JobRecord {
            job,
            removed_at: None,
            cron_ordinal,
            pods: Vec::new(),
            tracked: Vec::new(),
            ordinals: Default::default(),
            finished_at: None,
            propagation: None,
        }));
        self.outbox.push(Watch::JobAdded(id));
        id
    }

    /// A Job that is in the API (not removed).
    pub fn live_job(&self, id: JobId) -> Option<&JobRecord> {
        let r = self.jobs.get(id.0)?;
        r.removed_at.is_none().then_some(r)
    }

    /// Create a pod with `generateName`: the API server appends 5 characters.
    pub fn create_pod(
        &mut self,
        mut pod: Pod,
        job: JobId,
        index: Option<CompletionIndex>,
        now: Time,
        cause: Option<Cause>,
    ) -> PodId {
        let base = pod.metadata.generate_name.clone().unwrap_or_default();
        let base = truncate_generate_name(&base);
        let name = format!("{base}{}", self.rng.name_suffix());
        pod.metadata.name = Some(name);
        pod.metadata.uid = Some(self.rng.uid());
        pod.metadata.creation_timestamp = Some(now);
        self.revision += 1;
        let id = PodId(self.pods.created() as u32);
        let rec = self.job_mut(job);
        let key = index.map(|i| i.0).unwrap_or(u32::MAX);
        let ordinal = {
            let e = rec.ordinals.entry(key).or_insert(0);
            *e += 1;
            *e - 1
        };
        rec.pods.push(id);
        rec.tracked.push(id);
        self.pods.push(PodRecord {
            pod: Box::new(pod),
            job,
            index,
            ordinal,
            created_at: now,
            started_at: None,
            finished_at: None,
            removed_at: None,
            deletion_requested_at: None,
            cause,
            restarted_at: Vec::new(),
        });
        self.outbox.push(Watch::PodAdded(id));
        id
    }

    /// Change a pod's status (as the kubelet does); records when it turned terminal.
    pub fn update_pod_status(&mut self, id: PodId, now: Time, f: impl FnOnce(&mut PodStatus)) {
        self.revision += 1;
        let rec = self.pod_mut(id);
        if rec.removed_at.is_some() {
            return;
        }
        let was_terminal = rec.is_terminal();
        let was_running = rec.pod.status.phase == PodPhase::Running;
        f(&mut rec.pod.status);
        if !was_running && rec.pod.status.phase == PodPhase::Running && rec.started_at.is_none() {
            rec.started_at = Some(now);
        }
        if !was_terminal && rec.is_terminal() {
            rec.finished_at = Some(now);
        }
        self.outbox.push(Watch::PodUpdated(id));
        self.maybe_remove_pod(id, now);
    }

    /// Graceful deletion: set the deletionTimestamp (now + grace period).
    pub fn delete_pod(&mut self, id: PodId, now: Time) {
        let rec = self.pod_mut(id);
        if rec.removed_at.is_some() || rec.is_deleting() {
            return;
        }
        let grace = rec.pod.spec.grace_period_seconds().max(0) as u64;
        rec.pod.metadata.deletion_timestamp = Some(now.plus_ms(grace * 1000));
        rec.pod.metadata.deletion_grace_period_seconds = Some(grace as i64);
        rec.deletion_requested_at = Some(now);
        self.revision += 1;
        self.outbox.push(Watch::PodDeleting(id));
        self.maybe_remove_pod(id, now);
    }

    pub fn add_pod_finalizer(&mut self, id: PodId, f: &str) {
        let m = &mut self.pod_mut(id).pod.metadata;
        if !m.has_finalizer(f) {
            m.finalizers
                .get_or_insert_with(Vec::new)
                .push(f.to_string());
            self.revision += 1;
        }
    }

    /// Remove the Job tracking finalizer (a pod update).
    pub fn remove_tracking_finalizer(&mut self, id: PodId, now: Time) {
        let rec = self.pod_mut(id);
        if rec.removed_at.is_some() {
            return;
        }
        if rec.pod.metadata.remove_finalizer(JOB_TRACKING_FINALIZER) {
            self.revision += 1;
            self.outbox.push(Watch::PodUpdated(id));
            self.maybe_remove_pod(id, now);
        }
    }

    /// A deleted pod leaves the API once it is terminal and nothing holds it.
    fn maybe_remove_pod(&mut self, id: PodId, now: Time) {
        let rec = self.pod_mut(id);
        if rec.removed_at.is_none()
            && rec.is_deleting()
            && rec.is_terminal()
            && rec
                .pod
                .metadata
                .finalizers
                .as_ref()
                .is_none_or(|f| f.is_empty())
        {
            rec.removed_at = Some(now);
            // Gone from the API: keep what the run's history shows (metadata, status,
            // hostname), drop the spec so that long runs stay small.
            let spec = &mut rec.pod.spec;
            let (hostname, subdomain) = (spec.hostname.take(), spec.subdomain.take());
            *spec = crate::api::PodSpec {
                hostname,
                subdomain,
                ..Default::default()
            };
            self.outbox.push(Watch::PodRemoved(id));
            let job = self.pod(id).job;
            self.maybe_remove_job(job, now);
        }
    }

    pub fn set_job_status(&mut self, id: JobId, status: JobStatus) {
        let rec = self.job_mut(id);
        if rec.job.status != status {
            rec.job.status = status;
            self.revision += 1;
            self.outbox.push(Watch::JobStatusUpdated(id));
        }
    }

    /// Replace a Job's spec and metadata after a validated update.
    pub fn update_job(&mut self, id: JobId, job: Job) {
        let rec = self.job_mut(id);
        let spec_changed = rec.job.spec != job.spec;
        let status = rec.job.status.clone();
        rec.job = job;
        rec.job.status = status;
        self.revision += 1;
        if spec_changed {
            self.outbox.push(Watch::JobSpecUpdated(id));
        } else {
            self.outbox.push(Watch::JobStatusUpdated(id));
        }
    }

    /// Delete a Job with the given propagation policy; the garbage collector's part
    /// (deleting dependents) is done here as well.
    pub fn delete_job(&mut self, id: JobId, now: Time, policy: Propagation) {
        let rec = self.job_mut(id);
        if rec.removed_at.is_some() || rec.job.metadata.deletion_timestamp.is_some() {
            return;
        }
        rec.job.metadata.deletion_timestamp = Some(now);
        rec.propagation = Some(policy);
        if policy == Propagation::Foreground {
            rec.job
                .metadata
                .finalizers
                .get_or_insert_with(Vec::new)
                .push("foregroundDeletion".into());
        }
        self.revision += 1;
        self.outbox.push(Watch::JobDeleting(id));
        let pods = self.job(id).pods.clone();
        match policy {
            Propagation::Orphan => {
                for p in pods {
                    self.pod_mut(p).pod.metadata.owner_references = None;
                }
                self.remove_job_object(id, now);
            }
            Propagation::Background => {
                self.remove_job_object(id, now);
                for p in pods {
                    self.delete_pod(p, now);
                }
            }
            Propagation::Foreground => {
                for p in pods {
                    self.delete_pod(p, now);
                }
                self.maybe_remove_job(id, now);
            }
        }
    }

    fn remove_job_object(&mut self, id: JobId, now: Time) {
        let rec = self.job_mut(id);
        if rec.removed_at.is_none() {
            rec.removed_at = Some(now);
            // Gone from the API: the pod template is no longer needed.
            if let Some(t) = rec.job.spec.template.as_mut() {
                t.spec = None;
            }
            rec.tracked = Vec::new();
            rec.ordinals = Default::default();
            self.outbox.push(Watch::JobRemoved(id));
        }
    }

    /// A Job in foreground deletion leaves once its pods are gone.
    fn maybe_remove_job(&mut self, id: JobId, now: Time) {
        let rec = self.job(id);
        if rec.removed_at.is_some() || rec.propagation != Some(Propagation::Foreground) {
            return;
        }
        if rec.pods.iter().all(|p| self.pod(*p).removed_at.is_some()) {
            let m = &mut self.job_mut(id).job.metadata;
            m.finalizers = None;
            self.remove_job_object(id, now);
        }
    }

    /// Record a decision, unless it repeats the last one for this Job.
    pub fn note(&mut self, now: Time, job: JobId, cause: Cause) {
        if self.last_note.get(&job) == Some(&cause) {
            return;
        }
        self.last_note.insert(job, cause.clone());
        self.revision += 1;
        self.notes.push(Note {
            time: now,
            job,
            cause,
        });
    }

    #[allow(clippy::too_many_arguments)]
    pub fn record_event(
        &mut self,
        now: Time,
        object: String,
        type_: EventType,
        reason: &str,
        message: String,
        source: &'static str,
        cause: Option<Cause>,
        job: Option<JobId>,
    ) {
        self.revision += 1;
        self.events.push(Event {
            time: now,
            object,
            type_,
            reason: reason.to_string(),
            message,
            source,
            cause,
            job,
        });
    }

    /// Pods of a Job that are not yet removed from the API.
    pub fn live_pods_of(&self, job: JobId) -> impl Iterator<Item = &PodRecord> {
        self.job(job)
            .pods
            .iter()
            .map(|p| self.pod(*p))
            .filter(|p| p.removed_at.is_none())
    }

    /// Whether the pod is terminal; for convenience in controllers.
    pub fn is_pod_terminal(&self, id: PodId) -> bool {
        matches!(
            self.pod(id).pod.status.phase,
            PodPhase::Succeeded | PodPhase::Failed
        )
    }
}

/// `generateName` bases longer than 58 characters are cut so names stay within 63.
/// For Indexed names (`<job>-<index>-`) the job part is cut and `-<index>-` kept.
fn truncate_generate_name(base: &str) -> String {
    const MAX: usize = 58;
    if base.len() <= MAX {
        return base.to_string();
    }
    // Keep an `-<digits>-` tail if there is one.
    let trimmed = base.trim_end_matches('-');
    if let Some(pos) = trimmed.rfind('-') {
        let tail = &base[pos..];
        if tail.len() > 2
            && tail[1..tail.len() - 1].bytes().all(|b| b.is_ascii_digit())
            && tail.len() < MAX
        {
            let keep = MAX - tail.len();
            return format!("{}{}", &base[..keep.min(pos)], tail);
        }
    }
    base[..MAX].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generate_name_is_truncated_as_upstream() {
        let long = format!("{}-", "a".repeat(70));
        assert_eq!(truncate_generate_name(&long).len(), 58);
        let indexed = format!("{}-12-", "b".repeat(70));
        let t = truncate_generate_name(&indexed);
        assert_eq!(t.len(), 58);
        assert!(t.ends_with("-12-"));
        assert_eq!(truncate_generate_name("pi-"), "pi-");
    }
}
