//! The CronJob controller (v2, `pkg/controller/cronjob`): on each sync it
//! reconciles the active Jobs (SawCompletedJob), removes finished Jobs beyond the
//! history limits, finds the most recent unmet schedule time on the virtual wall
//! clock, applies the concurrency policy and the starting deadline, and creates the
//! Job `<cronjob>-<scheduled minutes since the epoch>`.

pub mod schedule;
pub mod zone;

use crate::api::defaults::CRONJOB_SCHEDULED_TIMESTAMP;
use crate::api::{
    ConcurrencyPolicy, Job, JobConditionType, ObjectMeta, ObjectReference, OwnerReference, Time,
};
use crate::cluster::cause::Cause;
use crate::cluster::store::{EventType, JobId, Propagation, Store};
use crate::cluster::timers::Timer;
use crate::cluster::{wallclock, Ctx};
use schedule::Schedule;
use zone::Zone;

const SOURCE: &str = "cronjob-controller";
/// The controller requeues 100 ms after the next schedule time.
const NEXT_SCHEDULE_DELTA_MS: u64 = 100;

/// The CronJob controller's memory: its work queue entry.
#[derive(Clone, Debug)]
pub struct CronJobController {
    epoch_unix: i64,
    due: Option<Time>,
    /// The CronJob was deleted.
    pub deleted: bool,
}

/// How many start times were missed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Missed {
    None,
    Few,
    Many(i64),
}

impl CronJobController {
    pub fn new(epoch_unix: i64) -> CronJobController {
        CronJobController {
            epoch_unix,
            due: Some(Time::ZERO),
            deleted: false,
        }
    }

    fn enqueue(&mut self, ctx: &mut Ctx<'_>, at: Time) {
        if self.due.is_some_and(|d| d <= at && d >= ctx.now) {
            return;
        }
        self.due = Some(at);
        ctx.timers.push(at, Timer::CronSync);
    }

    /// The CronJob spec changed: sync now.
    pub fn requeue_now(&mut self, now: Time) {
        self.due = Some(now);
    }

    /// A Job changed: if the CronJob owns it, sync now.
    pub fn on_job_changed(&mut self, ctx: &mut Ctx<'_>, id: JobId) {
        if ctx.store.job(id).cron_ordinal.is_some() {
            let now = ctx.now;
            self.enqueue(ctx, now);
        }
    }

    pub fn on_timer(&mut self, ctx: &mut Ctx<'_>) {
        if self.due != Some(ctx.now) {
            return;
        }
        self.due = None;
        if let Some(next) = self.sync(ctx) {
            self.enqueue(ctx, next);
        }
    }

    fn unix(&self, t: Time) -> i64 {
        self.epoch_unix + (t.0 / 1000) as i64
    }

