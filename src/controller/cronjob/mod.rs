//! The CronJob controller (v2, `pkg/controller/cronjob`, Kubernetes 1.34/1.35).
//!
//! One sync is upstream's `sync`: `cleanupFinishedJobs` (history limits), then
//! `syncCronJob`: reconcile `status.active` with the owned Jobs (SawCompletedJob,
//! MissingJob, UnexpectedJob, lastSuccessfulTime), stop if the CronJob is being
//! deleted, has an unknown time zone or is suspended, parse the schedule (with
//! `TZ=<timeZone>` in front, as `formatSchedule` does), find the most recent unmet
//! schedule time on the virtual wall clock (`mostRecentScheduleTime`, with its
//! estimate of missed times and TooManyMissedTimes above 100), apply the starting
//! deadline and the concurrency policy, and create the Job
//! `<cronjob>-<scheduled unix minutes>` with the scheduled-timestamp annotation in
//! the CronJob's zone. The requeue time is `nextScheduleTimeDuration` (next
//! schedule time + 100 ms).
//!
//! The work queue is modelled as client-go's: one delayed entry per key (the
//! earliest `AddAfter` wins), immediate adds on Job events, exponential per-item
//! backoff (5 ms doubling, at most 1000 s) after a sync error, and
//! `updateCronJob`: a change of `schedule` or `timeZone` requeues at the next
//! schedule time of the new schedule, any other change syncs at once.
//!
//! Deliberate simplifications: the CronJob's own status writes do not trigger
//! another sync (upstream's informer would; that sync finds nothing to do), and
//! finished Jobs already being deleted are not counted against the history limits.

pub mod schedule;
pub mod zone;

use crate::api::defaults::CRONJOB_SCHEDULED_TIMESTAMP;
use crate::api::{
    ConcurrencyPolicy, CronJob, Job, JobConditionType, ObjectMeta, ObjectReference, OwnerReference,
    Time,
};
use crate::cluster::cause::Cause;
use crate::cluster::store::{EventType, JobId, Propagation, Store};
use crate::cluster::timers::Timer;
use crate::cluster::{wallclock, Ctx};
use schedule::{go_quote, Schedule};
use zone::Zone;

const SOURCE: &str = "cronjob-controller";
/// The controller requeues 100 ms after the next schedule time (`nextScheduleDelta`).
const NEXT_SCHEDULE_DELTA_MS: u64 = 100;
/// Go's zero `time.Time` (0001-01-01T00:00:00Z) in unix seconds: what robfig's
/// `Next` returns when it finds nothing.
const GO_ZERO_UNIX: i64 = -62_135_596_800;
/// Guard for the walk over recent schedule times (upstream has none).
const MAX_WALK: u32 = 1_000_000;

/// The CronJob controller's memory: its work queue entry and parse caches.
#[derive(Clone, Debug)]
pub struct CronJobController {
    epoch_unix: i64,
    /// The delayed entry (`AddAfter`): the earliest wins.
    waiting: Option<Time>,
    /// An immediate `Add` at this instant.
    queued: Option<Time>,
    /// The CronJob was updated at this instant (`updateCronJob` runs then).
    updated: Option<Time>,
    /// `schedule` and `timeZone` as the controller last saw them.
    seen: Option<(Option<String>, Option<String>)>,
    /// Consecutive failed syncs (rate-limited requeue).
    failures: u32,
    cache: Cache,
    /// The CronJob was deleted.
    pub deleted: bool,
    /// The CronJob left the API (background or orphan deletion): nothing syncs it any more.
    pub gone: bool,
}

#[derive(Clone, Debug, Default)]
struct Cache {
    schedule: Option<(String, Result<Schedule, String>)>,
    zone: Option<(String, Result<Option<Zone>, String>)>,
}

impl Cache {
    fn schedule(&mut self, spec: &str) -> Result<Schedule, String> {
        match &self.schedule {
            Some((s, r)) if s == spec => r.clone(),
            _ => {
                let r = Schedule::parse(spec);
                self.schedule = Some((spec.to_string(), r.clone()));
                r
            }
        }
    }
    /// `time.LoadLocation`; `Ok(None)` is `Local` (the controller's zone: UTC here).
    fn zone(&mut self, name: &str) -> Result<Option<Zone>, String> {
        match &self.zone {
            Some((n, r)) if n == name => r.clone(),
            _ => {
                let r = zone::load_location(name);
                self.zone = Some((name.to_string(), r.clone()));
                r
            }
        }
    }
}

