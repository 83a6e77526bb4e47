//! The limits of one run (`cluster::limits`): each named in its message, refused at
//! its line when the input asks for too much, or stopping the run with a message
//! (exit status 3 in the CLI, the Job card in the page) when the run grows too big.

mod common;
use common::parse;
use jobplay::cluster::limits::{self, Limit, Limits};
use jobplay::cluster::Cluster;
use jobplay::scenario::ScenarioFile;

fn job(spec: &str, scenario: &str) -> String {
    format!(
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: big\nspec:\n{spec}  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: s\nspec:\n{scenario}"
    )
}

fn run_with(text: &str, limits: Limits) -> Cluster {
    let mut c = Cluster::with_limits(&parse(text), limits);
    c.run_to_end();
    c
}

fn cli(args: &[&str], text: &str) -> jobplay::cli::Output {
    let dir = std::env::temp_dir().join(format!("jobplay-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}.yaml", args.join("-").replace(' ', "_")));
    std::fs::write(&path, text).unwrap();
    let mut a: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    a.insert(1, path.display().to_string());
    if a[0] == "get" {
        a.swap(1, 2);
    }
    jobplay::cli::run(&a)
}

#[test]
fn the_limits_are_the_documented_constants() {
    let l = Limits::default();
    assert_eq!(limits::MAX_COMPLETIONS, 100_000);
    assert_eq!((l.max_pods, limits::MAX_PODS), (200_000, 200_000));
    assert_eq!(l.max_events, 1_000_000);
    assert_eq!(l.max_jobs, 100_000);
    assert_eq!(l.max_virtual_ms, 366 * 86_400 * 1000);
    assert_eq!(l.max_steps, limits::MAX_STEPS);
}

#[test]
fn more_completions_than_a_run_may_simulate_are_refused_at_their_line() {
    let text = job(
        "  completions: 100001\n  parallelism: 10\n",
        "  stopAfterSeconds: 60\n",
    );
    let e = match ScenarioFile::parse(&text) {
        Err(e) => e,
        Ok(_) => panic!("accepted"),
    };
    assert_eq!(
        e.message,
        "The Job \"big\" is beyond the playground's limits (a real cluster would accept it): spec.completions: Invalid value: 100001: must be at most 100000, the most completions one run may simulate (limit: completions per run)"
    );
    assert_eq!(e.diagnostics[0].line, Some(6));
    // The CLI refuses it as invalid input: exit status 2, nothing on stdout.
    let o = cli(&["run", "--json"], &text);
    assert_eq!((o.code, o.stdout.as_str()), (2, ""));
    assert!(
        o.stderr.contains("(limit: completions per run)"),
        "{}",
        o.stderr
    );
    // A CronJob's Jobs likewise; and 100,000 itself is allowed.
    let cron = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: \"@daily\"\n  jobTemplate:\n    spec:\n      completions: 200000\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: main\n            image: busybox\n";
    let e = ScenarioFile::parse(cron).expect_err("refused");
    assert!(e
        .message
        .contains("spec.jobTemplate.spec.completions: Invalid value: 200000"));
    assert_eq!(e.diagnostics[0].line, Some(9));
    let ok = job(
        "  completions: 100000\n  parallelism: 10\n",
        "  stopAfterSeconds: 60\n",
    );
    assert!(ScenarioFile::parse(&ok).is_ok());
}

#[test]
fn more_virtual_time_than_a_run_may_take_is_refused_at_its_line() {
    let text = job("  completions: 1\n", "  stopAfterSeconds: 31622401\n");
    let e = ScenarioFile::parse(&text).expect_err("refused");
    assert!(
        e.message.contains("spec.stopAfterSeconds: Invalid value: 31622401: must be at most 31622400 (366 days), the most virtual time one run may simulate (limit: virtual time per run)"),
        "{}",
        e.message
    );
    assert_eq!(e.diagnostics[0].line, Some(19));
    assert!(
        ScenarioFile::parse(&job("  completions: 1\n", "  stopAfterSeconds: 31622400\n")).is_ok()
    );
}

#[test]
fn a_run_past_the_limit_of_virtual_time_stops_there_and_says_so() {
    // A finished Job whose TTL deletion lies 68 years ahead: the run would jump there.
    let text = job(
        "  completions: 1\n  ttlSecondsAfterFinished: 2147483647\n",
        "  pods:\n  - runSeconds: 5\n",
    );
    let c = common::run(&text);
    let h = c.halted.as_ref().expect("halted");
    assert_eq!(h.limit, Limit::VirtualTime);
    assert_eq!(c.now.0, 366 * 86_400 * 1000);
    assert!(c.finished_at.is_some());
    assert!(
        h.message.contains("it reached 366d of virtual time, the most one run may simulate (limit: virtual time per run)"),
        "{}",
        h.message
    );
    // The CLI prints what was simulated, then the limit on stderr, exit status 3.
    let o = cli(&["run", "--json"], &text);
    assert_eq!(o.code, jobplay::cli::EXIT_LIMIT);
    assert!(o.stdout.contains("\"halted\""));
    assert_eq!(o.stderr, format!("jobplay: {}\n", h.message));
    let o = cli(&["describe"], &text);
    assert_eq!(o.code, 3);
    assert!(o.stdout.starts_with("Name:"));
    let o = cli(&["get", "pods"], &text);
    assert_eq!(o.code, 3);
    // Asking for a moment before the limit is fine.
    let o = cli(&["run", "--at", "60"], &text);
    assert_eq!((o.code, o.stderr.as_str()), (0, ""));
}