    fn time_of(&self, unix: i64) -> Time {
        Time(((unix - self.epoch_unix).max(0) as u64) * 1000)
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

    /// One sync; returns when to sync again.
    fn sync(&mut self, ctx: &mut Ctx<'_>) -> Option<Time> {
        let now = ctx.now;
        let cj = ctx.store.cronjob.clone()?;
        let owned: Vec<JobId> = (0..ctx.store.jobs.len() as u32)
            .map(JobId)
            .filter(|j| {
                ctx.store.job(*j).cron_ordinal.is_some() && ctx.store.job(*j).removed_at.is_none()
            })
            .collect();

        // History limits: remove the oldest finished Jobs beyond them.
        self.cleanup(ctx, &owned);

        // Reconcile status.active with the Jobs.
        let mut status = ctx
            .store
            .cronjob
            .as_ref()
            .map(|c| c.status.clone())
            .unwrap_or_default();
        let mut keep = Vec::new();
        for r in std::mem::take(&mut status.active) {
            let found = owned
                .iter()
                .copied()
                .find(|j| ctx.store.job(*j).job.name() == r.name);
            match found {
                None => Self::event(
                    ctx,
                    EventType::Normal,
                    "MissingJob",
                    format!("Active job went missing: {}", r.name),
                    None,
                ),
                Some(j) => {
                    let job = &ctx.store.job(j).job;
                    match job.status.finished() {
                        Some(c) => {
                            let kind = c.type_.to_string();
                            if c.type_ == JobConditionType::Complete {
                                status.last_successful_time = job.status.completion_time;
                            }
                            Self::event(
                                ctx,
                                EventType::Normal,
                                "SawCompletedJob",
                                format!("Saw completed job: {}, status: {kind}", r.name),
                                None,
                            );
                        }
                        None => keep.push(r),
                    }
                }
            }
        }
        status.active = keep;
        self.set_status(ctx, &status);
        if self.deleted {
            return None;
        }

        let zone = match cj.spec.time_zone.as_deref() {
            None => Zone::utc(),
            Some(name) => match Zone::load(name) {
                Ok(z) => z,
                Err(e) => {
                    Self::event(
                        ctx,
                        EventType::Warning,
                        "UnknownTimeZone",
                        format!("invalid timeZone: {name:?}: {e}"),
                        None,
                    );
                    return None;
                }
            },
        };
        let spec_text = cj.spec.schedule.clone().unwrap_or_default();
        let sched = match Schedule::parse(&spec_text) {
            Ok(s) => s,
            Err(e) => {
                Self::event(
                    ctx,
                    EventType::Warning,
                    "UnparseableSchedule",
                    format!("unparseable schedule: {spec_text:?} : {e}"),
                    None,
                );
                return None;
            }
        };
        if cj.spec.suspend == Some(true) {
            return None;
        }
        let now_unix = self.unix(now);
        let next_requeue = |this: &Self, after_unix: i64| -> Option<Time> {
            sched
                .next(after_unix, &zone)
                .map(|n| this.time_of(n).plus_ms(NEXT_SCHEDULE_DELTA_MS))
        };
        let created_unix = self.unix(cj.metadata.creation_timestamp.unwrap_or_default());
        let mut earliest = status
            .last_schedule_time
            .map(|t| self.unix(t))
            .unwrap_or(created_unix);
        if let Some(sds) = cj.spec.starting_deadline_seconds {
            earliest = earliest.max(now_unix - sds);
        }
        let (scheduled, missed) = match most_recent(&sched, &zone, earliest, now_unix) {
            Ok(v) => v,
            Err(e) => {
                Self::event(
                    ctx,
                    EventType::Warning,
                    "InvalidSchedule",
                    format!("invalid schedule: {spec_text} : {e}"),
                    None,
                );
                return None;
            }
        };
        let Some(scheduled) = scheduled else {
            return next_requeue(self, now_unix);
        };
        if let Missed::Many(n) = missed {
            Self::event(
                ctx,
                EventType::Warning,
                "TooManyMissedTimes",
                format!("too many missed start times: {n}. Set or decrease .spec.startingDeadlineSeconds or check clock skew"),
                None,
            );
        }
        if let Some(sds) = cj.spec.starting_deadline_seconds {
            if scheduled + sds < now_unix {
                let offset = zone.offset_at(scheduled);
                Self::event(
                    ctx,
                    EventType::Warning,
                    "MissSchedule",
                    format!(
                        "Missed scheduled time to start a job: {}",
                        wallclock::format_rfc1123z(scheduled, offset)
                    ),
                    None,
                );
                return next_requeue(self, now_unix);
            }
        }
        let name = job_name(cj.name(), scheduled);
        let already = status.last_schedule_time.map(|t| self.unix(t)) == Some(scheduled)
            || owned.iter().any(|j| ctx.store.job(*j).job.name() == name)
            || status.active.iter().any(|r| r.name == name);
        if already {
            return next_requeue(self, now_unix);
        }
        let policy = cj
            .spec
            .concurrency_policy
            .clone()
            .unwrap_or(ConcurrencyPolicy::Allow);
        if policy == ConcurrencyPolicy::Forbid && !status.active.is_empty() {
            Self::event(
                ctx,
                EventType::Normal,
                "JobAlreadyActive",
                "Not starting job because prior execution is running and concurrency policy is Forbid".into(),
                Some(Cause::ConcurrencyForbid),
            );
            return next_requeue(self, now_unix);
        }
        if policy == ConcurrencyPolicy::Replace {
            for r in std::mem::take(&mut status.active) {
                if let Some(j) = owned
                    .iter()
                    .copied()
                    .find(|j| ctx.store.job(*j).job.name() == r.name)
                {
                    ctx.store.delete_job(j, now, Propagation::Background);
                    Self::event(
                        ctx,
                        EventType::Normal,
                        "SuccessfulDelete",
                        format!("Deleted job {}", r.name),
                        Some(Cause::ConcurrencyReplace),
                    );
                }
            }
        }
        // Create the Job.
        let ordinal = ctx
            .store
            .jobs
            .iter()
            .filter(|j| j.cron_ordinal.is_some())
            .count() as u32;
        let job = self.job_from_template(ctx.store, &cj, &name, scheduled, &zone);
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
                format!(
                    "Error creating job: {}",
                    inv.to_string().replace("The Job ", "Job.batch ")
                ),
                None,
            );
            return next_requeue(self, now_unix);
        }
        let uid = job.metadata.uid.clone().unwrap_or_default();
        ctx.store.create_job(job, now, Some(ordinal));
        let cause = Cause::Scheduled {
            scheduled_unix: scheduled,
            missed: match missed {
                Missed::None => 1,
                Missed::Few => 2,
                Missed::Many(n) => n as u64,
            },
        };
        Self::event(
            ctx,
            EventType::Normal,
            "SuccessfulCreate",
            format!("Created job {name}"),
            Some(cause),
        );
        status.active.push(ObjectReference {
            api_version: "batch/v1".into(),
            kind: "Job".into(),
            name,
            namespace: cj.metadata.namespace().to_string(),
            uid,
        });
        status.last_schedule_time = Some(self.time_of(scheduled));
        self.set_status(ctx, &status);
        next_requeue(self, now_unix)
    }

    fn set_status(&self, ctx: &mut Ctx<'_>, status: &crate::api::CronJobStatus) {
        if let Some(c) = ctx.store.cronjob.as_mut() {
            c.status = status.clone();
        }
    }

    fn job_from_template(
        &self,
        store: &Store,
        cj: &crate::api::CronJob,
        name: &str,
        scheduled: i64,
        zone: &Zone,
    ) -> Job {
        let template = cj.spec.job_template.clone().unwrap_or_default();
        let tmeta = template.metadata.unwrap_or_default();
        let mut annotations = tmeta.annotations.clone().unwrap_or_default();
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

    /// `cleanupFinishedJobs`: keep the newest N successful and M failed Jobs.
    fn cleanup(&mut self, ctx: &mut Ctx<'_>, owned: &[JobId]) {
        let Some(cj) = ctx.store.cronjob.clone() else {
            return;
        };
        let mut ok = Vec::new();
        let mut failed = Vec::new();
        for &j in owned {
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
        for (list, limit, what) in [
            (ok, cj.spec.successful_jobs_history_limit, "successful"),
            (failed, cj.spec.failed_jobs_history_limit, "failed"),
        ] {
            let Some(limit) = limit else { continue };
            let mut list = list;
            let excess = list.len() as i64 - limit.max(0) as i64;
            if excess <= 0 {
                continue;
            }
            // Oldest start time first; Jobs without a start time last.
            list.sort_by_key(|j| {
                let st = ctx.store.job(*j).job.status.start_time;
                (
                    st.is_none(),
                    st,
                    ctx.store.job(*j).job.metadata.creation_timestamp,
                )
            });
            for &j in list.iter().take(excess as usize) {
                let name = ctx.store.job(j).job.name().to_string();
                ctx.store.delete_job(j, ctx.now, Propagation::Background);
                if let Some(c) = ctx.store.cronjob.as_mut() {
                    c.status.active.retain(|r| r.name != name);
                }
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
            }
        }
    }
}

/// `<cronjob>-<scheduled unix seconds / 60>`.
pub fn job_name(cronjob: &str, scheduled_unix: i64) -> String {
    format!("{cronjob}-{}", scheduled_unix.div_euclid(60))
}

/// `mostRecentScheduleTime`: the latest schedule time in `(earliest, now]` and how many were missed.
fn most_recent(
    sched: &Schedule,
    zone: &Zone,
    earliest: i64,
    now: i64,
) -> Result<(Option<i64>, Missed), String> {
    let Some(t1) = sched.next(earliest, zone) else {
        return Ok((None, Missed::None));
    };
    if now < t1 {
        return Ok((None, Missed::None));
    }
    let Some(t2) = sched.next(t1, zone) else {
        return Ok((Some(t1), Missed::None));
    };
    if now < t2 {
        return Ok((Some(t1), Missed::None));
    }
    let between = t2 - t1;
    if between < 1 {
        return Err("time difference between two schedules is less than 1 second".into());
    }
    let elapsed = now - t1;
    let missed = elapsed / between + 1;
    let potential = t1 + (missed - 2) * between;
    let mut most_recent = None;
    let mut t = sched.next(potential, zone);
    let mut guard = 0;
    while let Some(x) = t {
        if x > now {
            break;
        }
        most_recent = Some(x);
        t = sched.next(x, zone);
        guard += 1;
        if guard > 10_000 {
            break;
        }
    }
    let m = if missed > 100 {
        Missed::Many(missed)
    } else if missed > 1 {
        Missed::Few
    } else {
        Missed::None
    };
    Ok((most_recent, m))
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
        let z = Zone::utc();
        let e = wallclock::DEFAULT_EPOCH;
        assert_eq!(
            most_recent(&s, &z, e, e + 30).unwrap(),
            (None, Missed::None)
        );
        assert_eq!(
            most_recent(&s, &z, e, e + 61).unwrap(),
            (Some(e + 60), Missed::None)
        );
        assert_eq!(
            most_recent(&s, &z, e, e + 185).unwrap(),
            (Some(e + 180), Missed::Few)
        );
        let (t, m) = most_recent(&s, &z, e, e + 86_400).unwrap();
        assert_eq!(t, Some(e + 86_400));
        assert!(matches!(m, Missed::Many(1440)));
    }
}