/// How many start times were missed (`missedSchedulesType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Missed {
    None,
    Few,
    Many,
}

/// What `mostRecentScheduleTime` found.
#[derive(Clone, Debug, PartialEq)]
struct Recent {
    earliest_ms: i64,
    most_recent: Option<i64>,
    missed: Missed,
    /// The estimated number of missed start times.
    count: i64,
    error: Option<String>,
}

/// The outcome of a sync for the work queue.
enum Requeue {
    /// `AddAfter` this instant.
    At(Time),
    /// Done until something changes.
    Never,
    /// An error: rate-limited requeue.
    Error,
}

impl CronJobController {
    pub fn new(epoch_unix: i64) -> CronJobController {
        CronJobController {
            epoch_unix,
            waiting: None,
            queued: Some(Time::ZERO),
            updated: None,
            seen: None,
            failures: 0,
            cache: Cache::default(),
            deleted: false,
            gone: false,
        }
    }

    /// `queue.AddAfter`: keep the earliest pending time.
    fn add_after(&mut self, ctx: &mut Ctx<'_>, at: Time) {
        let at = at.max(ctx.now);
        if self.waiting.is_some_and(|w| w <= at && w >= ctx.now) {
            return;
        }
        self.waiting = Some(at);
        ctx.timers.push(at, Timer::CronSync);
    }

    /// `queue.Add`.
    fn add_now(&mut self, ctx: &mut Ctx<'_>) {
        if self.queued == Some(ctx.now) {
            return;
        }
        self.queued = Some(ctx.now);
        ctx.timers.push(ctx.now, Timer::CronSync);
    }

    /// The CronJob was updated (a scenario patch); the caller pushes a `CronSync`
    /// timer at `now`, where `updateCronJob` decides between syncing at once and
    /// waiting for the new schedule.
    pub fn requeue_now(&mut self, now: Time) {
        self.updated = Some(now);
    }

    /// A Job changed: if the CronJob owns it, sync now.
    pub fn on_job_changed(&mut self, ctx: &mut Ctx<'_>, id: JobId) {
        if !self.gone && ctx.store.job(id).cron_ordinal.is_some() {
            self.add_now(ctx);
        }
    }

    pub fn on_timer(&mut self, ctx: &mut Ctx<'_>) {
        if self.gone {
            return;
        }
        let now = ctx.now;
        if self.updated == Some(now) {
            self.updated = None;
            self.update_cronjob(ctx);
        }
        let mut run = false;
        if self.waiting == Some(now) {
            self.waiting = None;
            run = true;
        }
        if self.queued == Some(now) {
            self.queued = None;
            run = true;
        }
        if !run {
            return;
        }
        match self.sync(ctx) {
            Requeue::At(t) => {
                self.failures = 0;
                self.add_after(ctx, t);
            }
            Requeue::Never => {}
            Requeue::Error => {
                // workqueue.DefaultTypedControllerRateLimiter: 5 ms * 2^failures, at most 1000 s.
                let delay = 5u64
                    .saturating_mul(1u64 << self.failures.min(40))
                    .min(1_000_000);
                self.failures = self.failures.saturating_add(1);
                self.add_after(ctx, now.plus_ms(delay));
            }
        }
    }

    /// `updateCronJob`: a new schedule or time zone requeues at the next schedule
    /// time; any other change syncs now.
    fn update_cronjob(&mut self, ctx: &mut Ctx<'_>) {
        let Some(cj) = ctx.store.cronjob.clone() else {
            return;
        };
        let now_spec = (cj.spec.schedule.clone(), cj.spec.time_zone.clone());
        let changed = self.seen.as_ref().is_some_and(|s| *s != now_spec);
        self.seen = Some(now_spec);
        if !changed {
            self.add_now(ctx);
            return;
        }
        let spec = self.format_schedule(&cj);
        match self.cache.schedule(&spec) {
            Ok(sched) => {
                let t = self.next_schedule_time(&cj, ctx.now, &sched);
                if let Some(t) = t {
                    self.add_after(ctx, t);
                }
            }
            Err(_) => Self::event(
                ctx,
                EventType::Warning,
                "UnParseableCronJobSchedule",
                format!(
                    "unparseable schedule for cronjob: {}",
                    cj.spec.schedule.as_deref().unwrap_or("")
                ),
                None,
            ),
        }
    }

