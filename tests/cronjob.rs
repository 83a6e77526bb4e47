//! The CronJob controller as kube-controller-manager runs it (v2 controller,
//! robfig/cron schedules, IANA time zones): each test runs a scenario file through
//! the engine and checks the Jobs and events a real cluster would show.

use jobplay::cluster::store::JobId;
use jobplay::cluster::wallclock;
use jobplay::cluster::Cluster;
use jobplay::scenario::ScenarioFile;

fn run(text: &str) -> Cluster {
    let file = match ScenarioFile::parse(text) {
        Ok(f) => f,
        Err(e) => panic!("scenario does not parse: {}", e.message),
    };
    let mut c = Cluster::new(&file);
    c.run_to_end();
    assert!(c.halted.is_none(), "run halted: {:?}", c.halted);
    c
}

/// A CronJob named `hello` with `spec` lines added under `spec:` and a Scenario
/// with `scenario` lines under its `spec:`.
fn cronjob(spec: &str, scenario: &str) -> String {
    let indent = |s: &str, n: usize| {
        s.lines()
            .map(|l| format!("{}{l}\n", " ".repeat(n)))
            .collect::<String>()
    };
    format!(
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n{}  jobTemplate:\n    spec:\n      backoffLimit: 0\n      template:\n        spec:\n          containers:\n          - name: hello\n            image: busybox\n          restartPolicy: Never\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: t\nspec:\n{}",
        indent(spec, 2),
        indent(scenario, 2)
    )
}

/// Jobs created: (name, creation time in virtual seconds).
fn jobs(c: &Cluster) -> Vec<(String, f64)> {
    c.store
        .jobs()
        .map(|(_, r)| r)
        .map(|r| {
            let t = r.job.metadata.creation_timestamp.unwrap_or_default();
            (r.job.name().to_string(), t.secs_f64())
        })
        .collect()
}

fn job_names(c: &Cluster) -> Vec<String> {
    jobs(c).into_iter().map(|(n, _)| n).collect()
}

/// `hello-<minutes since the epoch>` for an RFC 3339 time.
fn name_at(rfc3339: &str) -> String {
    let unix = wallclock::parse_rfc3339(rfc3339).expect("time");
    format!("hello-{}", unix / 60)
}

/// `hello-<minutes>` for a virtual time in seconds on the default clock.
fn name_t(secs: i64) -> String {
    format!("hello-{}", (wallclock::DEFAULT_EPOCH + secs) / 60)
}

/// The CronJob controller's events with this reason: (virtual seconds, message).
fn events(c: &Cluster, reason: &str) -> Vec<(f64, String)> {
    c.store
        .events()
        .iter()
        .filter(|e| e.source == "cronjob-controller" && e.reason == reason)
        .map(|e| (e.time.secs_f64(), e.message.clone()))
        .collect()
}

/// The CronJob controller's event reasons, in order.
fn reasons(c: &Cluster) -> Vec<String> {
    c.store
        .events()
        .iter()
        .filter(|e| e.source == "cronjob-controller")
        .map(|e| e.reason.clone())
        .collect()
}

fn annotation(c: &Cluster, i: usize) -> String {
    c.store
        .job(JobId(i as u32))
        .job
        .metadata
        .annotations
        .as_ref()
        .and_then(|a| a.get("batch.kubernetes.io/cronjob-scheduled-timestamp"))
        .cloned()
        .unwrap_or_default()
}

#[test]
fn names_and_scheduled_timestamp_in_utc() {
    let c = run(&cronjob(
        "schedule: \"* * * * *\"",
        "stopAfterSeconds: 150\npods:\n- runSeconds: 2",
    ));
    assert_eq!(
        jobs(&c),
        vec![
            ("hello-29453761".into(), 60.1),
            ("hello-29453762".into(), 120.1)
        ]
    );
    assert_eq!(annotation(&c, 0), "2026-01-01T00:01:00Z");
    let owner = &c
        .store
        .job(JobId(0))
        .job
        .metadata
        .owner_references
        .as_ref()
        .unwrap()[0];
    assert_eq!(
        (owner.kind.as_str(), owner.name.as_str()),
        ("CronJob", "hello")
    );
    assert_eq!(owner.controller, Some(true));
    assert_eq!(
        events(&c, "SuccessfulCreate")[0].1,
        "Created job hello-29453761"
    );
    assert_eq!(
        events(&c, "SawCompletedJob")[0].1,
        "Saw completed job: hello-29453761, status: Complete"
    );
    let cj = c.store.cronjob.as_ref().unwrap();
    assert_eq!(cj.status.last_schedule_time.map(|t| t.secs()), Some(120));
    assert!(cj.status.last_successful_time.is_some());
}

