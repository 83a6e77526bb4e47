//! The simulated cluster: an object store (the API server), the kubelet, the
//! Job, CronJob and TTL-after-finished controllers, the Scenario's timed actions,
//! and a virtual clock. Sans-IO: it never reads a real clock, never sleeps and
//! never draws global randomness. The caller drives it with [`Cluster::advance_to`]
//! or [`Cluster::step`] and asks [`Cluster::next_due`] when to come back.

pub mod behaviour;
pub mod cause;
pub mod ids;
pub mod invariants;
pub mod kubelet;
pub mod limits;
pub mod store;
pub mod timers;
pub mod wallclock;

use crate::api::{self, Time};
use crate::controller::cronjob::CronJobController;
use crate::controller::job::JobController;
use crate::controller::ttl;
use crate::scenario::{ActionKind, PodSelector, ScenarioFile, Workload};
use behaviour::Behaviour;
use cause::Cause;
use kubelet::Kubelet;
pub use limits::{Limit, Limits};
pub use store::History;
use store::{JobId, PodId, Propagation, Store, Watch};
use timers::{Timer, TimerQueue};

/// What a controller or the kubelet gets to work with during one step.
pub struct Ctx<'a> {
    pub store: &'a mut Store,
    pub timers: &'a mut TimerQueue,
    pub now: Time,
}

/// Why a run stopped early: the limit it reached, and its message.
#[derive(Clone, Debug, PartialEq)]
pub struct Halt {
    pub at: Time,
    pub limit: Limit,
    pub message: String,
}

/// Under [`History::Recent`], old history is forgotten at most this often (virtual time).
const FORGET_EVERY_MS: u64 = 60_000;

/// What the simulation is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Root {
    Job(JobId),
    CronJob,
}

/// The whole simulated cluster.
#[derive(Clone, Debug)]
pub struct Cluster {
    pub store: Store,
    pub kubelet: Kubelet,
    pub job_ctrl: JobController,
    pub cron_ctrl: Option<CronJobController>,
    pub timers: TimerQueue,
    pub now: Time,
    pub root: Root,
    /// Unix seconds of t = 0 on the virtual wall clock.
    pub epoch_unix: i64,
    pub stop_after: Time,
    pub limits: Limits,
    pub halted: Option<Halt>,
    /// How much history the store keeps ([`History::Full`] unless the driver asks).
    pub history: History,
    next_forget: Time,
    /// Timers handled so far.
    pub steps: u64,
    /// When the root Job reached Complete or Failed.
    pub finished_at: Option<Time>,
    actions: Vec<(Time, ActionKind)>,
    /// Actions the API server rejected at their time (message per action).
    pub action_errors: Vec<(usize, Time, String)>,
    #[cfg(debug_assertions)]
    inv: invariants::State,
}

impl Cluster {
    /// Create the workload at t = 0 and schedule the Scenario's actions.
    pub fn new(file: &ScenarioFile) -> Cluster {
        Self::with(file, Limits::default(), History::Full)
    }

    pub fn with_limits(file: &ScenarioFile, limits: Limits) -> Cluster {
        Self::with(file, limits, History::Full)
    }

