//! The simulated kubelet (and scheduler): it runs pods the API server holds,
//! moving them Pending -> Running -> Succeeded/Failed, restarting containers in
//! place under `restartPolicy: OnFailure` with crash-loop delays, stopping
//! containers of deleted pods within their grace period, enforcing a pod's own
//! activeDeadlineSeconds, and draining the Scenario's work queue. It talks to the
//! Job controller only through pod objects in the store.

use super::behaviour::{Behaviour, ContainerRun, PodKey, PodPlan};
use super::store::PodId;
use super::timers::Timer;
use super::Ctx;
use crate::api::{ContainerState, ContainerStatus, PodPhase, RestartPolicy, Time};
use crate::scenario::command::{Env, LogLine};

/// Kubelet crash-loop delays: 10 s doubling, at most 300 s.
const CRASHLOOP_BASE_MS: u64 = 10_000;
const CRASHLOOP_MAX_MS: u64 = 300_000;
/// Exit codes of a container stopped by SIGTERM and by SIGKILL.
pub const EXIT_SIGTERM: i32 = 143;
pub const EXIT_SIGKILL: i32 = 137;

/// What the kubelet knows about one container of a pod.
#[derive(Clone, Debug, Default)]
pub struct ContainerRuntime {
    /// Restart count (= the number of the current run).
    pub run: u32,
    pub current: Option<ContainerRun>,
    pub started_at: Time,
    /// Everything printed, with absolute virtual times.
    pub logs: Vec<(Time, LogLine)>,
    pub items_done: u32,
    pub running: bool,
    pub last_exit: Option<i32>,
}

/// What the kubelet knows about one pod.
#[derive(Clone, Debug)]
pub struct PodRuntime {
    pub plan: PodPlan,
    pub key: PodKey,
    pub containers: Vec<ContainerRuntime>,
    pub init_containers: Vec<ContainerRuntime>,
    /// Index of the init container running, if init containers are still running.
    pub init_running: Option<usize>,
    pub stopping: bool,
    /// Files in the pod's volumes, written by its containers' commands.
    pub files: std::collections::BTreeMap<String, String>,
}

/// The kubelet with the behaviour it plays.
#[derive(Clone, Debug)]
pub struct Kubelet {
    /// The runtime of each pod on the node, until the pod leaves the API or finishes
    /// without logs to show: sorted by pod id (pods are added in id order), boxed so
    /// that the list stays small to move.
    pods: Vec<(u32, Box<PodRuntime>)>,
    pub behaviour: Behaviour,
    pub queue_left: u32,
    pub queue_total: u32,
    pub item_ms: u64,
}

fn crashloop_delay(restart_no: u32) -> u64 {
    // Restart 1 happens 1 s after the first exit, then 10 s, 20 s, 40 s ... at most 300 s.
    if restart_no <= 1 {
        return 1000;
    }
    let shift = (restart_no - 2).min(20);
    (CRASHLOOP_BASE_MS << shift).min(CRASHLOOP_MAX_MS)
}

fn waiting(reason: &str, message: Option<String>) -> ContainerState {
    ContainerState::Waiting {
        reason: reason.to_string(),
        message,
    }
}

impl Kubelet {
    pub fn new(behaviour: Behaviour, queue_items: u32, item_ms: u64) -> Kubelet {
        Kubelet {
            pods: Vec::new(),
            behaviour,
            queue_left: queue_items,
            queue_total: queue_items,
            item_ms,
        }
    }

    fn slot(&self, id: PodId) -> Result<usize, usize> {
        match self.pods.last() {
            Some((last, _)) if *last < id.0 => Err(self.pods.len()),
            None => Err(0),
            _ => self.pods.binary_search_by_key(&id.0, |(i, _)| *i),
        }
    }

