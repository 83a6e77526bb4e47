//! The most one run may take, so that no input freezes a browser tab or keeps the
//! CLI busy for minutes. Each limit has a name that its message gives.
//!
//! Two are checked before the run, as input errors at their line (the file is then
//! refused, exit status 2 in the CLI): `spec.completions` above [`MAX_COMPLETIONS`]
//! and `spec.stopAfterSeconds` above [`MAX_VIRTUAL_SECONDS`]. The others stop a
//! running simulation where it is: [`super::Cluster::halted`] holds the message,
//! the CLI prints it on stderr with exit status 3 (after the output of what was
//! simulated), and the page shows it on the Job card.

/// The most completions a Job may ask for (the 100,000-index Job is the largest
/// run the playground is measured on).
pub const MAX_COMPLETIONS: i32 = 100_000;
/// The most pods one run may create (retries included).
pub const MAX_PODS: usize = 200_000;
/// The most Jobs a CronJob may create in one run.
pub const MAX_JOBS: usize = 100_000;
/// The most events one run may record.
pub const MAX_EVENTS: usize = 1_000_000;
/// The most virtual time one run may cover: 366 days.
pub const MAX_VIRTUAL_SECONDS: u64 = 366 * 86_400;
/// The most timers (pod starts and exits, controller syncs, actions ...) one run may
/// handle: what bounds a run that makes little but makes it often, such as
/// thousands of pods restarting in place for a year.
pub const MAX_STEPS: u64 = 20_000_000;
/// The most timers one instant may handle before the run is stopped as stuck.
pub const MAX_STEPS_PER_INSTANT: usize = 2_000_000;

/// The limits of one run; [`Limits::default`] holds the constants above (tests
/// use smaller ones).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    pub max_pods: usize,
    pub max_jobs: usize,
    pub max_events: usize,
    pub max_virtual_ms: u64,
    pub max_steps: u64,
    pub max_steps_per_instant: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_pods: MAX_PODS,
            max_jobs: MAX_JOBS,
            max_events: MAX_EVENTS,
            max_virtual_ms: MAX_VIRTUAL_SECONDS * 1000,
            max_steps: MAX_STEPS,
            max_steps_per_instant: MAX_STEPS_PER_INSTANT,
        }
    }
}

/// Which limit stopped a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    Pods,
    Jobs,
    Events,
    VirtualTime,
    Steps,
    StepsPerInstant,
    /// The controllers kept answering each other's changes within one step.
    Feedback,
}

impl Limit {
    /// The limit's name, as its message gives it.
    pub fn name(self) -> &'static str {
        match self {
            Limit::Pods => "pods per run",
            Limit::Jobs => "Jobs per run",
            Limit::Events => "events per run",
            Limit::VirtualTime => "virtual time per run",
            Limit::Steps => "steps per run",
            Limit::StepsPerInstant => "steps per instant",
            Limit::Feedback => "watch deliveries per step",
        }
    }
}

/// `n` with a comma between thousands (`100,000`), as the limits' messages and the
/// page's figures print it.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Limits {
    /// The message of a run stopped by `limit` at `at` (a short virtual time).
    pub fn message(&self, limit: Limit, at: &str) -> String {
        let what = match limit {
            Limit::Pods => format!(
                "it created more than {} pods, the most one run may create",
                thousands(self.max_pods as u64)
            ),
            Limit::Jobs => format!(
                "the CronJob created more than {} Jobs, the most one run may create",
                thousands(self.max_jobs as u64)
            ),
            Limit::Events => format!(
                "it recorded more than {} events, the most one run may record",
                thousands(self.max_events as u64)
            ),
            Limit::VirtualTime => format!(
                "it reached {} of virtual time, the most one run may simulate",
                crate::view::duration::human(self.max_virtual_ms)
            ),
            Limit::Steps => format!(
                "it handled {} timers (pod starts and exits, syncs, restarts), the most one run may handle",
                thousands(self.max_steps)
            ),
            Limit::StepsPerInstant => format!(
                "more than {} timers fell due at one instant, the most one instant may handle",
                thousands(self.max_steps_per_instant as u64)
            ),
            Limit::Feedback => {
                "the controllers kept reacting to each other's changes without end".to_string()
            }
        };
        format!(
            "the run was stopped at t={at}: {what} (limit: {})",
            limit.name()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_their_limit_and_its_value() {
        let l = Limits::default();
        assert_eq!(
            l.message(Limit::Pods, "1h"),
            "the run was stopped at t=1h: it created more than 200,000 pods, the most one run may create (limit: pods per run)"
        );
        assert!(l
            .message(Limit::Events, "2m")
            .contains("more than 1,000,000 events"));
        assert!(l
            .message(Limit::VirtualTime, "366d")
            .ends_with("(limit: virtual time per run)"));
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(20_000_000), "20,000,000");
    }
}