    fn unix(&self, t: Time) -> i64 {
        self.epoch_unix + (t.0 / 1000) as i64
    }

    fn unix_ms(&self, t: Time) -> i64 {
        self.epoch_unix * 1000 + t.0 as i64
    }

    fn time_of(&self, unix: i64) -> Time {
        Time(((unix - self.epoch_unix).max(0) as u64) * 1000)
    }

    fn time_of_ms(&self, unix_ms: i64) -> Time {
        Time((unix_ms - self.epoch_unix * 1000).max(0) as u64)
    }

    fn event(ctx: &mut Ctx<'_>, t: EventType, reason: &str, message: String, cause: Option<Cause>) {
        let name = ctx
            .store
            .cronjob
            .as_ref()
            .map(|c| c.name().to_string())
            .unwrap_or_default();
        ctx.store.record_event(
            ctx.now,
            format!("CronJob/{name}"),
            t,
            reason,
            message,
            SOURCE,
            cause,
            None,
        );
    }

    /// `formatSchedule`: `TZ=<timeZone> <schedule>` when a valid time zone is set.
    fn format_schedule(&mut self, cj: &CronJob) -> String {
        let schedule = cj.spec.schedule.clone().unwrap_or_default();
        if schedule.contains("TZ") {
            return schedule;
        }
        match cj.spec.time_zone.as_deref() {
            Some(tz) if self.cache.zone(tz).is_ok() => format!("TZ={tz} {schedule}"),
            _ => schedule,
        }
    }

    /// `sync`: history cleanup, then `syncCronJob`, then one status update.
    fn sync(&mut self, ctx: &mut Ctx<'_>) -> Requeue {
        let Some(cj) = ctx.store.cronjob.clone() else {
            return Requeue::Never;
        };
        self.seen = Some((cj.spec.schedule.clone(), cj.spec.time_zone.clone()));
        // Every Job whose controller is this CronJob, as the lister has them.
        let jobs: Vec<JobId> = ctx
            .store
            .jobs()
            .filter(|(_, r)| r.cron_ordinal.is_some() && r.removed_at.is_none())
            .map(|(j, _)| j)
            .collect();
        let mut copy = cj.clone();
        let cleaned = self.cleanup(ctx, &mut copy, &jobs);
        let (requeue, updated) = self.sync_cronjob(ctx, &mut copy, &jobs);
        if cleaned || updated {
            if let Some(c) = ctx.store.cronjob.as_mut() {
                c.status = copy.status;
            }
        }
        requeue
    }

