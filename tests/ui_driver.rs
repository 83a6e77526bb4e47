//! Native tests of the web page's engine driver (`src/ui/driver.rs`). The `ui`
//! module only compiles for wasm32, but `driver.rs` is plain Rust, so it is
//! included here with the crate paths it expects (`crate::api`, `crate::cluster`).

mod api {
    pub use jobplay::api::*;
}
mod cluster {
    pub use jobplay::cluster::*;
}
#[allow(dead_code)]
#[path = "../src/ui/driver.rs"]
mod driver;

use driver::{OutcomeKind, Phase, Progress};

const PI: &str = include_str!("../www/examples/pi.yaml");

/// Drive a run as the page does: ticks of `tick_ms` real time at `speed`.
fn run(text: &str, speed: u64, tick_ms: u64) -> (driver::Snapshot, Vec<driver::Snapshot>) {
    let mut c = driver::build(text).expect("valid scenario");
    let mut seen = Vec::new();
    for _ in 0..100_000 {
        let p = driver::advance(&mut c, tick_ms * speed);
        let snap = driver::snapshot(&c, p);
        if p == Progress::Over {
            return (snap, seen);
        }
        seen.push(snap);
    }
    panic!("the run never ended");
}

#[test]
fn pi_runs_to_complete_and_the_clock_stops_at_the_end() {
    let (end, seen) = run(PI, 10, 50);
    let out = end.outcome.clone().expect("an outcome once over");
    assert_eq!(out.kind, OutcomeKind::Complete);
    assert!(!out.reason.is_empty());
    assert_eq!((end.kind.as_str(), end.name.as_str()), ("Job", "pi"));
    assert_eq!(end.pods.len(), 1);
    assert_eq!(end.pods[0].phase, Phase::Succeeded);
    assert!(end.pods[0].name.starts_with("pi-"));
    // The CLI contract: the pi Job finishes about 12 s after creation.
    assert!((10_000..=14_000).contains(&out.at_ms), "{}", out.at_ms);
    // The clock shows the last thing that happened, not the end of the last tick.
    assert!(end.now_ms >= out.at_ms && end.now_ms < out.at_ms + 2_000);
    // On the way, the pod was seen pending or running, and the clock never ran back.
    assert!(seen
        .iter()
        .any(|s| s.pods.iter().any(|p| p.phase == Phase::Running)));
    assert!(seen.windows(2).all(|w| w[0].now_ms <= w[1].now_ms));
    // The outcome shows from the moment the Job has its condition; the run ends at that
    // moment too (the controller's leftover requeues do not extend it).
    let first = seen.iter().position(|s| s.outcome.is_some()).unwrap_or(seen.len());
    assert!(seen[..first].iter().all(|s| s.now_ms < out.at_ms));
    assert!(seen[first..]
        .iter()
        .all(|s| s.outcome.as_ref() == Some(&out)));
    assert!(seen.iter().all(|s| !s.over));
    assert!(end.over);
}

#[test]
fn the_run_is_the_same_at_any_speed() {
    let (slow, _) = run(PI, 1, 50);
    let (fast, _) = run(PI, 1000, 50);
    assert_eq!(slow.outcome, fast.outcome);
    assert_eq!(slow.pods, fast.pods);
}

#[test]
fn a_tick_advances_the_clock_by_real_time_times_speed() {
    let mut c = driver::build(PI).expect("valid");
    assert_eq!(driver::advance(&mut c, 2_500), Progress::Running);
    assert_eq!(driver::snapshot(&c, Progress::Running).now_ms, 2_500);
    assert_eq!(driver::advance(&mut c, 0), Progress::Running);
    assert_eq!(c.now.0, 2_500);
}

#[test]
fn invalid_input_gives_problems_with_lines() {
    let text = PI.replace("backoffLimit: 4", "backoffLimit: 4\n  parallelismm: 2");
    let err = driver::build(&text).expect_err("rejected");
    assert!(err.summary.contains("parallelismm"), "{}", err.summary);
    let p = err.problems.first().expect("a problem");
    assert!(p.line.is_some(), "{p:?}");

    let err = driver::build("kind: [").expect_err("rejected");
    assert!(!err.problems.is_empty());
}

#[test]
fn a_failing_job_ends_failed() {
    let text = PI.replace("backoffLimit: 4", "backoffLimit: 0").replace(
        r#"["perl",  "-Mbignum=bpi", "-wle", "print bpi(2000)"]"#,
        r#"["sh", "-c", "exit 1"]"#,
    );
    assert_ne!(text, PI);
    let (end, _) = run(&text, 100, 50);
    let out = end.outcome.expect("over");
    assert_eq!(out.kind, OutcomeKind::Failed, "{out:?}");
    assert_eq!(end.pods.first().map(|p| p.phase), Some(Phase::Failed));
}

#[test]
fn many_pods_show_the_latest_cards() {
    let text = PI.replace(
        "backoffLimit: 4",
        "backoffLimit: 4\n  completions: 400\n  parallelism: 400",
    );
    let (end, _) = run(&text, 1000, 50);
    assert_eq!(end.pods.len(), driver::MAX_CARDS);
    assert_eq!(end.hidden_pods, 400 - driver::MAX_CARDS);
    assert_eq!(end.outcome.map(|o| o.kind), Some(OutcomeKind::Complete));
}

#[test]
fn clock_format() {
    assert_eq!(driver::clock(0), "0s");
    assert_eq!(driver::clock(12_999), "12s");
    assert_eq!(driver::clock(125_000), "2m05s");
    assert_eq!(driver::clock(3_725_000), "1h02m05s");
}