    pub fn with(file: &ScenarioFile, limits: Limits, history: History) -> Cluster {
        let spec = &file.scenario.spec;
        let seed = file.seed();
        let epoch_unix = spec
            .start_time
            .as_deref()
            .and_then(wallclock::parse_rfc3339)
            .unwrap_or(wallclock::DEFAULT_EPOCH);
        let work_queue = matches!(&file.workload, Workload::Job(j) if j.spec.completions.is_none());
        let behaviour = Behaviour::new(&file.scenario, work_queue, epoch_unix);
        let (items, item_ms) = match &spec.queue {
            Some(q) => (
                q.items,
                q.seconds_per_item.map(|s| s.millis()).unwrap_or(1000),
            ),
            None => (0, 1000),
        };
        let mut c = Cluster {
            store: Store::new(seed),
            kubelet: Kubelet::new(behaviour, items, item_ms),
            job_ctrl: JobController::default(),
            cron_ctrl: None,
            timers: TimerQueue::default(),
            now: Time::ZERO,
            root: Root::CronJob,
            epoch_unix,
            stop_after: spec
                .stop_after_seconds
                .map(|s| s.to_time())
                .unwrap_or(Time::from_secs(3600)),
            limits,
            halted: None,
            history,
            next_forget: Time(FORGET_EVERY_MS),
            steps: 0,
            finished_at: None,
            actions: Vec::new(),
            action_errors: Vec::new(),
            #[cfg(debug_assertions)]
            inv: invariants::State::default(),
        };
        match &file.workload {
            Workload::Job(job) => {
                let id = c.store.create_job((**job).clone(), Time::ZERO, None);
                c.root = Root::Job(id);
            }
            Workload::CronJob(cj) => {
                let mut cj = (**cj).clone();
                cj.metadata.creation_timestamp = Some(Time::ZERO);
                c.store.cronjob = Some(cj);
                c.cron_ctrl = Some(CronJobController::new(epoch_unix));
                c.timers.push(Time::ZERO, Timer::CronSync);
            }
        }
        for (i, a) in spec.actions.iter().enumerate() {
            if let (Some(at), Some(kind)) = (a.at, a.kind()) {
                c.actions.push((at.to_time(), kind));
                c.timers.push(at.to_time(), Timer::Action(i as u32));
            }
        }
        c.dispatch();
        c
    }

    /// Build from a scenario file's text.
    pub fn from_text(text: &str) -> Result<Cluster, crate::scenario::file::InputError> {
        let file = ScenarioFile::parse(text)?;
        Ok(Cluster::new(&file))
    }

    /// Whether the run is over: nothing left to do, a limit hit, or `stopAfterSeconds`
    /// passed without the workload finishing.
    pub fn is_done(&self) -> bool {
        self.next_due().is_none()
    }

    /// When something happens next; `None` once the run is over.
    pub fn next_due(&self) -> Option<Time> {
        self.next_wanted()
            .filter(|t| t.0 <= self.limits.max_virtual_ms)
    }

    /// When something would happen next, without the limit of virtual time.
    fn next_wanted(&self) -> Option<Time> {
        if self.halted.is_some() {
            return None;
        }
        let t = if self.finished_at.is_some() {
            // Once the Job finished, its controller's leftover requeues (an old deadline,
            // a batched sync) change nothing and do not extend the run.
            self.timers.min_time_where(|t| match t {
                Timer::JobSync(j) => self
                    .store
                    .live_job(*j)
                    .is_some_and(|r| r.job.status.finished().is_none()),
                _ => true,
            })?
        } else {
            self.timers.next_time()?
        };
        if self.finished_at.is_none() && t > self.stop_after {
            return None;
        }
        Some(t)
    }

    /// Handle everything due at the next instant; returns that instant.
    pub fn step(&mut self) -> Option<Time> {
        let Some(t) = self.next_due() else {
            self.check_time_limit();
            return None;
        };
        self.process_instant(t);
        Some(t)
    }

    /// The run would go on past the limit of virtual time: stop it there, saying so.
    fn check_time_limit(&mut self) {
        if self
            .next_wanted()
            .is_some_and(|t| t.0 > self.limits.max_virtual_ms)
        {
            self.now = self.now.max(Time(self.limits.max_virtual_ms));
            self.halt(Limit::VirtualTime);
        }
    }

    /// Check the invariants now (the fuzz targets call this after every step of a
    /// release build; debug builds check after every instant on their own).
    pub fn check_invariants(&self, st: &mut invariants::State) -> Result<(), String> {
        invariants::check(self, st)
    }

    /// Advance the virtual clock to `t`, handling every timer due until then.
    pub fn advance_to(&mut self, t: Time) {
        while let Some(next) = self.next_due() {
            if next > t {
                break;
            }
            self.process_instant(next);
        }
        if t.0 >= self.limits.max_virtual_ms {
            self.check_time_limit();
        }
        if t > self.now {
            let limit = if self.finished_at.is_none() {
                self.stop_after
            } else {
                Time(u64::MAX)
            };
            let end = match self.next_due() {
                Some(_) => t,
                None => t.min(limit.max(self.now)),
            };
            self.now = end.max(self.now);
        }
    }

    /// Run until nothing is left to do.
    pub fn run_to_end(&mut self) {
        while self.step().is_some() {}
        if self.finished_at.is_none() && self.halted.is_none() && self.timers.next_time().is_some()
        {
            // Stopped by stopAfterSeconds: the clock shows that moment.
            self.now = self.now.max(self.stop_after);
        }
    }