    /// `syncCronJob`; returns the requeue and whether the status changed.
    fn sync_cronjob(
        &mut self,
        ctx: &mut Ctx<'_>,
        cj: &mut CronJob,
        jobs: &[JobId],
    ) -> (Requeue, bool) {
        let now = ctx.now;
        let now_ms = self.unix_ms(now);
        let mut update = false;
        let status = &mut cj.status;

        for &j in jobs {
            let job = &ctx.store.job(j).job;
            let uid = job.metadata.uid.clone().unwrap_or_default();
            let name = job.name().to_string();
            let found = status.active.iter().any(|r| r.uid == uid);
            let finished = job.status.finished().map(|c| c.type_.clone());
            let completion = job.status.completion_time;
            match finished {
                None if !found => Self::event(
                    ctx,
                    EventType::Warning,
                    "UnexpectedJob",
                    format!("Saw a job that the controller did not create or forgot: {name}"),
                    None,
                ),
                None => {}
                Some(kind) => {
                    if found {
                        status.active.retain(|r| r.uid != uid);
                        Self::event(
                            ctx,
                            EventType::Normal,
                            "SawCompletedJob",
                            format!("Saw completed job: {name}, status: {kind}"),
                            None,
                        );
                        update = true;
                    }
                    if kind == JobConditionType::Complete {
                        if status.last_successful_time.is_none() {
                            status.last_successful_time = completion;
                            update = true;
                        }
                        if let (Some(c), Some(last)) = (completion, status.last_successful_time) {
                            if c > last {
                                status.last_successful_time = Some(c);
                                update = true;
                            }
                        }
                    }
                }
            }
        }
        // Active Jobs that no longer exist.
        let children: Vec<String> = jobs
            .iter()
            .filter_map(|j| ctx.store.job(*j).job.metadata.uid.clone())
            .collect();
        for r in status.active.clone() {
            if !children.contains(&r.uid) {
                Self::event(
                    ctx,
                    EventType::Normal,
                    "MissingJob",
                    format!("Active job went missing: {}", r.name),
                    None,
                );
                status.active.retain(|a| a.uid != r.uid);
                update = true;
            }
        }

        if self.deleted {
            return (Requeue::Never, update);
        }
        if let Some(tz) = cj.spec.time_zone.clone() {
            if let Err(e) = self.cache.zone(&tz) {
                Self::event(
                    ctx,
                    EventType::Warning,
                    "UnknownTimeZone",
                    format!("invalid timeZone: {}: {e}", go_quote(&tz)),
                    None,
                );
                return (Requeue::Never, update);
            }
        }
        if cj.spec.suspend == Some(true) {
            return (Requeue::Never, update);
        }
        let raw = cj.spec.schedule.clone().unwrap_or_default();
        if raw.contains("TZ") {
            Self::event(
                ctx,
                EventType::Warning,
                "UnsupportedSchedule",
                format!(
                    "CRON_TZ or TZ used in schedule {} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details",
                    go_quote(&raw)
                ),
                None,
            );
        }
        let spec = self.format_schedule(cj);
        let sched = match self.cache.schedule(&spec) {
            Ok(s) => s,
            Err(e) => {
                Self::event(
                    ctx,
                    EventType::Warning,
                    "UnparseableSchedule",
                    format!("unparseable schedule: {} : {e}", go_quote(&raw)),
                    None,
                );
                return (Requeue::Never, update);
            }
        };

        // nextScheduleTime
        let recent = self.most_recent_schedule_time(cj, now, &sched, true);
        let scheduled = match recent.most_recent {
            Some(t) if t.saturating_mul(1000) <= now_ms => {
                if recent.missed == Missed::Many {
                    Self::event(
                        ctx,
                        EventType::Warning,
                        "TooManyMissedTimes",
                        "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew".into(),
                        None,
                    );
                }
                t
            }
            _ => {
                if let Some(e) = recent.error {
                    Self::event(
                        ctx,
                        EventType::Warning,
                        "InvalidSchedule",
                        format!("invalid schedule: {raw} : {e}"),
                        None,
                    );
                    return (Requeue::Never, update);
                }
                return (self.requeue(cj, now, &sched), update);
            }
        };
        if let Some(sds) = cj.spec.starting_deadline_seconds {
            if scheduled.saturating_add(sds).saturating_mul(1000) < now_ms {
                Self::event(
                    ctx,
                    EventType::Warning,
                    "MissSchedule",
                    format!(
                        "Missed scheduled time to start a job: {}",
                        wallclock::format_rfc1123z(scheduled, 0)
                    ),
                    None,
                );
                return (self.requeue(cj, now, &sched), update);
            }
        }
        let name = job_name(cj.name(), scheduled);
        let scheduled_time = self.time_of(scheduled);
        if cj.status.active.iter().any(|r| r.name == name)
            || cj.status.last_schedule_time == Some(scheduled_time)
        {
            return (self.requeue(cj, now, &sched), update);
        }
        let policy = cj
            .spec
            .concurrency_policy
            .clone()
            .unwrap_or(ConcurrencyPolicy::Allow);
        if policy == ConcurrencyPolicy::Forbid && !cj.status.active.is_empty() {
            Self::event(
                ctx,
                EventType::Normal,
                "JobAlreadyActive",
                "Not starting job because prior execution is running and concurrency policy is Forbid".into(),
                Some(Cause::ConcurrencyForbid),
            );
            return (self.requeue(cj, now, &sched), update);
        }
        if policy == ConcurrencyPolicy::Replace {
            for r in cj.status.active.clone() {
                let Some(j) = live_job_named(ctx.store, &r.name) else {
                    Self::event(
                        ctx,
                        EventType::Warning,
                        "FailedGet",
                        format!("Get job: jobs.batch {:?} not found", r.name),
                        None,
                    );
                    return (Requeue::Error, update);
                };
                ctx.store.delete_job(j, now, Propagation::Background);
                cj.status.active.retain(|a| a.uid != r.uid);
                Self::event(
                    ctx,
                    EventType::Normal,
                    "SuccessfulDelete",
                    format!("Deleted job {}", r.name),
                    Some(Cause::ConcurrencyReplace),
                );
                update = true;
            }
        }

        // Create the Job; AlreadyExists for a Job this CronJob owns means it was
        // created before but the status update was lost.
        let uid = match live_job_named(ctx.store, &name) {
            Some(existing) => {
                let rec = ctx.store.job(existing);
                let owned = rec.cron_ordinal.is_some();
                let uid = rec.job.metadata.uid.clone().unwrap_or_default();
                if !owned || cj.status.active.iter().any(|r| r.uid == uid) {
                    return (Requeue::Never, update);
                }
                uid
            }
            None => {
                let job = self.job_from_template(ctx.store, cj, &name, scheduled);
                let errors = crate::api::validation::validate_job_create(&job);
                if !errors.is_empty() {
                    let inv = crate::api::Invalid {
                        kind: "Job".into(),
                        name: name.clone(),
                        errors,
                    };
                    Self::event(
                        ctx,
                        EventType::Warning,
                        "FailedCreate",
                        format!("Error creating job: {}", inv.api_server_message()),
                        None,
                    );
                    return (Requeue::Error, update);
                }
                // Every Job of a CronJob run is the CronJob's: the nth created is its nth.
                let ordinal = ctx.store.jobs_created() as u32;
                let uid = job.metadata.uid.clone().unwrap_or_default();
                ctx.store.create_job(job, now, Some(ordinal));
                Self::event(
                    ctx,
                    EventType::Normal,
                    "SuccessfulCreate",
                    format!("Created job {name}"),
                    Some(Cause::Scheduled {
                        scheduled_unix: scheduled,
                        missed: recent.count.max(1) as u64,
                    }),
                );
                uid
            }
        };
        cj.status.active.push(ObjectReference {
            api_version: "batch/v1".into(),
            kind: "Job".into(),
            name,
            namespace: cj.metadata.namespace().to_string(),
            uid,
        });
        cj.status.last_schedule_time = Some(scheduled_time);
        (self.requeue(cj, now, &sched), true)
    }

