//! Property tests: random Jobs, pod behaviours and actions run to the end without
//! breaking the invariants (checked after every instant in debug builds, see
//! `cluster::invariants`) and without panicking, and the same input gives the same run.

mod common;
use jobplay::cluster::Cluster;
use jobplay::scenario::ScenarioFile;
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Case {
    completions: Option<u8>,
    parallelism: u8,
    indexed: bool,
    backoff_limit: u8,
    blpi: Option<u8>,
    deadline: Option<u16>,
    on_failure: bool,
    replace_failed: bool,
    pfp_ignore: bool,
    rules: Vec<(Option<u8>, u16, u8, bool)>,
    actions: Vec<(u16, u8, u8)>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        (
            proptest::option::of(0u8..8),
            0u8..6,
            any::<bool>(),
            0u8..5,
            proptest::option::of(0u8..3),
        ),
        (
            proptest::option::of(0u16..200),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        ),
        proptest::collection::vec(
            (
                proptest::option::of(0u8..4),
                0u16..40,
                0u8..3,
                any::<bool>(),
            ),
            0..4,
        ),
        proptest::collection::vec((0u16..120, 0u8..5, 0u8..6), 0..4),
    )
        .prop_map(
            |(
                (completions, parallelism, indexed, backoff_limit, blpi),
                (deadline, on_failure, replace_failed, pfp_ignore),
                rules,
                actions,
            )| {
                Case {
                    completions,
                    parallelism,
                    indexed,
                    backoff_limit,
                    blpi,
                    deadline,
                    on_failure,
                    replace_failed,
                    pfp_ignore,
                    rules,
                    actions,
                }
            },
        )
}

fn render(c: &Case) -> String {
    let indexed = c.indexed && c.completions.is_some();
    let mut s = String::from("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: prop\nspec:\n");
    if let Some(n) = c.completions {
        s += &format!("  completions: {n}\n");
    }
    s += &format!(
        "  parallelism: {}\n  backoffLimit: {}\n",
        c.parallelism, c.backoff_limit
    );
    if indexed {
        s += "  completionMode: Indexed\n";
        if let Some(b) = c.blpi {
            s += &format!("  backoffLimitPerIndex: {b}\n");
        }
    }
    if let Some(d) = c.deadline {
        s += &format!("  activeDeadlineSeconds: {d}\n");
    }
    let on_failure = c.on_failure && !c.pfp_ignore;
    if c.pfp_ignore {
        s += "  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onPodConditions:\n      - type: DisruptionTarget\n    - action: Count\n      onExitCodes:\n        operator: In\n        values: [2]\n";
    } else if c.replace_failed {
        s += "  podReplacementPolicy: Failed\n";
    }
    s += &format!(
        "  template:\n    spec:\n      restartPolicy: {}\n      terminationGracePeriodSeconds: 5\n      containers:\n      - name: main\n        image: busybox\n",
        if on_failure { "OnFailure" } else { "Never" }
    );
    s += "---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: prop\nspec:\n  stopAfterSeconds: 2000\n  pods:\n";
    for (pod, run, exit, evicted) in &c.rules {
        s += "  - ";
        if let Some(p) = pod {
            s += &format!("pod: \"{p}\"\n    ");
        }
        s += &format!("runSeconds: {run}\n    exitCode: {exit}\n");
        if *evicted {
            s += "    stopSeconds: 8\n";
        }
    }
    s += "  - runSeconds: 5\n";
    if !c.actions.is_empty() {
        s += "  actions:\n";
        for (at, kind, arg) in &c.actions {
            let body = match kind {
                0 => format!("deletePod: {{pod: {arg}}}"),
                1 => format!("evictPod: {{pod: {arg}}}"),
                2 => format!("suspend: {}", arg % 2 == 0),
                3 => format!("patch: {{spec: {{parallelism: {arg}}}}}"),
                _ => "evictPod: {all: true}".to_string(),
            };
            s += &format!("  - at: {at}\n    {body}\n");
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, .. ProptestConfig::default() })]

    #[test]
    fn random_jobs_keep_the_invariants(c in case()) {
        let text = render(&c);
        let file = match ScenarioFile::parse(&text) {
            Ok(f) => f,
            // Some random combinations are invalid Jobs; the API server would reject them too.
            Err(e) => { prop_assert!(!e.message.is_empty()); return Ok(()); }
        };
        let mut a = Cluster::new(&file);
        a.run_to_end();
        let mut b = Cluster::new(&file);
        b.run_to_end();
        let ja = serde_json::to_string(&jobplay::view::json::run_json(&a)).unwrap();
        let jb = serde_json::to_string(&jobplay::view::json::run_json(&b)).unwrap();
        prop_assert_eq!(ja, jb);
        // A finished Job stays finished, with Complete xor Failed.
        let job = &a.store.job(jobplay::cluster::store::JobId(0)).job;
        if a.finished_at.is_some() {
            prop_assert!(job.status.finished().is_some());
            prop_assert_eq!(job.status.active, 0);
        }
        if let Some(comp) = job.spec.completions {
            prop_assert!(job.status.succeeded <= comp.max(0), "succeeded {} > completions {}", job.status.succeeded, comp);
        }
    }
}