#[test]
fn allow_runs_jobs_side_by_side() {
    let c = run(&cronjob(
        "schedule: \"* * * * *\"",
        "stopAfterSeconds: 330\npods:\n- runSeconds: 150",
    ));
    assert_eq!(
        job_names(&c),
        (1..=5).map(|m| name_t(60 * m)).collect::<Vec<_>>()
    );
    assert!(events(&c, "JobAlreadyActive").is_empty());
    // At 300 s the Jobs of 180, 240 and 300 run at once.
    assert_eq!(c.store.cronjob.as_ref().unwrap().status.active.len(), 3);
}

#[test]
fn forbid_skips_while_running_then_starts_the_missed_run_late() {
    // Each Job runs ~152 s: the 120 and 180 runs find it active; when it finishes
    // (~213 s) the most recent missed time, 180, starts at once.
    let c = run(&cronjob(
        "schedule: \"* * * * *\"\nconcurrencyPolicy: Forbid",
        "stopAfterSeconds: 250\npods:\n- runSeconds: 150",
    ));
    let created = jobs(&c);
    assert_eq!(created.len(), 2, "{created:?}");
    assert_eq!(created[0], (name_t(60), 60.1));
    assert_eq!(created[1].0, name_t(180), "the late run is the 180 s one");
    assert!(
        (211.0..216.0).contains(&created[1].1),
        "started when the first Job finished: {created:?}"
    );
    let blocked = events(&c, "JobAlreadyActive");
    assert!(blocked.len() >= 2);
    assert_eq!(
        blocked[0].1,
        "Not starting job because prior execution is running and concurrency policy is Forbid"
    );
    assert!(blocked.iter().any(|(t, _)| (120.0..121.0).contains(t)));
    assert!(blocked.iter().any(|(t, _)| (180.0..181.0).contains(t)));
    // The 240 run finds the late Job still running.
    assert!(blocked.iter().any(|(t, _)| (240.0..241.0).contains(t)));
}

#[test]
fn forbid_late_start_only_within_the_starting_deadline() {
    let late = |sds: u32| {
        let c = run(&cronjob(
            &format!(
                "schedule: \"* * * * *\"\nconcurrencyPolicy: Forbid\nstartingDeadlineSeconds: {sds}"
            ),
            "stopAfterSeconds: 250\npods:\n- runSeconds: 150",
        ));
        jobs(&c)
    };
    // 60 s: at ~213 s the 180 s run is 33 s late, within the deadline: it starts.
    let within = late(60);
    assert_eq!(within.len(), 2);
    assert_eq!(within[1].0, name_t(180));
    // 30 s: too late; nothing starts until the 240 s run, which finds no Job active.
    let past = late(30);
    assert_eq!(past.len(), 2, "{past:?}");
    assert_eq!(past[1], (name_t(240), 240.1));
}

#[test]
fn replace_deletes_the_running_job_then_creates() {
    let c = run(&cronjob(
        "schedule: \"* * * * *\"\nconcurrencyPolicy: Replace",
        "stopAfterSeconds: 150\npods:\n- runSeconds: 150",
    ));
    assert_eq!(job_names(&c), vec![name_t(60), name_t(120)]);
    let deleted = events(&c, "SuccessfulDelete");
    assert_eq!(deleted.len(), 1);
    assert_eq!(deleted[0].1, format!("Deleted job {}", name_t(60)));
    let r = reasons(&c);
    let del = r.iter().position(|x| x == "SuccessfulDelete").unwrap();
    let second_create = r
        .iter()
        .enumerate()
        .filter(|(_, x)| *x == "SuccessfulCreate")
        .nth(1)
        .unwrap()
        .0;
    assert!(del < second_create, "delete, then create: {r:?}");
    assert!(c
        .store
        .job(JobId(0))
        .job
        .metadata
        .deletion_timestamp
        .is_some());
    let active = &c.store.cronjob.as_ref().unwrap().status.active;
    assert_eq!(active.len(), 1);
    assert_eq!(active[0].name, name_t(120));
}