    /// `nextScheduleTimeDuration` as an instant on the virtual clock.
    fn requeue(&self, cj: &CronJob, now: Time, sched: &Schedule) -> Requeue {
        match self.next_schedule_time(cj, now, sched) {
            Some(t) => Requeue::At(t),
            None => Requeue::Never,
        }
    }

    /// `nextScheduleTimeDuration`: the next schedule time after the most recent one
    /// (or after the last schedule time) plus 100 ms. `None` where robfig finds no
    /// next time (upstream would then requeue at once, in a loop).
    fn next_schedule_time(&self, cj: &CronJob, now: Time, sched: &Schedule) -> Option<Time> {
        let now_ms = self.unix_ms(now);
        let r = self.most_recent_schedule_time(cj, now, sched, false);
        let from_ms = match (r.error, r.most_recent) {
            (Some(_), _) => now_ms,
            (None, Some(t)) => t * 1000,
            (None, None) if r.missed == Missed::None => r.earliest_ms,
            (None, None) => now_ms,
        };
        let next = sched.next(from_ms.div_euclid(1000), &Zone::utc())?;
        let at = next
            .checked_mul(1000)?
            .checked_add(NEXT_SCHEDULE_DELTA_MS as i64)?;
        if at <= now_ms {
            return None;
        }
        Some(self.time_of_ms(at))
    }

    /// `mostRecentScheduleTime`. Times are unix seconds (schedule times are whole
    /// seconds); `now` and the starting deadline keep their milliseconds.
    fn most_recent_schedule_time(
        &self,
        cj: &CronJob,
        now: Time,
        sched: &Schedule,
        include_sds: bool,
    ) -> Recent {
        let now_ms = self.unix_ms(now);
        let mut earliest_ms = self.unix(cj.metadata.creation_timestamp.unwrap_or_default()) * 1000;
        if let Some(t) = cj.status.last_schedule_time {
            earliest_ms = self.unix(t) * 1000;
        }
        if include_sds {
            if let Some(sds) = cj.spec.starting_deadline_seconds {
                let deadline = now_ms.saturating_sub(sds.saturating_mul(1000));
                if deadline > earliest_ms {
                    earliest_ms = deadline;
                }
            }
        }
        most_recent(sched, earliest_ms, now_ms)
    }