    /// The runtimes the kubelet holds, in pod order.
    pub fn runtimes(&self) -> impl Iterator<Item = &PodRuntime> + '_ {
        self.pods.iter().map(|(_, r)| &**r)
    }

    pub fn runtime(&self, id: PodId) -> Option<&PodRuntime> {
        let i = self.slot(id).ok()?;
        Some(&self.pods[i].1)
    }
    fn rt_mut(&mut self, id: PodId) -> Option<&mut PodRuntime> {
        let i = self.slot(id).ok()?;
        Some(&mut self.pods[i].1)
    }

    /// Environment a container of the pod sees.
    fn env(&self, ctx: &Ctx<'_>, id: PodId, c_index: usize, init: bool) -> Env {
        let rec = ctx.store.pod(id);
        let pod = &rec.pod;
        let containers = if init {
            pod.spec.init_containers()
        } else {
            pod.spec.containers()
        };
        let mut env = Env {
            start_unix: self.behaviour.epoch_unix + (ctx.now.0 / 1000) as i64,
            files: self
                .runtime(id)
                .map(|rt| rt.files.clone())
                .unwrap_or_default(),
            ..Default::default()
        };
        env.vars.insert(
            "HOSTNAME".into(),
            pod.spec
                .hostname
                .clone()
                .unwrap_or_else(|| pod.metadata.name().to_string()),
        );
        if let Some(c) = containers.get(c_index) {
            for e in c.env() {
                if let Some(v) = &e.value {
                    env.vars.insert(e.name.clone(), v.clone());
                } else if let Some(path) = e
                    .value_from
                    .as_ref()
                    .and_then(|v| v.pointer("/fieldRef/fieldPath"))
                    .and_then(|v| v.as_str())
                {
                    if let Some(v) = resolve_field_path(pod, path) {
                        env.vars.insert(e.name.clone(), v);
                    }
                }
            }
        }
        env
    }

    /// A pod was created: it is scheduled at once and starts after `startSeconds`.
    pub fn on_pod_added(&mut self, ctx: &mut Ctx<'_>, id: PodId) {
        let rec = ctx.store.pod(id);
        let job_ordinal = ctx.store.job(rec.job).cron_ordinal;
        let key = PodKey::of(rec, job_ordinal);
        let plan = self.behaviour.pod_plan(key);
        let n = rec.pod.spec.containers().len();
        let ni = rec.pod.spec.init_containers().len();
        let waiting_reason = if ni > 0 {
            "PodInitializing"
        } else {
            "ContainerCreating"
        };
        let never = plan.never_starts.clone();
        let start_at = ctx.now.plus_ms(plan.start_ms);
        let rt = PodRuntime {
            plan,
            key,
            containers: vec![ContainerRuntime::default(); n],
            init_containers: vec![ContainerRuntime::default(); ni],
            init_running: None,
            stopping: false,
            files: Default::default(),
        };
        match self.slot(id) {
            Ok(i) => *self.pods[i].1 = rt,
            Err(i) => self.pods.insert(i, (id.0, Box::new(rt))),
        }
        let now = ctx.now;
        let rec = ctx.store.pod_mut(id);
        let pod = &mut rec.pod;
        pod.status.phase = PodPhase::Pending;
        pod.status.start_time = Some(now);
        pod.status
            .set_condition("PodScheduled", "True", None, None, now);
        let reason = never.clone().unwrap_or_else(|| waiting_reason.to_string());
        pod.status.init_container_statuses = pod
            .spec
            .init_containers()
            .iter()
            .map(|c| status_of(c, waiting(&reason, None)))
            .collect();
        pod.status.container_statuses = pod
            .spec
            .containers()
            .iter()
            .map(|c| status_of(c, waiting(&reason, None)))
            .collect();
        if never.is_none() {
            ctx.timers.push(start_at, Timer::PodStart(id));
        }
    }

    /// Scheduling and image pull are done: start init containers, or the containers.
    pub fn on_pod_start(&mut self, ctx: &mut Ctx<'_>, id: PodId) {
        let rec = ctx.store.pod(id);
        if rec.removed_at.is_some() || rec.is_deleting() || rec.is_terminal() {
            return;
        }
        let has_init = !rec.pod.spec.init_containers().is_empty();
        if let Some(ads) = rec.pod.spec.active_deadline_seconds {
            let start = rec.pod.status.start_time.unwrap_or(ctx.now);
            ctx.timers.push(
                start.plus_ms(ads.max(0) as u64 * 1000),
                Timer::PodDeadline(id),
            );
        }
        if has_init {
            self.start_container(ctx, id, 0, true);
        } else {
            self.start_main_containers(ctx, id);
        }
    }

    fn start_main_containers(&mut self, ctx: &mut Ctx<'_>, id: PodId) {
        let n = ctx.store.pod(id).pod.spec.containers().len();
        let now = ctx.now;
        ctx.store.update_pod_status(id, now, |s| {
            s.phase = PodPhase::Running;
            s.set_condition("Initialized", "True", None, None, now);
        });
        for c in 0..n {
            self.start_container(ctx, id, c, false);
        }
        self.refresh_ready(ctx, id);
    }

    /// Start (or restart) one container and set the timer for its exit.
    fn start_container(&mut self, ctx: &mut Ctx<'_>, id: PodId, c: usize, init: bool) {
        let env = self.env(ctx, id, c, init);
        let now = ctx.now;
        let Some(rt) = self.rt_mut(id) else { return };
        let key = rt.key;
        let crt = if init {
            &mut rt.init_containers[c]
        } else {
            &mut rt.containers[c]
        };
        let run_no = crt.run;
        let container = {
            let spec = &ctx.store.pod(id).pod.spec;
            let list = if init {
                spec.init_containers()
            } else {
                spec.containers()
            };
            list[c].clone()
        };
        let run = self
            .behaviour
            .container_run(key, c, &container, run_no, &env);
        let mut run = run;
        let Some(rt) = self.rt_mut(id) else { return };
        rt.files = std::mem::take(&mut run.files);
        if init {
            rt.init_running = Some(c);
        }
        let crt = if init {
            &mut rt.init_containers[c]
        } else {
            &mut rt.containers[c]
        };
        crt.started_at = now;
        crt.running = true;
        for (off, line) in std::mem::take(&mut run.logs) {
            crt.logs.push((now.plus_ms(off), line));
        }
        let c16 = c as u16 + if init { 0x8000 } else { 0 };
        if run.evicted {
            ctx.timers.push(now.plus_ms(run.run_ms), Timer::Evict(id));
        } else if run.from_queue {
            ctx.timers.push(
                now,
                Timer::QueueTake {
                    pod: id,
                    container: c16,
                    run: run_no,
                },
            );
        } else {
            ctx.timers.push(
                now.plus_ms(run.run_ms),
                Timer::ContainerExit {
                    pod: id,
                    container: c16,
                    run: run_no,
                },
            );
        }
        crt.current = Some(run);
        ctx.store.update_pod_status(id, now, |s| {
            let list = if init {
                &mut s.init_container_statuses
            } else {
                &mut s.container_statuses
            };
            if let Some(cs) = list.get_mut(c) {
                if let ContainerState::Terminated { .. } = cs.state {
                    cs.last_state = Some(cs.state.clone());
                }
                cs.state = ContainerState::Running { started_at: now };
                cs.started = true;
                cs.ready = !init;
                cs.restart_count = run_no as i32;
            }
        });
    }

    fn refresh_ready(&mut self, ctx: &mut Ctx<'_>, id: PodId) {
        let now = ctx.now;
        let rec = ctx.store.pod(id);
        let all_running = rec.pod.status.phase == PodPhase::Running
            && !rec.pod.status.container_statuses.is_empty()
            && rec
                .pod
                .status
                .container_statuses
                .iter()
                .all(|c| matches!(c.state, ContainerState::Running { .. }));
        let want = if all_running { "True" } else { "False" };
        let cur_ready = rec.pod.status.condition("Ready").map(|c| c.status.clone());
        if cur_ready.as_deref() != Some(want) {
            ctx.store.update_pod_status(id, now, |s| {
                let reason = if all_running {
                    None
                } else {
                    Some("PodCompleted")
                };
                let reason = if s.phase.is_terminal() {
                    reason
                } else if all_running {
                    None
                } else {
                    Some("ContainersNotReady")
                };
                s.set_condition("ContainersReady", want, reason, None, now);
                s.set_condition("Ready", want, reason, None, now);
            });
        }
    }

    fn decode_c(c: u16) -> (usize, bool) {
        ((c & 0x7fff) as usize, c & 0x8000 != 0)
    }

    /// A work-queue consumer takes the next item, or exits 0 when the queue is empty.
    pub fn on_queue_take(&mut self, ctx: &mut Ctx<'_>, id: PodId, c16: u16, run: u32) {
        let (c, init) = Self::decode_c(c16);
        if !self.is_current(ctx, id, c, init, run) {
            return;
        }
        let now = ctx.now;
        if self.queue_left == 0 {
            self.container_exited(ctx, id, c, init, 0, None);
            return;
        }
        let item = self.queue_total - self.queue_left + 1;
        self.queue_left -= 1;
        let item_ms = self.item_ms;
        if let Some(rt) = self.rt_mut(id) {
            let crt = if init {
                &mut rt.init_containers[c]
            } else {
                &mut rt.containers[c]
            };
            crt.items_done += 1;
            crt.logs
                .push((now, LogLine::Text(format!("processing item {item}"))));
        }
        ctx.timers.push(
            now.plus_ms(item_ms.max(1)),
            Timer::QueueTake {
                pod: id,
                container: c16,
                run,
            },
        );
    }

    fn is_current(&self, ctx: &Ctx<'_>, id: PodId, c: usize, init: bool, run: u32) -> bool {
        let rec = ctx.store.pod(id);
        if rec.removed_at.is_some() || rec.is_terminal() {
            return false;
        }
        match self.runtime(id) {
            Some(rt) => {
                let crt = if init {
                    rt.init_containers.get(c)
                } else {
                    rt.containers.get(c)
                };
                crt.is_some_and(|crt| crt.running && crt.run == run) && !rt.stopping
            }
            None => false,
        }
    }

    /// A container's process exits on its own.
    pub fn on_container_exit(&mut self, ctx: &mut Ctx<'_>, id: PodId, c16: u16, run: u32) {
        let (c, init) = Self::decode_c(c16);
        if !self.is_current(ctx, id, c, init, run) {
            return;
        }
        let (code, reason) = {
            let rt = self.runtime(id).expect("current");
            let crt = if init {
                &rt.init_containers[c]
            } else {
                &rt.containers[c]
            };
            let r = crt.current.as_ref().expect("running");
            (r.exit_code, r.reason.clone())
        };
        self.container_exited(ctx, id, c, init, code, reason);
    }

    fn container_exited(
        &mut self,
        ctx: &mut Ctx<'_>,
        id: PodId,
        c: usize,
        init: bool,
        code: i32,
        reason: Option<String>,
    ) {
        let now = ctx.now;
        let restart_policy = ctx
            .store
            .pod(id)
            .pod
            .spec
            .restart_policy
            .clone()
            .unwrap_or(RestartPolicy::Never);
        let reason = reason.unwrap_or_else(|| {
            if code == 0 {
                "Completed".into()
            } else {
                "Error".into()
            }
        });
        let started_at;
        {
            let rt = self.rt_mut(id).expect("runtime");
            let crt = if init {
                &mut rt.init_containers[c]
            } else {
                &mut rt.containers[c]
            };
            crt.running = false;
            crt.last_exit = Some(code);
            started_at = crt.started_at;
            crt.logs.retain(|(t, _)| *t <= now);
        }
        let terminated = ContainerState::Terminated {
            exit_code: code,
            reason,
            message: None,
            started_at,
            finished_at: now,
        };
        let restart = code != 0 && restart_policy != RestartPolicy::Never;
        let run = self
            .runtime(id)
            .map(|rt| {
                if init {
                    rt.init_containers[c].run
                } else {
                    rt.containers[c].run
                }
            })
            .unwrap_or(0);
        let name = {
            let spec = &ctx.store.pod(id).pod.spec;
            let list = if init {
                spec.init_containers()
            } else {
                spec.containers()
            };
            list.get(c)
                .map(|x| x.name().to_string())
                .unwrap_or_default()
        };
        let delay = crashloop_delay(run + 1);
        ctx.store.update_pod_status(id, now, |s| {
            let list = if init {
                &mut s.init_container_statuses
            } else {
                &mut s.container_statuses
            };
            if let Some(cs) = list.get_mut(c) {
                cs.ready = false;
                if restart && delay > 1000 {
                    cs.last_state = Some(terminated.clone());
                    cs.state = waiting(
                        "CrashLoopBackOff",
                        Some(format!(
                            "back-off {} restarting failed container={name} pod=",
                            crate::view::duration::human(delay)
                        )),
                    );
                } else {
                    cs.state = terminated.clone();
                }
            }
        });
        if restart {
            ctx.store.pod_mut(id).restarted_at.push(now);
            ctx.timers.push(
                now.plus_ms(delay),
                Timer::ContainerRestart {
                    pod: id,
                    container: c as u16 + if init { 0x8000 } else { 0 },
                    run,
                },
            );
            self.refresh_ready(ctx, id);
            return;
        }
        if init {
            if code == 0 {
                let ni = ctx.store.pod(id).pod.spec.init_containers().len();
                if c + 1 < ni {
                    self.start_container(ctx, id, c + 1, true);
                } else {
                    if let Some(rt) = self.rt_mut(id) {
                        rt.init_running = None;
                    }
                    self.start_main_containers(ctx, id);
                }
            } else {
                self.finish_pod(ctx, id);
            }
            return;
        }
        self.maybe_finish(ctx, id);
        self.refresh_ready(ctx, id);
    }

    /// A restartPolicy OnFailure container starts again.
    pub fn on_container_restart(&mut self, ctx: &mut Ctx<'_>, id: PodId, c16: u16, run: u32) {
        let (c, init) = Self::decode_c(c16);
        let rec = ctx.store.pod(id);
        if rec.removed_at.is_some() || rec.is_terminal() || rec.is_deleting() {
            return;
        }
        let Some(rt) = self.rt_mut(id) else { return };
        if rt.stopping {
            return;
        }
        let crt = if init {
            &mut rt.init_containers[c]
        } else {
            &mut rt.containers[c]
        };
        if crt.running || crt.run != run {
            return;
        }
        crt.run += 1;
        self.start_container(ctx, id, c, init);
        self.refresh_ready(ctx, id);
    }

    /// With every container terminated and none to restart, the pod reaches its phase.
    fn maybe_finish(&mut self, ctx: &mut Ctx<'_>, id: PodId) {
        let rec = ctx.store.pod(id);
        let all_done = rec
            .pod
            .status
            .container_statuses
            .iter()
            .all(|c| matches!(c.state, ContainerState::Terminated { .. }));
        if all_done {
            self.finish_pod(ctx, id);
        }
    }

    fn finish_pod(&mut self, ctx: &mut Ctx<'_>, id: PodId) {
        let now = ctx.now;
        let ok = {
            let s = &ctx.store.pod(id).pod.status;
            s.container_statuses
                .iter()
                .chain(s.init_container_statuses.iter())
                .all(|c| match &c.state {
                    ContainerState::Terminated { exit_code, .. } => *exit_code == 0,
                    _ => c.last_state.as_ref().is_some_and(|l| {
                        matches!(l, ContainerState::Terminated { exit_code: 0, .. })
                    }),
                })
                && !s.container_statuses.is_empty()
        };
        ctx.store.update_pod_status(id, now, |s| {
            s.phase = if ok {
                PodPhase::Succeeded
            } else {
                PodPhase::Failed
            };
            let reason = Some("PodCompleted");
            s.set_condition("Ready", "False", reason, None, now);
            s.set_condition("ContainersReady", "False", reason, None, now);
        });
        self.forget_if_silent(ctx, id);
    }

    /// The pod left the API: its runtime (and logs, as on a real node) are gone.
    pub fn forget(&mut self, id: PodId) {
        if let Ok(i) = self.slot(id) {
            self.pods.remove(i);
        }
    }

    /// A terminal pod whose containers printed nothing needs nothing more from the
    /// kubelet: drop its runtime (big runs keep tens of thousands of finished pods).
    fn forget_if_silent(&mut self, ctx: &Ctx<'_>, id: PodId) {
        if !ctx.store.pod(id).is_terminal() {
            return;
        }
        let silent = self.runtime(id).is_some_and(|rt| {
            rt.containers
                .iter()
                .chain(rt.init_containers.iter())
                .all(|c| c.logs.is_empty())
        });
        if silent {
            self.forget(id);
        }
    }

    /// The pod got a deletionTimestamp: stop its containers within the grace period.
    pub fn on_pod_deleting(&mut self, ctx: &mut Ctx<'_>, id: PodId) {
        let now = ctx.now;
        let rec = ctx.store.pod(id);
        if rec.removed_at.is_some() || rec.is_terminal() {
            return;
        }
        let grace_ms = rec.pod.spec.grace_period_seconds().max(0) as u64 * 1000;
        let started = rec.pod.status.phase == PodPhase::Running;
        let Some(rt) = self.rt_mut(id) else { return };
        if rt.stopping {
            return;
        }
        rt.stopping = true;
        if !started {
            // A pending pod that is deleted is moved to Failed at once.
            ctx.store.update_pod_status(id, now, |s| {
                s.phase = PodPhase::Failed;
                for cs in s
                    .container_statuses
                    .iter_mut()
                    .chain(s.init_container_statuses.iter_mut())
                {
                    if let ContainerState::Waiting { .. } = cs.state {
                        cs.state = ContainerState::Terminated {
                            exit_code: EXIT_SIGKILL,
                            reason: "ContainerStatusUnknown".into(),
                            message: Some(
                                "The container could not be located when the pod was terminated"
                                    .into(),
                            ),
                            started_at: now,
                            finished_at: now,
                        };
                    }
                }
            });
            return;
        }
        let any_running = rt
            .containers
            .iter()
            .chain(rt.init_containers.iter())
            .any(|c| c.running);
        let stop = if any_running {
            rt.plan.stop_ms.min(grace_ms)
        } else {
            0
        };
        ctx.timers.push(now.plus_ms(stop), Timer::PodStopped(id));
    }

    /// The containers of a terminating pod have stopped (SIGTERM, or SIGKILL at the grace period).
    pub fn on_pod_stopped(&mut self, ctx: &mut Ctx<'_>, id: PodId) {
        let now = ctx.now;
        let rec = ctx.store.pod(id);
        if rec.removed_at.is_some() || rec.is_terminal() {
            return;
        }
        let grace_ms = rec.pod.spec.grace_period_seconds().max(0) as u64 * 1000;
        let Some(rt) = self.rt_mut(id) else { return };
        let killed = rt.plan.stop_ms > grace_ms;
        let code = if killed { EXIT_SIGKILL } else { EXIT_SIGTERM };
        let mut stopped = Vec::new();
        for (i, c) in rt.containers.iter_mut().enumerate() {
            if c.running {
                c.running = false;
                c.last_exit = Some(code);
                c.logs.retain(|(t, _)| *t <= now);
                stopped.push((i, c.started_at, false));
            }
        }
        for (i, c) in rt.init_containers.iter_mut().enumerate() {
            if c.running {
                c.running = false;
                c.last_exit = Some(code);
                stopped.push((i, c.started_at, true));
            }
        }
        ctx.store.update_pod_status(id, now, |s| {
            for (i, started_at, init) in &stopped {
                let list = if *init {
                    &mut s.init_container_statuses
                } else {
                    &mut s.container_statuses
                };
                if let Some(cs) = list.get_mut(*i) {
                    cs.ready = false;
                    cs.state = ContainerState::Terminated {
                        exit_code: code,
                        reason: "Error".into(),
                        message: None,
                        started_at: *started_at,
                        finished_at: now,
                    };
                }
            }
            // Containers waiting for a restart are not restarted.
            for cs in s.container_statuses.iter_mut() {
                if let ContainerState::Waiting { .. } = cs.state {
                    if let Some(last) = cs.last_state.take() {
                        cs.state = last;
                    }
                }
            }
        });
        self.finish_pod(ctx, id);
    }

    /// The pod's own activeDeadlineSeconds passed: the kubelet kills it. As on a real node
    /// (kubernetes#98718), the pod turns Failed with reason DeadlineExceeded while its
    /// container statuses keep their last state (running, not ready): no exit code is
    /// recorded, so pod failure policy rules on exit codes do not match it.
    pub fn on_pod_deadline(&mut self, ctx: &mut Ctx<'_>, id: PodId) {
        let now = ctx.now;
        let rec = ctx.store.pod(id);
        if rec.removed_at.is_some() || rec.is_terminal() {
            return;
        }
        let Some(rt) = self.rt_mut(id) else { return };
        rt.stopping = true;
        for c in rt
            .containers
            .iter_mut()
            .chain(rt.init_containers.iter_mut())
        {
            if c.running {
                c.running = false;
                c.logs.retain(|(t, _)| *t <= now);
            }
        }
        ctx.store.update_pod_status(id, now, |s| {
            for cs in s
                .container_statuses
                .iter_mut()
                .chain(s.init_container_statuses.iter_mut())
            {
                cs.ready = false;
            }
            s.phase = PodPhase::Failed;
            s.reason = Some("DeadlineExceeded".into());
            s.message =
                Some("Pod was active on the node longer than the specified deadline".into());
            s.set_condition("Ready", "False", Some("PodFailed"), None, now);
            s.set_condition("ContainersReady", "False", Some("PodFailed"), None, now);
        });
    }

    /// Eviction: the DisruptionTarget condition, then graceful deletion.
    pub fn evict(&mut self, ctx: &mut Ctx<'_>, id: PodId) {
        let now = ctx.now;
        let rec = ctx.store.pod(id);
        if rec.removed_at.is_some() || rec.is_terminal() || rec.is_deleting() {
            return;
        }
        ctx.store.update_pod_status(id, now, |s| {
            s.set_condition(
                "DisruptionTarget",
                "True",
                Some("EvictionByEvictionAPI"),
                Some("Eviction API: evicting"),
                now,
            );
        });
        ctx.store.delete_pod(id, now);
    }

    /// The lines a container printed up to `now` (all runs), as `kubectl logs` shows them.
    pub fn logs(&self, id: PodId, container: usize, now: Time) -> String {
        let Some(rt) = self.runtime(id) else {
            return String::new();
        };
        let Some(c) = rt.containers.get(container) else {
            return String::new();
        };
        let mut out = String::new();
        for (t, line) in &c.logs {
            if *t <= now {
                out.push_str(&line.render());
                out.push('\n');
            }
        }
        out
    }
}