#[test]
fn suspended_then_resumed_starts_only_the_most_recent_missed_run() {
    // Every 5 minutes, suspended from the start and resumed at 1000 s: 300, 600 and
    // 900 were missed; one Job, for 900, starts at once.
    let c = run(&cronjob(
        "schedule: \"*/5 * * * *\"\nsuspend: true",
        "stopAfterSeconds: 1250\nactions:\n- at: 1000\n  suspend: false",
    ));
    assert_eq!(
        jobs(&c),
        vec![(name_t(900), 1000.0), (name_t(1200), 1200.1)]
    );
    assert!(events(&c, "TooManyMissedTimes").is_empty());
}

#[test]
fn starting_deadline_drops_runs_missed_while_suspended() {
    // The same, with a 100 s deadline: 900 is 100 s old at 1000 s, out of the
    // window, so nothing starts before 1200, and no event says so.
    let c = run(&cronjob(
        "schedule: \"*/5 * * * *\"\nsuspend: true\nstartingDeadlineSeconds: 100",
        "stopAfterSeconds: 1250\nactions:\n- at: 1000\n  suspend: false",
    ));
    assert_eq!(jobs(&c), vec![(name_t(1200), 1200.1)]);
    assert!(events(&c, "MissSchedule").is_empty());
}

#[test]
fn more_than_100_missed_times_warns_and_still_starts_the_latest() {
    // Every minute, suspended for three hours: 180 missed start times.
    let c = run(&cronjob(
        "schedule: \"* * * * *\"\nsuspend: true",
        "stopAfterSeconds: 10850\nactions:\n- at: 10830\n  patch: {spec: {suspend: false}}",
    ));
    let warned = events(&c, "TooManyMissedTimes");
    assert_eq!(warned.len(), 1);
    assert_eq!(
        warned[0],
        (
            10830.0,
            "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew"
                .to_string()
        )
    );
    assert_eq!(jobs(&c)[0], (name_t(10800), 10830.0));
    let r = reasons(&c);
    assert_eq!(&r[..2], ["TooManyMissedTimes", "SuccessfulCreate"]);
    let warning = c
        .store
        .events()
        .iter()
        .find(|e| e.reason == "TooManyMissedTimes")
        .unwrap();
    assert_eq!(warning.type_.as_str(), "Warning");
}

#[test]
fn a_starting_deadline_keeps_the_missed_count_small() {
    let c = run(&cronjob(
        "schedule: \"* * * * *\"\nsuspend: true\nstartingDeadlineSeconds: 600",
        "stopAfterSeconds: 10850\nactions:\n- at: 10830\n  suspend: false",
    ));
    assert!(events(&c, "TooManyMissedTimes").is_empty());
    assert_eq!(jobs(&c)[0], (name_t(10800), 10830.0));
}

#[test]
fn failed_jobs_history_limit_keeps_the_newest_failed_job() {
    let c = run(&cronjob(
        "schedule: \"* * * * *\"",
        "stopAfterSeconds: 250\npods:\n- runSeconds: 5\n  exitCode: 1",
    ));
    assert_eq!(job_names(&c).len(), 4);
    let deleted: Vec<String> = events(&c, "SuccessfulDelete")
        .into_iter()
        .map(|(_, m)| m)
        .collect();
    assert_eq!(
        deleted,
        vec![
            format!("Deleted job {}", name_t(60)),
            format!("Deleted job {}", name_t(120)),
            format!("Deleted job {}", name_t(180)),
        ]
    );
    let live: Vec<&str> = c
        .store
        .jobs()
        .map(|(_, r)| r)
        .filter(|r| r.removed_at.is_none())
        .map(|r| r.job.name())
        .collect();
    assert_eq!(live, vec![name_t(240)]);
    assert!(events(&c, "SawCompletedJob")
        .iter()
        .all(|(_, m)| m.ends_with("status: Failed")));
}

