//! Human and machine views of the simulated cluster: kubectl's duration format,
//! the CLI's JSON, and (in the submodules) kubectl's tables and describe output.

pub mod duration;
pub mod json;
pub mod model;

mod common;
pub mod describe;
pub mod events;
pub mod get;
mod gosort;
pub mod kubectl;
pub mod logs;
pub mod tabwriter;

use crate::cli::Output;
use crate::cluster::{Cluster, Root};

/// A short human summary of a run (`jobplay run FILE` without `--json`).
pub fn summary(c: &Cluster) -> String {
    let mut s = String::new();
    for e in c.store.events() {
        s.push_str(&format!(
            "{:>8}  {:<8} {:<22} {:<28} {}\n",
            duration::short_seconds(e.time.0),
            e.type_.as_str(),
            e.reason,
            e.object,
            e.message
        ));
    }
    match (c.root, c.finished_at) {
        (Root::Job(j), Some(t)) => {
            let cond = c
                .store
                .job(j)
                .job
                .status
                .finished()
                .map(|c| format!("{} ({})", c.type_, c.reason))
                .unwrap_or_default();
            s.push_str(&format!(
                "finished at t={}: {cond}\n",
                duration::short_seconds(t.0)
            ));
        }
        _ => s.push_str(&format!(
            "stopped at t={} without a terminal condition\n",
            duration::short_seconds(c.now.0)
        )),
    }
    if let Some(h) = &c.halted {
        s.push_str(&format!("halted: {}\n", h.message));
    }
    s
}

/// `describe`, `get pods|jobs`, `logs`.
pub fn kubectl_command(cmd: &str, args: &[String], at: Option<crate::api::Time>) -> Output {
    kubectl::run(cmd, args, at)
}