/// Random CronJobs: schedules, concurrency policies, history limits, time zones,
/// failing pods, suspensions and schedule changes, for up to two virtual hours.
#[derive(Debug, Clone)]
struct Cron {
    schedule: u8,
    policy: u8,
    zone: bool,
    history: (u8, u8),
    deadline: Option<u16>,
    run: u16,
    fail: bool,
    actions: Vec<(u16, u8)>,
    stop: u16,
}

fn cron() -> impl Strategy<Value = Cron> {
    (
        (0u8..6, 0u8..3, any::<bool>(), (0u8..4, 0u8..3)),
        (proptest::option::of(10u16..300), 0u16..200, any::<bool>()),
        proptest::collection::vec((0u16..7200, 0u8..5), 0..4),
        600u16..7200,
    )
        .prop_map(
            |((schedule, policy, zone, history), (deadline, run, fail), actions, stop)| Cron {
                schedule,
                policy,
                zone,
                history,
                deadline,
                run,
                fail,
                actions,
                stop,
            },
        )
}

fn render_cron(c: &Cron) -> String {
    let schedule = [
        "* * * * *",
        "*/2 * * * *",
        "*/5 * * * *",
        "0 * * * *",
        "@hourly",
        "30 * * * *",
    ][c.schedule as usize];
    let mut s = format!(
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: prop\nspec:\n  schedule: \"{schedule}\"\n  concurrencyPolicy: {}\n  successfulJobsHistoryLimit: {}\n  failedJobsHistoryLimit: {}\n",
        ["Allow", "Forbid", "Replace"][c.policy as usize],
        c.history.0,
        c.history.1
    );
    if c.zone {
        s += "  timeZone: Asia/Seoul\n";
    }
    if let Some(d) = c.deadline {
        s += &format!("  startingDeadlineSeconds: {d}\n");
    }
    s += "  jobTemplate:\n    spec:\n      backoffLimit: 1\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: main\n            image: busybox\n";
    s += &format!(
        "---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: prop\nspec:\n  stopAfterSeconds: {}\n  pods:\n  - job: \"1,3\"\n    runSeconds: {}\n    exitCode: {}\n  - runSeconds: 20\n",
        c.stop,
        c.run,
        if c.fail { 1 } else { 0 }
    );
    if !c.actions.is_empty() {
        s += "  actions:\n";
        for (at, kind) in &c.actions {
            let body = match kind {
                0 => "suspend: true",
                1 => "suspend: false",
                2 => "patch: {spec: {schedule: \"*/3 * * * *\"}}",
                3 => "deletePod: {all: true}",
                _ => "patch: {spec: {concurrencyPolicy: Forbid}}",
            };
            s += &format!("  - at: {at}\n    {body}\n");
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn random_cronjobs_keep_the_invariants(c in cron()) {
        let text = render_cron(&c);
        let file = match ScenarioFile::parse(&text) {
            Ok(f) => f,
            Err(e) => { prop_assert!(!e.message.is_empty()); return Ok(()); }
        };
        // Debug builds check the invariants after every instant.
        let mut a = Cluster::new(&file);
        a.run_to_end();
        prop_assert!(a.halted.is_none());
        let cj = a.store.cronjob.as_ref().expect("the CronJob");
        for r in &cj.status.active {
            prop_assert!(a.store.jobs().any(|(_, j)| j.job.metadata.uid.as_deref() == Some(r.uid.as_str()) && j.removed_at.is_none()));
        }
    }

    /// The page plays a run with bounded history and checkpoints: going back and
    /// forth shows the same state as simulating straight to the same moment.
    #[test]
    fn the_page_session_goes_back_and_forth_to_the_same_state(c in cron(), j in case(), a in 0u16..1000, z in 0u16..1000, pick in any::<bool>()) {
        let text = if pick { render_cron(&c) } else { render(&j) };
        let Ok(file) = ScenarioFile::parse(&text) else { return Ok(()); };
        let mut s = jobplay::sim::Session::new(file.clone());
        let end = s.end_time();
        let at = |x: u16| jobplay::api::Time(end.0 * x as u64 / 1000);
        s.seek(at(a));
        s.seek(at(z));
        s.step();
        let mut q = jobplay::sim::Session::new(file);
        q.seek(s.now());
        let view = |c: &Cluster| (
            c.now,
            c.store.revision,
            c.store.pods_created(),
            c.store.events_recorded(),
            jobplay::view::get::pods(c).render(),
            jobplay::view::kubectl::describe(c, &[]).stdout,
        );
        prop_assert_eq!(view(s.cluster()), view(q.cluster()));
    }
}

/// Found by the fuzzer (engine_run): a finished Indexed Job whose completions are
/// patched down keeps its status (the controller no longer syncs it), so it may show
/// more succeeded than its new completions; the invariant counts against the
/// completions it finished with.
#[test]
fn a_finished_indexed_job_patched_to_fewer_completions_keeps_its_status() {
    let text = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: fz\nspec:\n  completions: 7\n  completionMode: Indexed\n  backoffLimitPerIndex: 1\n  parallelism: 3\n  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onPodConditions:\n      - type: DisruptionTarget\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: fz\nspec:\n  stopAfterSeconds: 145\n  pods:\n  - runSeconds: 5\n  actions:\n  - at: 108\n    patch: {spec: {completions: 4, parallelism: 4}}\n  - at: 121\n    deleteJob: {propagationPolicy: Foreground}\n";
    let c = common::run(text);
    let job = common::job(&c);
    assert_eq!(job.spec.completions, Some(4));
    assert_eq!(job.status.succeeded, 7);
    assert_eq!(job.status.completed_indexes.as_deref(), Some("0-6"));
    assert!(job.status.finished().is_some());
}

/// Found by the fuzzer (engine_run, after 171,394 inputs): an Indexed Job deleted
/// with Foreground propagation and patched to fewer completions in the same instant.
/// The controller does not sync a Job with a deletion timestamp, so the patch is
/// never counted: the status keeps its 6 succeeded indexes against completions 1,
/// as a real cluster shows it until the garbage collector removes the Job. The
/// invariant counts against the completions the Job was last synced with.
#[test]
fn an_indexed_job_patched_in_the_instant_it_is_deleted_keeps_its_status() {
    let text = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: fz\nspec:\n  completions: 7\n  completionMode: Indexed\n  backoffLimitPerIndex: 2\n  parallelism: 3\n  backoffLimit: 5\n  activeDeadlineSeconds: 87\n  template:\n    spec:\n      restartPolicy: OnFailure\n      terminationGracePeriodSeconds: 10\n      containers:\n      - name: main\n        image: busybox\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: fz\nspec:\n  seed: 195\n  stopAfterSeconds: 188\n  pods:\n  - runSeconds: 5\n  actions:\n  - at: 97\n    deletePod: {all: true}\n  - at: 19\n    deleteJob: {propagationPolicy: Foreground}\n  - at: 90\n    deletePod: {pod: \"3\"}\n  - at: 95\n    evictPod: {pod: \"0\"}\n  - at: 19\n    patch: {spec: {completions: 1, parallelism: 1}}\n";
    let c = common::run_until(text, 19.5);
    let job = common::job(&c);
    assert!(job.metadata.deletion_timestamp.is_some());
    assert_eq!(job.spec.completions, Some(1));
    assert_eq!(job.status.succeeded, 6);
    assert_eq!(job.status.completed_indexes.as_deref(), Some("0-5"));
    assert!(job.status.finished().is_none());
    // The rest of the run (the Job's pods and then the Job removed) keeps them too.
    common::run(text);
}