fn status_of(c: &crate::api::Container, state: ContainerState) -> ContainerStatus {
    ContainerStatus {
        name: c.name().to_string(),
        image: c.image.clone().unwrap_or_default(),
        ready: false,
        restart_count: 0,
        started: false,
        state,
        last_state: None,
    }
}

/// Resolve a downward-API `fieldPath` against the pod.
fn resolve_field_path(pod: &crate::api::Pod, path: &str) -> Option<String> {
    let key_in = |prefix: &str| -> Option<String> {
        let rest = path.strip_prefix(prefix)?;
        let rest = rest
            .strip_prefix("['")
            .or_else(|| rest.strip_prefix("[\""))?;
        Some(
            rest.trim_end_matches("']")
                .trim_end_matches("\"]")
                .to_string(),
        )
    };
    match path {
        "metadata.name" => pod.metadata.name.clone(),
        "metadata.namespace" => Some(pod.metadata.namespace().to_string()),
        "metadata.uid" => pod.metadata.uid.clone(),
        "spec.nodeName" => Some("playground-node".into()),
        "spec.serviceAccountName" => Some(
            pod.spec
                .service_account_name
                .clone()
                .unwrap_or_else(|| "default".into()),
        ),
        "status.hostIP" => Some("10.0.0.1".into()),
        "status.podIP" => Some("10.244.0.10".into()),
        _ => {
            if let Some(k) = key_in("metadata.labels") {
                return pod.metadata.label(&k).map(str::to_string);
            }
            if let Some(k) = key_in("metadata.annotations") {
                return pod.metadata.annotation(&k).map(str::to_string);
            }
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crashloop_delays() {
        let d: Vec<u64> = (1..=8).map(crashloop_delay).collect();
        assert_eq!(
            d,
            vec![1000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]
        );
    }
}