    fn job_from_template(
        &mut self,
        store: &Store,
        cj: &CronJob,
        name: &str,
        scheduled: i64,
    ) -> Job {
        let template = cj.spec.job_template.clone().unwrap_or_default();
        let tmeta = template.metadata.unwrap_or_default();
        let mut annotations = tmeta.annotations.clone().unwrap_or_default();
        // `scheduledTime.In(time.LoadLocation(timeZone or "")).Format(time.RFC3339)`.
        let zone = self
            .cache
            .zone(cj.spec.time_zone.as_deref().unwrap_or(""))
            .ok()
            .flatten()
            .unwrap_or_else(Zone::utc);
        annotations.insert(
            CRONJOB_SCHEDULED_TIMESTAMP.to_string(),
            wallclock::format_rfc3339_offset(scheduled, zone.offset_at(scheduled)),
        );
        let mut job = Job {
            api_version: Some("batch/v1".into()),
            kind: Some("Job".into()),
            metadata: ObjectMeta {
                name: Some(name.to_string()),
                namespace: Some(cj.metadata.namespace().to_string()),
                labels: tmeta.labels.clone(),
                annotations: Some(annotations),
                owner_references: Some(vec![OwnerReference {
                    api_version: "batch/v1".into(),
                    kind: "CronJob".into(),
                    name: cj.name().to_string(),
                    uid: cj.metadata.uid.clone().unwrap_or_default(),
                    controller: Some(true),
                    block_owner_deletion: Some(true),
                }]),
                ..Default::default()
            },
            spec: template.spec.unwrap_or_default(),
            status: Default::default(),
        };
        let uid = crate::cluster::ids::uid_for(store.seed, "Job", name);
        crate::api::defaults::prepare_job_for_create(&mut job, &uid);
        job
    }

    /// `cleanupFinishedJobs`: keep the newest N successful and M failed Jobs,
    /// oldest start time first (Jobs without one last, then by name).
    fn cleanup(&mut self, ctx: &mut Ctx<'_>, cj: &mut CronJob, jobs: &[JobId]) -> bool {
        let ok_limit = cj.spec.successful_jobs_history_limit;
        let failed_limit = cj.spec.failed_jobs_history_limit;
        if ok_limit.is_none() && failed_limit.is_none() {
            return false;
        }
        let mut ok = Vec::new();
        let mut failed = Vec::new();
        for &j in jobs {
            let job = &ctx.store.job(j).job;
            if job.metadata.deletion_timestamp.is_some() {
                continue;
            }
            match job.status.finished().map(|c| c.type_.clone()) {
                Some(JobConditionType::Complete) => ok.push(j),
                Some(JobConditionType::Failed) => failed.push(j),
                _ => {}
            }
        }
        let mut update = false;
        for (mut list, limit, what) in [
            (ok, ok_limit, "successful"),
            (failed, failed_limit, "failed"),
        ] {
            let Some(limit) = limit else { continue };
            let excess = list.len() as i64 - i64::from(limit);
            if excess <= 0 {
                continue;
            }
            crate::sort::sort_by(&mut list, |a, b| {
                let (ja, jb) = (&ctx.store.job(*a).job, &ctx.store.job(*b).job);
                let (sa, sb) = (ja.status.start_time, jb.status.start_time);
                sa.is_none()
                    .cmp(&sb.is_none())
                    .then(sa.cmp(&sb))
                    .then_with(|| ja.name().cmp(jb.name()))
            });
            for &j in list.iter().take(excess as usize) {
                let job = &ctx.store.job(j).job;
                let name = job.name().to_string();
                let uid = job.metadata.uid.clone().unwrap_or_default();
                ctx.store.delete_job(j, ctx.now, Propagation::Background);
                cj.status.active.retain(|r| r.uid != uid);
                Self::event(
                    ctx,
                    EventType::Normal,
                    "SuccessfulDelete",
                    format!("Deleted job {name}"),
                    Some(Cause::HistoryLimit {
                        limit,
                        kept: format!("the newest {limit} {what} Jobs"),
                    }),
                );
                update = true;
            }
        }
        update
    }
}