    fn process_instant(&mut self, t: Time) {
        self.now = self.now.max(t);
        let mut steps = 0usize;
        while let Some((_, timer)) = self.timers.pop_due(t) {
            steps += 1;
            self.steps += 1;
            if steps > self.limits.max_steps_per_instant {
                self.halt(Limit::StepsPerInstant);
                return;
            }
            self.handle(timer);
            self.dispatch();
            if self.halted.is_some() {
                return;
            }
        }
        self.check_limits();
        if let History::Recent { events_ms, gone_ms } = self.history {
            if self.now >= self.next_forget {
                let before = |ms: u64| Time(self.now.0.saturating_sub(ms));
                self.forget_before(before(events_ms), before(gone_ms));
                self.next_forget = self.now.plus_ms(FORGET_EVERY_MS);
            }
        }
        #[cfg(debug_assertions)]
        {
            let mut st = std::mem::take(&mut self.inv);
            let r = invariants::check(self, &mut st);
            self.inv = st;
            if let Err(e) = r {
                panic!("invariant broken at t={}: {e}", self.now);
            }
        }
    }

    fn halt(&mut self, limit: Limit) {
        if self.halted.is_none() {
            let at = crate::view::duration::short_seconds(self.now.0);
            self.halted = Some(Halt {
                at: self.now,
                limit,
                message: self.limits.message(limit, &at),
            });
        }
    }

    fn check_limits(&mut self) {
        if self.store.pods_created() > self.limits.max_pods {
            self.halt(Limit::Pods);
        } else if self.store.jobs_created() > self.limits.max_jobs {
            self.halt(Limit::Jobs);
        } else if self.store.events_recorded() > self.limits.max_events {
            self.halt(Limit::Events);
        } else if self.steps > self.limits.max_steps {
            self.halt(Limit::Steps);
        }
    }

    /// Forget the history a real cluster no longer has ([`History::Recent`]): what
    /// nothing pending refers to and what left the API before `cutoff`.
    fn forget_before(&mut self, events: Time, gone: Time) {
        let (pods, jobs) = self.timers.referenced();
        let pinned: Vec<JobId> = self.root_job().into_iter().collect();
        if self
            .store
            .forget_before(events, gone, &pinned, &jobs, &pods)
        {
            let store = &self.store;
            self.job_ctrl.forget(|j| store.get_job(j).is_some());
        }
    }

    fn handle(&mut self, timer: Timer) {
        let now = self.now;
        let mut ctx = Ctx {
            store: &mut self.store,
            timers: &mut self.timers,
            now,
        };
        match timer {
            Timer::JobSync(id) => self.job_ctrl.on_timer(&mut ctx, id),
            Timer::CronSync => {
                if let Some(c) = self.cron_ctrl.as_mut() {
                    c.on_timer(&mut ctx);
                }
            }
            Timer::TtlCheck(id) => ttl::on_timer(&mut ctx, id),
            Timer::PodStart(p) => self.kubelet.on_pod_start(&mut ctx, p),
            Timer::ContainerExit {
                pod,
                container,
                run,
            } => self
                .kubelet
                .on_container_exit(&mut ctx, pod, container, run),
            Timer::ContainerRestart {
                pod,
                container,
                run,
            } => self
                .kubelet
                .on_container_restart(&mut ctx, pod, container, run),
            Timer::QueueTake {
                pod,
                container,
                run,
            } => self.kubelet.on_queue_take(&mut ctx, pod, container, run),
            Timer::Evict(p) => {
                self.kubelet.evict(&mut ctx, p);
                let job = ctx.store.pod(p).job;
                ctx.store.note(now, job, Cause::Evicted);
            }
            Timer::PodStopped(p) => self.kubelet.on_pod_stopped(&mut ctx, p),
            Timer::PodDeadline(p) => self.kubelet.on_pod_deadline(&mut ctx, p),
            Timer::Action(i) => self.run_action(i as usize),
        }
    }

