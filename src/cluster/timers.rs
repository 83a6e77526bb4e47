//! The virtual clock's timer queue: what is due when, in a fixed order (time,
//! then the order timers were set), so that runs are repeatable to the byte.

use super::store::{JobId, PodId};
use crate::api::Time;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};

/// Something that happens at a virtual time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Timer {
    /// The Job controller's work queue hands out this Job.
    JobSync(JobId),
    /// The CronJob controller's work queue hands out the CronJob.
    CronSync,
    /// The TTL-after-finished controller looks at this Job again.
    TtlCheck(JobId),
    /// The kubelet: scheduling and image pull are done, containers start.
    PodStart(PodId),
    /// A container's process exits (its run number guards against stale timers).
    ContainerExit {
        pod: PodId,
        container: u16,
        run: u32,
    },
    /// The kubelet restarts a container (restartPolicy OnFailure).
    ContainerRestart {
        pod: PodId,
        container: u16,
        run: u32,
    },
    /// A work-queue consumer finished an item and takes the next.
    QueueTake {
        pod: PodId,
        container: u16,
        run: u32,
    },
    /// A scripted eviction of a running pod.
    Evict(PodId),
    /// A terminating pod's containers have stopped.
    PodStopped(PodId),
    /// The pod's own activeDeadlineSeconds.
    PodDeadline(PodId),
    /// A Scenario action.
    Action(u32),
}

impl Timer {
    /// Order among timers due at the same instant: scripted actions, then the
    /// controllers' work queues, then the kubelet. A pod change at an instant is
    /// seen by the controllers a moment later, as status updates take time to
    /// reach them in a real cluster.
    fn class(&self) -> u8 {
        match self {
            Timer::Action(_) => 0,
            Timer::JobSync(_) | Timer::CronSync | Timer::TtlCheck(_) => 1,
            _ => 2,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct TimerQueue {
    heap: BinaryHeap<Reverse<(Time, u8, u64, Timer)>>,
    seq: u64,
}

impl TimerQueue {
    pub fn push(&mut self, at: Time, t: Timer) {
        self.seq += 1;
        self.heap.push(Reverse((at, t.class(), self.seq, t)));
    }
    pub fn next_time(&self) -> Option<Time> {
        self.heap.peek().map(|Reverse((t, _, _, _))| *t)
    }
    /// Pop the next timer if it is due at or before `t`.
    pub fn pop_due(&mut self, t: Time) -> Option<(Time, Timer)> {
        match self.heap.peek() {
            Some(Reverse((at, _, _, _))) if *at <= t => {
                self.heap.pop().map(|Reverse((at, _, _, tm))| (at, tm))
            }
            _ => None,
        }
    }
    pub fn len(&self) -> usize {
        self.heap.len()
    }
    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }
    /// The earliest time among the timers `f` accepts.
    pub fn min_time_where(&self, f: impl Fn(&Timer) -> bool) -> Option<Time> {
        self.heap
            .iter()
            .filter(|Reverse((_, _, _, t))| f(t))
            .map(|Reverse((at, _, _, _))| *at)
            .min()
    }
    /// Every pending timer, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &Timer> + '_ {
        self.heap.iter().map(|Reverse((_, _, _, t))| t)
    }
    /// The pods and Jobs the pending timers name.
    pub fn referenced(&self) -> (HashSet<PodId>, HashSet<JobId>) {
        let (mut pods, mut jobs) = (HashSet::new(), HashSet::new());
        for t in self.iter() {
            match *t {
                Timer::JobSync(j) | Timer::TtlCheck(j) => {
                    jobs.insert(j);
                }
                Timer::PodStart(p)
                | Timer::Evict(p)
                | Timer::PodStopped(p)
                | Timer::PodDeadline(p)
                | Timer::ContainerExit { pod: p, .. }
                | Timer::ContainerRestart { pod: p, .. }
                | Timer::QueueTake { pod: p, .. } => {
                    pods.insert(p);
                }
                Timer::CronSync | Timer::Action(_) => {}
            }
        }
        (pods, jobs)
    }
    /// Whether any timer other than those `ignore` accepts is pending.
    pub fn any(&self, f: impl Fn(&Timer) -> bool) -> bool {
        self.heap.iter().any(|Reverse((_, _, _, t))| f(t))
    }
}