fn live_job_named(store: &Store, name: &str) -> Option<JobId> {
    store
        .jobs()
        .find(|(_, r)| r.removed_at.is_none() && r.job.name() == name)
        .map(|(j, _)| j)
}

/// `<cronjob>-<scheduled unix seconds / 60>`.
pub fn job_name(cronjob: &str, scheduled_unix: i64) -> String {
    format!("{cronjob}-{}", scheduled_unix.div_euclid(60))
}

/// The core of `mostRecentScheduleTime`: the latest schedule time in
/// `(earliest, now]`, with upstream's estimate of how many were missed.
fn most_recent(sched: &Schedule, earliest_ms: i64, now_ms: i64) -> Recent {
    let utc = Zone::utc();
    // robfig's Next of a time with milliseconds is the Next of its whole second;
    // its zero time stands for "none".
    let next = |t: i64| sched.next(t, &utc).unwrap_or(GO_ZERO_UNIX);
    let mut r = Recent {
        earliest_ms,
        most_recent: None,
        missed: Missed::None,
        count: 0,
        error: None,
    };
    let t1 = next(earliest_ms.div_euclid(1000));
    let t2 = next(t1);
    if now_ms < t1.saturating_mul(1000) {
        return r;
    }
    if now_ms < t2.saturating_mul(1000) {
        r.most_recent = Some(t1);
        return r;
    }
    let between = t2 - t1;
    if between < 1 {
        r.error = Some("time difference between two schedules is less than 1 second".into());
        return r;
    }
    let elapsed = (now_ms - t1.saturating_mul(1000)) / 1000;
    let missed = elapsed / between + 1;
    let potential = t1.saturating_add((missed - 2).saturating_mul(between));
    let mut most_recent = GO_ZERO_UNIX;
    let mut t = next(potential);
    let mut steps = 0;
    while t.saturating_mul(1000) <= now_ms && steps < MAX_WALK {
        most_recent = t;
        t = next(t);
        steps += 1;
    }
    r.count = missed;
    r.missed = if missed > 100 {
        Missed::Many
    } else if missed > 0 {
        Missed::Few
    } else {
        Missed::None
    };
    if most_recent != GO_ZERO_UNIX {
        r.most_recent = Some(most_recent);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_names_use_scheduled_minutes() {
        assert_eq!(
            job_name("hello", wallclock::DEFAULT_EPOCH + 60),
            "hello-29453761"
        );
    }

    #[test]
    fn most_recent_schedule_time() {
        let s = Schedule::parse("* * * * *").unwrap();
        let e = wallclock::DEFAULT_EPOCH;
        let at = |secs: i64| most_recent(&s, e * 1000, (e + secs) * 1000);
        assert_eq!(at(30).most_recent, None);
        assert_eq!(at(30).missed, Missed::None);
        assert_eq!(at(61).most_recent, Some(e + 60));
        assert_eq!(at(61).missed, Missed::None);
        assert_eq!(at(185).most_recent, Some(e + 180));
        assert_eq!(at(185).missed, Missed::Few);
        assert_eq!(at(185).count, 3);
        let day = at(86_400);
        assert_eq!(day.most_recent, Some(e + 86_400));
        assert_eq!(day.missed, Missed::Many);
        assert_eq!(day.count, 1440);
        // A schedule with no next time gives upstream's error.
        let never = Schedule::parse("59 23 31 2 *").unwrap();
        let r = most_recent(&never, e * 1000, (e + 60) * 1000);
        assert_eq!(
            r.error.as_deref(),
            Some("time difference between two schedules is less than 1 second")
        );
        // Irregular gaps: 06:30, 10:30, 14:30 on weekdays.
        let s = Schedule::parse("30 6-16/4 * * 1-5").unwrap();
        let fri = wallclock::parse_rfc3339("2026-01-02T15:00:00Z").unwrap();
        let mon = wallclock::parse_rfc3339("2026-01-05T11:00:00Z").unwrap();
        let r = most_recent(&s, fri * 1000, mon * 1000);
        assert_eq!(
            r.most_recent,
            wallclock::parse_rfc3339("2026-01-05T10:30:00Z")
        );
    }
}