    /// Deliver the API server's watch events to the kubelet and the controllers.
    fn dispatch(&mut self) {
        let mut guard = 0;
        while !self.store.outbox.is_empty() {
            guard += 1;
            if guard > 1_000_000 {
                self.halt(Limit::Feedback);
                return;
            }
            let batch = std::mem::take(&mut self.store.outbox);
            for w in batch {
                self.deliver(w);
            }
        }
    }

    fn deliver(&mut self, w: Watch) {
        let now = self.now;
        let mut ctx = Ctx {
            store: &mut self.store,
            timers: &mut self.timers,
            now,
        };
        let owner = |ctx: &Ctx<'_>, p: PodId| {
            let j = ctx.store.pod(p).job;
            ctx.store.live_job(j).map(|_| j)
        };
        match w {
            Watch::PodAdded(p) => {
                self.kubelet.on_pod_added(&mut ctx, p);
                if let Some(j) = owner(&ctx, p) {
                    self.job_ctrl.enqueue_batched(ctx.timers, j, now);
                }
            }
            Watch::PodUpdated(p) => {
                if let Some(j) = owner(&ctx, p) {
                    self.job_ctrl.enqueue_batched(ctx.timers, j, now);
                }
            }
            Watch::PodRemoved(p) => {
                self.kubelet.forget(p);
                if let Some(j) = owner(&ctx, p) {
                    self.job_ctrl.enqueue_batched(ctx.timers, j, now);
                }
            }
            Watch::PodDeleting(p) => {
                self.kubelet.on_pod_deleting(&mut ctx, p);
                if let Some(j) = owner(&ctx, p) {
                    self.job_ctrl.enqueue_batched(ctx.timers, j, now);
                }
            }
            Watch::JobAdded(j) | Watch::JobSpecUpdated(j) => {
                self.job_ctrl.enqueue(ctx.timers, j, now);
                if let Some(c) = self.cron_ctrl.as_mut() {
                    c.on_job_changed(&mut ctx, j);
                }
                ttl::on_job_changed(&mut ctx, j);
            }
            Watch::JobStatusUpdated(j) => {
                self.job_ctrl.enqueue_batched(ctx.timers, j, now);
                if let Some(c) = self.cron_ctrl.as_mut() {
                    c.on_job_changed(&mut ctx, j);
                }
                ttl::on_job_changed(&mut ctx, j);
                if self.root == Root::Job(j) && self.finished_at.is_none() {
                    if let Some(t) = ctx.store.job(j).finished_at {
                        self.finished_at = Some(t);
                    }
                }
            }
            Watch::JobDeleting(j) | Watch::JobRemoved(j) => {
                self.job_ctrl.on_job_deleted(&mut ctx, j);
                if let Some(c) = self.cron_ctrl.as_mut() {
                    c.on_job_changed(&mut ctx, j);
                }
            }
        }
    }

    fn root_job(&self) -> Option<JobId> {
        match self.root {
            Root::Job(j) => Some(j),
            Root::CronJob => None,
        }
    }

    /// Pods an action's selector names (live pods; without `all`, only those not yet terminal).
    pub fn select_pods(&self, sel: &PodSelector) -> Vec<PodId> {
        let all = sel.all == Some(true);
        self.store
            .pods()
            .filter(|(_, r)| r.removed_at.is_none() && !r.is_terminal() && !r.is_deleting())
            .filter(|(_, r)| {
                if let Some(n) = &sel.name {
                    return r.name() == n;
                }
                if all && sel.index.is_none() && sel.pod.is_none() && sel.job.is_none() {
                    return true;
                }
                if let Some(l) = &sel.index {
                    if !r.index.is_some_and(|i| l.contains(i.0)) {
                        return false;
                    }
                }
                if let Some(l) = &sel.pod {
                    if !l.contains(r.ordinal) {
                        return false;
                    }
                }
                if let Some(l) = &sel.job {
                    if !self
                        .store
                        .job(r.job)
                        .cron_ordinal
                        .is_some_and(|o| l.contains(o))
                    {
                        return false;
                    }
                }
                sel.index.is_some() || sel.pod.is_some() || sel.job.is_some()
            })
            .map(|(i, _)| i)
            .collect()
    }

    fn run_action(&mut self, i: usize) {
        let now = self.now;
        let Some((_, kind)) = self.actions.get(i).cloned() else {
            return;
        };
        match kind {
            ActionKind::Patch(patch) => self.apply_patch(i, &patch),
            ActionKind::Suspend(b) => {
                self.apply_patch(i, &serde_json::json!({"spec": {"suspend": b}}))
            }
            ActionKind::DeletePod(sel) => {
                for p in self.select_pods(&sel) {
                    let job = self.store.pod(p).job;
                    self.store.delete_pod(p, now);
                    self.store.note(now, job, Cause::DeletedByUser);
                }
            }
            ActionKind::EvictPod(sel) => {
                for p in self.select_pods(&sel) {
                    let job = self.store.pod(p).job;
                    let mut ctx = Ctx {
                        store: &mut self.store,
                        timers: &mut self.timers,
                        now,
                    };
                    self.kubelet.evict(&mut ctx, p);
                    self.store.note(now, job, Cause::Evicted);
                }
            }
            ActionKind::AddPodCondition(c) => {
                for p in self.select_pods(&c.selector()) {
                    let status = c.status.clone().unwrap_or_else(|| "True".into());
                    self.store.update_pod_status(p, now, |s| {
                        s.set_condition_text(
                            c.type_.clone().into(),
                            status.clone().into(),
                            c.reason.clone().map(Into::into),
                            c.message.clone().map(Into::into),
                            now,
                        );
                    });
                }
            }
            ActionKind::DeleteJob(d) => {
                let policy = match d.propagation_policy.as_deref() {
                    Some("Foreground") => Propagation::Foreground,
                    Some("Orphan") => Propagation::Orphan,
                    _ => Propagation::Background,
                };
                match self.root {
                    Root::Job(j) => self.store.delete_job(j, now, policy),
                    Root::CronJob => {
                        if let Some(c) = self.cron_ctrl.as_mut() {
                            c.deleted = true;
                            // Background and orphan deletion remove the object at once;
                            // foreground deletion keeps it until its Jobs are gone.
                            c.gone = policy != Propagation::Foreground;
                        }
                        if let Some(cj) = self.store.cronjob.as_mut() {
                            cj.metadata.deletion_timestamp = Some(now);
                        }
                        if policy != Propagation::Orphan {
                            let jobs: Vec<JobId> = self.store.job_ids().collect();
                            for j in jobs {
                                self.store.delete_job(j, now, policy);
                            }
                        }
                    }
                }
            }
        }
    }

    fn apply_patch(&mut self, i: usize, patch: &serde_json::Value) {
        let now = self.now;
        let current = match self.root {
            Root::Job(j) => {
                let rec = self.store.job(j);
                if rec.removed_at.is_some() {
                    self.action_errors.push((
                        i,
                        now,
                        format!("jobs.batch {:?} not found", rec.job.name()),
                    ));
                    return;
                }
                Workload::Job(Box::new(rec.job.clone()))
            }
            Root::CronJob => match &self.store.cronjob {
                Some(c) => Workload::CronJob(Box::new(c.clone())),
                None => return,
            },
        };
        let next = match api::patch::apply_to_workload(&current, patch) {
            Ok(n) => n,
            Err(e) => {
                self.action_errors.push((i, now, e));
                return;
            }
        };
        let errs = match (&current, &next) {
            (Workload::Job(o), Workload::Job(n)) => api::validation::validate_job_update(o, n),
            (Workload::CronJob(o), Workload::CronJob(n)) => {
                api::validation::validate_cronjob_update(o, n)
            }
            _ => Vec::new(),
        };
        if !errs.is_empty() {
            let inv = api::Invalid {
                kind: current.kind().into(),
                name: current.name().into(),
                errors: errs,
            };
            self.action_errors.push((i, now, inv.to_string()));
            return;
        }
        match (self.root_job(), next) {
            (Some(j), Workload::Job(n)) => self.store.update_job(j, *n),
            (None, Workload::CronJob(n)) => {
                self.store.cronjob = Some(*n);
                self.timers.push(now, Timer::CronSync);
                if let Some(c) = self.cron_ctrl.as_mut() {
                    c.requeue_now(now);
                }
            }
            _ => {}
        }
    }

    /// The Job the simulation is about (for a CronJob: the most recent one it created).
    pub fn main_job(&self) -> Option<JobId> {
        match self.root {
            Root::Job(j) => Some(j),
            Root::CronJob => self.store.newest_job(),
        }
    }
}