#[test]
fn a_run_that_creates_too_many_pods_is_stopped_naming_the_limit() {
    let text = job(
        "  completions: 1000\n  parallelism: 100\n",
        "  pods:\n  - runSeconds: 5\n",
    );
    let c = run_with(
        &text,
        Limits {
            max_pods: 250,
            ..Limits::default()
        },
    );
    let h = c.halted.as_ref().expect("halted");
    assert_eq!(h.limit, Limit::Pods);
    assert_eq!(
        h.message,
        format!("the run was stopped at t={}: it created more than 250 pods, the most one run may create (limit: pods per run)", jobplay::view::duration::short_seconds(h.at.0))
    );
    // Stopped at the instant it passed the limit: at most one sync's pods more.
    assert!(c.store.pods_created() > 250 && c.store.pods_created() <= 350);
    assert!(c.is_done());
}

#[test]
fn a_run_that_records_too_many_events_is_stopped_naming_the_limit() {
    let text = job(
        "  completions: 100\n  parallelism: 10\n",
        "  pods:\n  - runSeconds: 5\n",
    );
    let c = run_with(
        &text,
        Limits {
            max_events: 30,
            ..Limits::default()
        },
    );
    let h = c.halted.as_ref().expect("halted");
    assert_eq!(h.limit, Limit::Events);
    assert!(h.message.contains(
        "it recorded more than 30 events, the most one run may record (limit: events per run)"
    ));
    assert!(c.store.events_recorded() <= 60);
}

#[test]
fn a_cronjob_that_creates_too_many_jobs_is_stopped_naming_the_limit() {
    let text = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: \"* * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: main\n            image: busybox\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: s\nspec:\n  stopAfterSeconds: 3600\n";
    let c = run_with(
        text,
        Limits {
            max_jobs: 5,
            ..Limits::default()
        },
    );
    let h = c.halted.as_ref().expect("halted");
    assert_eq!(h.limit, Limit::Jobs);
    assert_eq!(c.store.jobs_created(), 6);
    assert!(h.message.contains(
        "the CronJob created more than 5 Jobs, the most one run may create (limit: Jobs per run)"
    ));
}

#[test]
fn a_run_that_takes_too_many_steps_is_stopped_naming_the_limit() {
    // Pods restarting in place for an hour: few pods, few events, many steps.
    let text = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: loop\nspec:\n  parallelism: 20\n  completions: 20\n  backoffLimit: 1000000\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers:\n      - name: main\n        image: busybox\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: s\nspec:\n  pods:\n  - exitCode: 1\n    runSeconds: 1\n";
    let c = run_with(
        text,
        Limits {
            max_steps: 500,
            ..Limits::default()
        },
    );
    let h = c.halted.as_ref().expect("halted");
    assert_eq!(h.limit, Limit::Steps);
    assert!(h.message.contains("it handled 500 timers"), "{}", h.message);
    assert!(h.message.ends_with("(limit: steps per run)"));
    let c = run_with(
        text,
        Limits {
            max_steps_per_instant: 10,
            ..Limits::default()
        },
    );
    let h = c.halted.as_ref().expect("halted");
    assert_eq!(h.limit, Limit::StepsPerInstant);
    assert!(h.message.ends_with("(limit: steps per instant)"));
}

#[test]
fn the_page_shows_the_limit_that_stopped_the_run() {
    use jobplay::ui::driver::{self, Ask, Playback, Tab, Window};
    let text = job(
        "  completions: 1\n  ttlSecondsAfterFinished: 2147483647\n",
        "  pods:\n  - runSeconds: 5\n",
    );
    let mut p = Playback::new(&text).expect("valid");
    p.jump_to_end();
    for _ in 0..1000 {
        if !p.wants_ticks() {
            break;
        }
        p.tick(16.0, 1.0, &mut || true);
    }
    let s = driver::snapshot(
        &p,
        &Ask {
            lang: jobplay::ui::i18n::Lang::En,
            tab: Tab::Events,
            window: Window::default(),
            selection: None,
            logs_pod: None,
        },
    );
    let halted = s.halted.expect("the card shows the limit");
    assert!(halted.contains("(limit: virtual time per run)"), "{halted}");
    assert_eq!(s.end_ms, Some(366 * 86_400 * 1000));
}