#[test]
fn a_history_limit_of_zero_deletes_before_the_completion_is_seen() {
    // cleanupFinishedJobs runs first and drops the Job from status.active, so
    // syncCronJob never reports SawCompletedJob for it.
    let c = run(&cronjob(
        "schedule: \"* * * * *\"\nsuccessfulJobsHistoryLimit: 0",
        "stopAfterSeconds: 100\npods:\n- runSeconds: 5",
    ));
    assert_eq!(
        events(&c, "SuccessfulDelete")[0].1,
        format!("Deleted job {}", name_t(60))
    );
    assert!(events(&c, "SawCompletedJob").is_empty());
    let cj = c.store.cronjob.as_ref().unwrap();
    assert!(cj.status.active.is_empty());
    assert!(cj.status.last_successful_time.is_some());
}

#[test]
fn time_zone_names_and_annotation() {
    // 2026-01-01T23:30:00Z is 08:30 on 2 January in Seoul; 09:00 KST is 00:00Z.
    let c = run(&cronjob(
        "schedule: \"0 9 * * *\"\ntimeZone: Asia/Seoul",
        "startTime: \"2026-01-01T23:30:00Z\"\nstopAfterSeconds: 1900\npods:\n- runSeconds: 2",
    ));
    assert_eq!(jobs(&c), vec![(name_at("2026-01-02T00:00:00Z"), 1800.1)]);
    assert_eq!(annotation(&c, 0), "2026-01-02T09:00:00+09:00");
}

#[test]
fn time_zone_spring_forward_skips_the_run() {
    // New York, 2026-03-08: 02:00 EST jumps to 03:00 EDT, so 02:30 does not happen
    // that day (robfig skips it; no catch-up run).
    let c = run(&cronjob(
        "schedule: \"30 2 * * *\"\ntimeZone: America/New_York",
        "startTime: \"2026-03-07T12:00:00-05:00\"\nstopAfterSeconds: 230000\npods:\n- runSeconds: 2",
    ));
    assert_eq!(
        job_names(&c),
        vec![
            name_at("2026-03-09T02:30:00-04:00"),
            name_at("2026-03-10T02:30:00-04:00")
        ]
    );
    assert_eq!(annotation(&c, 0), "2026-03-09T02:30:00-04:00");
}

#[test]
fn time_zone_fall_back_runs_twice() {
    // New York, 2026-11-01: 01:30 happens twice (EDT, then EST): two Jobs.
    let c = run(&cronjob(
        "schedule: \"30 1 * * *\"\ntimeZone: America/New_York",
        "startTime: \"2026-10-31T12:00:00-04:00\"\nstopAfterSeconds: 60000\npods:\n- runSeconds: 2",
    ));
    assert_eq!(
        job_names(&c),
        vec![
            name_at("2026-11-01T01:30:00-04:00"),
            name_at("2026-11-01T01:30:00-05:00")
        ]
    );
    assert_eq!(annotation(&c, 0), "2026-11-01T01:30:00-04:00");
    assert_eq!(annotation(&c, 1), "2026-11-01T01:30:00-05:00");
}

#[test]
fn time_zone_berlin_spring_forward() {
    // Berlin, 2026-03-29: 02:00 CET jumps to 03:00 CEST.
    let c = run(&cronjob(
        "schedule: \"30 2 * * *\"\ntimeZone: Europe/Berlin",
        "startTime: \"2026-03-28T12:00:00+01:00\"\nstopAfterSeconds: 250000\npods:\n- runSeconds: 2",
    ));
    assert_eq!(
        job_names(&c),
        vec![
            name_at("2026-03-30T02:30:00+02:00"),
            name_at("2026-03-31T02:30:00+02:00")
        ]
    );
    assert_eq!(annotation(&c, 1), "2026-03-31T02:30:00+02:00");
}

