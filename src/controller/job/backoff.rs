//! Pod-failure backoff (`pkg/controller/job/backoff_utils.go`): the in-memory
//! record of consecutive failures per Job, and the delay before pods are
//! replaced: 10 s doubling per failure, at most 10 minutes.

use crate::api::{ContainerState, Pod, Time};

pub const DEFAULT_BACKOFF_MS: u64 = 10_000;
pub const MAX_BACKOFF_MS: u64 = 600_000;

/// `failuresAfterLastSuccess` and `lastFailureTime` of one Job.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BackoffRecord {
    pub failures_after_last_success: i32,
    pub last_failure_time: Option<Time>,
}

/// The finish time of a pod as the controller reads it: the latest container
/// `finishedAt`; else when Ready turned False; else deletion time; else creation.
pub fn finished_time(pod: &Pod, deletion_requested_at: Option<Time>) -> Time {
    let s = &pod.status;
    let mut latest: Option<Time> = None;
    let mut all_terminated = !s.container_statuses.is_empty();
    for c in &s.container_statuses {
        match &c.state {
            ContainerState::Terminated { finished_at, .. } => {
                latest = Some(latest.map_or(*finished_at, |l| l.max(*finished_at)));
            }
            _ => all_terminated = false,
        }
    }
    if all_terminated {
        if let Some(t) = latest {
            return t;
        }
    }
    if let Some(c) = s.condition("Ready") {
        if c.status == "False" {
            return c.last_transition_time;
        }
    }
    if let Some(t) = deletion_requested_at {
        return t;
    }
    pod.metadata.creation_timestamp.unwrap_or_default()
}

/// The delay after `failures` consecutive failures: `min(10 s * 2^(n-1), 10 min)`.
pub fn delay_for(failures: i32) -> u64 {
    if failures <= 0 {
        return 0;
    }
    let mut d = DEFAULT_BACKOFF_MS;
    for _ in 1..failures {
        d *= 2;
        if d >= MAX_BACKOFF_MS {
            return MAX_BACKOFF_MS;
        }
    }
    d
}

/// Time left before `failures` failures, the last at `last`, allow a new pod.
pub fn remaining(now: Time, failures: i32, last: Option<Time>) -> u64 {
    let Some(last) = last else { return 0 };
    if failures == 0 {
        return 0;
    }
    let d = delay_for(failures);
    let elapsed = now.0.saturating_sub(last.0);
    d.saturating_sub(elapsed)
}

impl BackoffRecord {
    /// `newBackoffRecord`: fold the pods that finished since the last sync into the record.
    /// `succeeded` and `failed` are the finish times of the newly finished pods.
    pub fn next(self, mut succeeded: Vec<Time>, mut failed: Vec<Time>) -> BackoffRecord {
        crate::sort::sort(&mut succeeded);
        crate::sort::sort(&mut failed);
        let mut r = self;
        if succeeded.is_empty() {
            if failed.is_empty() {
                return r;
            }
            r.failures_after_last_success += failed.len() as i32;
            r.last_failure_time = failed.last().copied();
            return r;
        }
        r.failures_after_last_success = 0;
        r.last_failure_time = None;
        let last_success = *succeeded.last().expect("not empty");
        for f in failed.iter().rev() {
            if *f <= last_success {
                break;
            }
            if r.last_failure_time.is_none() {
                r.last_failure_time = Some(*f);
            }
            r.failures_after_last_success += 1;
        }
        r
    }

    pub fn remaining(&self, now: Time) -> u64 {
        remaining(
            now,
            self.failures_after_last_success,
            self.last_failure_time,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_and_cap_at_ten_minutes() {
        let d: Vec<u64> = (1..=9).map(delay_for).collect();
        assert_eq!(
            d,
            vec![10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 600_000, 600_000, 600_000]
        );
    }

    #[test]
    fn records_reset_after_success() {
        let t = Time::from_secs;
        let r = BackoffRecord::default().next(vec![], vec![t(3)]);
        assert_eq!(
            (r.failures_after_last_success, r.last_failure_time),
            (1, Some(t(3)))
        );
        let r = r.next(vec![], vec![t(10), t(11)]);
        assert_eq!(
            (r.failures_after_last_success, r.last_failure_time),
            (3, Some(t(11)))
        );
        let r = r.next(vec![t(20)], vec![t(15), t(25)]);
        assert_eq!(
            (r.failures_after_last_success, r.last_failure_time),
            (1, Some(t(25)))
        );
        assert_eq!(r.remaining(t(30)), 5_000);
        let r = r.next(vec![t(40)], vec![]);
        assert_eq!(r, BackoffRecord::default());
    }
}