#[test]
fn every_counts_from_creation() {
    let c = run(&cronjob(
        "schedule: \"@every 90s\"",
        "stopAfterSeconds: 300\npods:\n- runSeconds: 2",
    ));
    assert_eq!(
        jobs(&c),
        vec![
            (name_t(90), 90.1),
            (name_t(180), 180.1),
            (name_t(270), 270.1)
        ]
    );
}

#[test]
fn a_schedule_change_waits_for_the_new_schedule() {
    // At 420 s the schedule changes from hourly to every 5 minutes: upstream
    // requeues at the new schedule's next time (600 s) instead of syncing at once,
    // and then starts only the 600 s run.
    let c = run(&cronjob(
        "schedule: \"0 * * * *\"",
        "stopAfterSeconds: 650\nactions:\n- at: 420\n  patch: {spec: {schedule: \"*/5 * * * *\"}}\npods:\n- runSeconds: 2",
    ));
    assert_eq!(jobs(&c), vec![(name_t(600), 600.1)]);
}

#[test]
fn an_impossible_date_is_an_invalid_schedule() {
    // 31 February parses, but robfig finds no time for it.
    let c = run(&cronjob(
        "schedule: \"59 23 31 2 *\"",
        "stopAfterSeconds: 100",
    ));
    assert!((c.store.jobs_created() == 0));
    assert_eq!(
        events(&c, "InvalidSchedule"),
        vec![(
            0.0,
            "invalid schedule: 59 23 31 2 * : time difference between two schedules is less than 1 second"
                .to_string()
        )]
    );
}

#[test]
fn a_year_of_every_minute() {
    // 525,600 schedule times with Jobs and pods would be heavy; a suspended CronJob
    // resumed after a year exercises the schedule walk over a year in one sync.
    let c = run(&cronjob(
        "schedule: \"* * * * *\"\nsuspend: true\ntimeZone: America/New_York",
        "stopAfterSeconds: 31536100\nactions:\n- at: 31536030\n  suspend: false\npods:\n- runSeconds: 2",
    ));
    assert_eq!(jobs(&c)[0], (name_t(31_536_000), 31_536_030.0));
    assert_eq!(events(&c, "TooManyMissedTimes").len(), 1);
}

#[test]
fn same_input_same_output() {
    let text = cronjob(
        "schedule: \"*/2 * * * *\"\ntimeZone: Europe/Berlin\nconcurrencyPolicy: Replace",
        "stopAfterSeconds: 900\npods:\n- runSeconds: 170",
    );
    let a = run(&text);
    let b = run(&text);
    assert_eq!(jobs(&a), jobs(&b));
    assert_eq!(reasons(&a), reasons(&b));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

    /// Any schedule text parses or fails with a message, and `next` answers, in
    /// any zone: nothing panics (a panic would kill the page).
    #[test]
    fn schedules_never_panic(
        spec in "(TZ=[A-Za-z/_]{0,12} )?[-0-9*?/,@a-zA-Z .İ]{0,24}",
        zone in proptest::sample::select(vec!["UTC", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia"]),
        after in -70_000_000_000i64..5_000_000_000,
    ) {
        use jobplay::controller::cronjob::{schedule::Schedule, zone::Zone};
        let z = Zone::load(zone).unwrap();
        if let Ok(s) = Schedule::parse(&spec) {
            let _ = s.next(after, &z);
        }
    }
}

#[test]
fn a_cronjob_deleted_in_the_background_is_gone_at_once() {
    let text = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: \"* * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: c\n            image: busybox\n            command: [sleep, \"100\"]\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: s\nspec:\n  stopAfterSeconds: 400\n  actions:\n  - at: 90\n    deleteJob: {}\n";
    let file = jobplay::scenario::ScenarioFile::parse(text).expect("valid");
    let mut c = jobplay::cluster::Cluster::new(&file);
    c.run_to_end();
    // One Job at 60 s, none after the deletion at 90 s, and no event after it either.
    assert_eq!(c.store.jobs_created(), 1);
    assert!(c
        .store
        .events()
        .iter()
        .filter(|e| e.object.starts_with("CronJob/"))
        .all(|e| e.time.secs_f64() < 90.0));
    assert!(c.store.job(JobId(0)).removed_at.is_some());
}
