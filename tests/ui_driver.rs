//! Native tests of the page's engine-facing logic (`src/ui/driver.rs`,
//! `src/ui/scenario_edit.rs`, `src/ui/i18n.rs`): plain Rust that the Yew
//! components call, tested here without a browser.

use jobplay::gallery;
use jobplay::ui::driver::{self, Ask, Playback, Selection, Snapshot, Tab, TabData, Window};
use jobplay::ui::i18n::Lang;
use jobplay::ui::scenario_edit::{self, Change};
use jobplay::view::model::PhaseClass;

const PI: &str = include_str!("../www/examples/pi.yaml");

fn example(name: &str) -> &'static str {
    gallery::get(name).expect("example").text
}

fn ask(tab: Tab) -> Ask {
    Ask {
        lang: Lang::En,
        tab,
        window: Window::default(),
        selection: None,
        logs_pod: None,
    }
}

fn unlimited() -> impl FnMut() -> bool {
    || true
}

/// Play as the page does: ticks of `tick_ms` real time at `speed`, until the end.
fn play(text: &str, speed: f64, tick_ms: f64) -> (Playback, Vec<Snapshot>) {
    let mut p = Playback::new(text).expect("valid scenario");
    p.play();
    let mut seen = Vec::new();
    for _ in 0..200_000 {
        p.tick(tick_ms, speed, &mut unlimited());
        seen.push(driver::snapshot(&p, &ask(Tab::Timeline)));
        if !p.playing {
            return (p, seen);
        }
    }
    panic!("the run never ended");
}

#[test]
fn the_default_example_shows_its_first_pod_at_t0() {
    let p = Playback::new(PI).expect("valid");
    let s = driver::snapshot(&p, &ask(Tab::Timeline));
    assert_eq!(s.now_ms, 0);
    assert_eq!((s.kind, s.name.as_str()), ("Job", "pi"));
    let lanes = s.lanes.expect("lanes");
    assert!(!lanes.indexed);
    let pods = &lanes.lanes[0].attempts;
    assert_eq!(pods.len(), 1);
    assert_eq!(pods[0].class, PhaseClass::Pending);
    assert_eq!(pods[0].status, "ContainerCreating");
    assert!(pods[0].name.starts_with("pi-"));
    assert!(
        pods[0]
            .why
            .as_deref()
            .is_some_and(|w| w.contains("created")),
        "{:?}",
        pods[0].why
    );
}

#[test]
fn pi_runs_to_complete_and_the_clock_stops_at_the_end() {
    let (p, seen) = play(PI, 10.0, 50.0);
    let end = seen.last().expect("snapshots");
    let job = end.job.as_ref().expect("job");
    let out = job.outcome.as_ref().expect("outcome");
    assert!(out.complete, "{out:?}");
    assert_eq!(out.reason, "CompletionsReached");
    assert!((10_000..=14_000).contains(&out.at_ms), "{}", out.at_ms);
    assert!(end.over && !end.playing);
    assert_eq!(Some(end.now_ms), end.end_ms);
    assert!(end
        .outcome_why
        .as_deref()
        .is_some_and(|w| w.starts_with("Complete:")));
    assert!(seen.windows(2).all(|w| w[0].now_ms <= w[1].now_ms));
    // On the way, the pod was seen Running.
    assert!(seen
        .iter()
        .any(|s| s.lanes.as_ref().is_some_and(|l| l.lanes[0]
            .attempts
            .iter()
            .any(|a| a.class == PhaseClass::Running))));
    // Play again from the end starts over.
    let mut p = p;
    p.play();
    assert_eq!(p.now_ms(), 0);
    assert!(p.playing);
}

#[test]
fn the_run_is_the_same_at_any_speed() {
    let (_, slow) = play(PI, 0.25, 200.0);
    let (_, fast) = play(PI, 1000.0, 16.0);
    let a = slow.last().expect("end");
    let b = fast.last().expect("end");
    assert_eq!(a.job, b.job);
    assert_eq!(a.lanes, b.lanes);
    assert_eq!(a.now_ms, b.now_ms);
}

#[test]
fn a_tick_advances_the_clock_by_real_time_times_speed() {
    let mut p = Playback::new(PI).expect("valid");
    p.play();
    p.tick(2_500.0, 1.0, &mut unlimited());
    assert_eq!(p.now_ms(), 2_500);
    p.tick(100.0, 0.25, &mut unlimited());
    assert_eq!(p.now_ms(), 2_525);
    p.pause();
    p.tick(5_000.0, 1.0, &mut unlimited());
    assert_eq!(p.now_ms(), 2_525, "paused: the clock stands still");
}

#[test]
fn a_small_budget_catches_up_over_several_ticks() {
    let text = PI.replace(
        "backoffLimit: 4",
        "backoffLimit: 4\n  completions: 300\n  parallelism: 100",
    );
    let mut p = Playback::new(&text).expect("valid");
    p.play();
    // One engine instant per tick: a long real-time jump (a tab back from the
    // background) leaves the clock behind, catching up, and never loses time.
    let mut budget = || false;
    p.tick(600_000.0, 1.0, &mut budget);
    assert!(p.catching_up);
    assert!(p.now_ms() < 600_000);
    let mut ticks = 0;
    while p.playing && ticks < 100_000 {
        p.tick(16.0, 1.0, &mut budget);
        ticks += 1;
    }
    assert!(!p.playing, "the run finished");
    assert!(!p.catching_up);
    let s = driver::snapshot(&p, &ask(Tab::Events));
    assert!(s.job.and_then(|j| j.outcome).is_some_and(|o| o.complete));
}

#[test]
fn step_visits_moments_and_step_back_returns() {
    let mut p = Playback::new(example("backoff")).expect("valid");
    // Before the run is known, Step still moves to the next visible change.
    p.step_forward();
    let first = p.now_ms();
    assert!(first > 0);
    // Let the probe learn the run.
    while p.end_ms().is_none() {
        p.tick(16.0, 1.0, &mut unlimited());
    }
    assert!(!p.playing);
    let mut times = vec![p.now_ms()];
    for _ in 0..5 {
        p.step_forward();
        times.push(p.now_ms());
    }
    assert!(times.windows(2).all(|w| w[0] < w[1]), "{times:?}");
    p.step_back();
    assert_eq!(p.now_ms(), times[4]);
    p.step_back();
    assert_eq!(p.now_ms(), times[3]);
    assert!(p.moments().contains(&times[3]));
}

#[test]
fn scrubbing_back_gives_the_same_view_as_playing_there() {
    let (mut p, _) = play(example("backoff"), 1000.0, 16.0);
    let end = p.now_ms();
    p.seek(35_000);
    let back = driver::snapshot(&p, &ask(Tab::GetPods));
    let mut q = Playback::new(example("backoff")).expect("valid");
    q.seek(35_000);
    q.tick(0.0, 1.0, &mut unlimited());
    let direct = driver::snapshot(&q, &ask(Tab::GetPods));
    assert_eq!(back.now_ms, 35_000);
    assert_eq!(back.job, direct.job);
    assert_eq!(back.tab, direct.tab);
    // Forward again to the end.
    p.jump_to_end();
    p.tick(0.0, 1.0, &mut unlimited());
    assert_eq!(p.now_ms(), end);
    assert!(p.is_over());
}

#[test]
fn the_backoff_countdown_shows_growing_delays() {
    let mut p = Playback::new(example("backoff")).expect("valid");
    p.play();
    let mut delays = Vec::new();
    while p.playing {
        p.tick(100.0, 10.0, &mut unlimited());
        let s = driver::snapshot(&p, &ask(Tab::Timeline));
        if let Some(cd) = s.lanes.as_ref().and_then(|l| l.lanes[0].countdown.clone()) {
            if delays.last() != Some(&cd.delay_ms) {
                delays.push(cd.delay_ms);
            }
        }
    }
    assert_eq!(delays, vec![10_000, 20_000, 40_000, 80_000]);
    // Why: the countdown explains itself.
    let mut p = Playback::new(example("backoff")).expect("valid");
    p.seek(5_000);
    p.tick(0.0, 1.0, &mut unlimited());
    let mut a = ask(Tab::Timeline);
    a.selection = Some(Selection::Countdown(None));
    let d = driver::snapshot(&p, &a).detail.expect("detail");
    assert!(
        d.why.as_deref().is_some_and(|w| w.contains("backoff")),
        "{d:?}"
    );
}

#[test]
fn the_deadline_example_fails_with_deadline_exceeded() {
    let (_, seen) = play(example("pi-with-timeout"), 1000.0, 16.0);
    let end = seen.last().expect("end");
    let job = end.job.as_ref().expect("job");
    let out = job.outcome.as_ref().expect("outcome");
    assert!(!out.complete);
    assert_eq!(out.reason, "DeadlineExceeded");
    let d = job.deadline.as_ref().expect("deadline bar");
    assert!(d.exceeded);
    assert_eq!(d.seconds, 100);
    assert!(end
        .outcome_why
        .as_deref()
        .is_some_and(|w| w.contains("activeDeadlineSeconds")));
}

#[test]
fn failure_target_shows_before_failed_while_a_pod_terminates() {
    // restartPolicy OnFailure, backoffLimit 2: FailureTarget at 23 s, the running
    // pod is deleted and terminates for 1 s, then Failed.
    let text =
        include_str!("../../shared/conformance/onfailure-restarts-exceed-backoff-limit.yaml");
    let (mut p, seen) = play(text, 1000.0, 16.0);
    let end = seen.last().expect("end");
    let job = end.job.as_ref().expect("job");
    assert!(
        job.interim.is_none(),
        "the terminal condition replaces the interim one"
    );
    assert_eq!(
        job.outcome.as_ref().map(|o| o.reason.as_str()),
        Some("BackoffLimitExceeded")
    );
    let target = job
        .conditions
        .iter()
        .find(|k| k.type_ == "FailureTarget")
        .expect("FailureTarget condition");
    p.seek(target.at_ms);
    let at = driver::snapshot(&p, &ask(Tab::Timeline));
    let job = at.job.as_ref().expect("job");
    let interim = job
        .interim
        .as_ref()
        .expect("the decision shows before Failed");
    assert_eq!(interim.type_, "FailureTarget");
    assert_eq!(interim.leads_to, "Failed");
    assert_eq!(interim.reason, "BackoffLimitExceeded");
    assert!(job.outcome.is_none() && job.interim.is_some() && job.terminating == 1);
}

#[test]
fn indexed_lanes_carry_hostnames_and_the_window() {
    let mut p = Playback::new(example("indexed-job")).expect("valid");
    p.seek(2_000);
    p.tick(0.0, 1.0, &mut unlimited());
    let s = driver::snapshot(&p, &ask(Tab::Timeline));
    let l = s.lanes.expect("lanes");
    assert!(l.indexed);
    assert_eq!(l.total, 5);
    let labels: Vec<&str> = l.lanes.iter().map(|x| x.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "indexed-job-0",
            "indexed-job-1",
            "indexed-job-2",
            "indexed-job-3",
            "indexed-job-4"
        ]
    );
    let mut a = ask(Tab::Timeline);
    a.window = Window {
        from: 3,
        count: 10,
        cols: 1,
    };
    let l = driver::snapshot(&p, &a).lanes.expect("lanes");
    assert_eq!(l.from, 3);
    assert_eq!(l.lanes.len(), 2);
}

#[test]
fn a_thousand_pods_come_in_a_window() {
    let text = PI.replace(
        "backoffLimit: 4",
        "backoffLimit: 4\n  completions: 1000\n  parallelism: 1000",
    );
    let mut p = Playback::new(&text).expect("valid");
    p.seek(3_000);
    p.tick(0.0, 1.0, &mut unlimited());
    let mut a = ask(Tab::Timeline);
    a.window = Window {
        from: 100,
        count: 50,
        cols: 10,
    };
    let s = driver::snapshot(&p, &a);
    let l = s.lanes.expect("lanes");
    assert!(l.compact);
    assert_eq!(l.total, 1000);
    assert_eq!(l.lanes[0].attempts.len(), 50);
    assert_eq!(s.job.expect("job").active, 1000);
    match s.tab {
        TabData::Timeline { rows, more, .. } => {
            assert_eq!(rows.len(), driver::MAX_TIMELINE_ROWS);
            assert_eq!(more, 1000 - driver::MAX_TIMELINE_ROWS);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn tabs_give_kubectl_text_and_events() {
    let (p, _) = play(PI, 1000.0, 16.0);
    let s = driver::snapshot(&p, &ask(Tab::Describe));
    match &s.tab {
        TabData::Text {
            command, stdout, ..
        } => {
            assert_eq!(command, "kubectl describe job/pi");
            assert!(stdout.starts_with("Name:"), "{stdout}");
            assert!(stdout.contains("SuccessfulCreate"));
        }
        other => panic!("{other:?}"),
    }
    match driver::snapshot(&p, &ask(Tab::GetPods)).tab {
        TabData::Text { stdout, .. } => assert!(stdout.starts_with("NAME"), "{stdout}"),
        other => panic!("{other:?}"),
    }
    match driver::snapshot(&p, &ask(Tab::Logs)).tab {
        TabData::Text {
            stdout, pods, pod, ..
        } => {
            assert!(stdout.starts_with("3.14159"), "{stdout}");
            assert_eq!(pods.len(), 1);
            assert_eq!(pod.as_ref(), pods.first());
        }
        other => panic!("{other:?}"),
    }
    match driver::snapshot(&p, &ask(Tab::Events)).tab {
        TabData::Events { rows, .. } => {
            assert!(rows
                .iter()
                .any(|r| r.reason == "SuccessfulCreate" && r.object == "job/pi"));
            assert!(rows.iter().any(|r| r.reason == "Completed"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn why_in_korean_and_pod_detail() {
    let (p, _) = play(PI, 1000.0, 16.0);
    let mut a = ask(Tab::Events);
    a.lang = Lang::Ko;
    a.selection = Some(Selection::Pod(0));
    let s = driver::snapshot(&p, &a);
    let d = s.detail.expect("detail");
    assert!(
        d.why.as_deref().is_some_and(|w| w.contains("생성")),
        "{d:?}"
    );
    let y = d.yaml.expect("yaml");
    assert!(y.contains("  labels:\n"), "{y}");
    assert!(y.contains("batch.kubernetes.io/job-name: pi"), "{y}");
    assert!(y.contains("phase: Succeeded"), "{y}");
    assert!(y.contains("exitCode: 0"), "{y}");
    assert!(s.outcome_why.as_deref().is_some_and(|w| w.contains("성공")));
    a.selection = Some(Selection::Condition("Complete".into()));
    let d = driver::snapshot(&p, &a).detail.expect("detail");
    assert!(d.why.is_some(), "{d:?}");
    a.selection = Some(Selection::Event(0));
    let d = driver::snapshot(&p, &a).detail.expect("detail");
    assert!(d.title.contains("SuccessfulCreate"), "{d:?}");
}

#[test]
fn validation_gives_lines_and_editor_diagnostics() {
    let text = PI.replace("backoffLimit: 4", "backoffLimit: 4\n  parallelismm: 2");
    let v = driver::validate(&text);
    assert!(!v.is_valid());
    assert!(v
        .summary
        .as_deref()
        .is_some_and(|s| s.contains("parallelismm")));
    let p = v.problems.first().expect("a problem");
    assert!(p.error);
    assert_eq!(
        p.line,
        Some(
            text.lines()
                .position(|l| l.contains("parallelismm"))
                .unwrap_or(0)
                + 1
        )
    );
    let json: serde_json::Value = serde_json::from_str(&v.diagnostics_json()).expect("json");
    assert_eq!(json[0]["severity"], "error");
    assert_eq!(json[0]["line"].as_u64(), p.line.map(|l| l as u64));
    assert!(driver::validate(PI).is_valid());
    assert_eq!(driver::validate(PI).diagnostics_json(), "[]");
    assert!(!driver::validate("kind: [").is_valid());
    assert!(Playback::new("kind: [").is_err());
}

#[test]
fn every_example_plays_to_its_end() {
    for e in gallery::EXAMPLES {
        let (_, seen) = play(e.text, 1000.0, 50.0);
        let end = seen.last().expect("end");
        assert!(end.over, "{}", e.name);
        let info = e.info("ko");
        assert!(!info.title.is_empty());
    }
}

#[test]
fn the_cronjob_strip_lists_jobs_and_upcoming_times() {
    let mut p = Playback::new(example("cronjob-hello")).expect("valid");
    p.seek(200_000);
    p.tick(0.0, 1.0, &mut unlimited());
    let s = driver::snapshot(&p, &ask(Tab::Timeline));
    let cron = s.cron.expect("cron");
    assert!(!cron.upcoming.is_empty());
    assert!(!s.cron_jobs.is_empty());
    assert_eq!(s.kind, "CronJob");
}

#[test]
fn the_form_rewrites_only_the_scenario_document() {
    let text = example("backoff");
    let workload_end = text.find("---\n").expect("two documents");
    let out = scenario_edit::apply(
        text,
        &Change::Evict {
            at: 30.0,
            index: String::new(),
            pod: "4".into(),
            all: false,
        },
    )
    .expect("valid");
    assert_eq!(
        &out[..workload_end],
        &text[..workload_end],
        "the workload is untouched"
    );
    assert!(
        out.contains("  actions:\n  - at: 30\n    evictPod: {pod: \"4\"}\n"),
        "{out}"
    );
    assert!(
        out.contains("title: \"Exponential backoff\""),
        "annotations kept: {out}"
    );
    let v = scenario_edit::read(&out).expect("reads");
    assert_eq!(v.actions, vec!["{at: 30, evictPod: {pod: \"4\"}}"]);
    assert_eq!(v.rules.len(), 2);
    // An exit rule for some pods goes first; removing things works.
    let out = scenario_edit::apply(
        &out,
        &Change::Exit {
            index: String::new(),
            pod: "5".into(),
            exit_code: 42,
            run_seconds: 3.0,
        },
    )
    .expect("valid");
    let v = scenario_edit::read(&out).expect("reads");
    assert_eq!(v.rules[0], "{pod: \"5\", runSeconds: 3, exitCode: 42}");
    let out = scenario_edit::apply(&out, &Change::RemoveAction(0)).expect("valid");
    assert!(scenario_edit::read(&out).expect("reads").actions.is_empty());
    assert_eq!(&out[..workload_end], &text[..workload_end]);
    // A file without a Scenario gets one appended.
    let out = scenario_edit::apply(
        PI,
        &Change::Queue {
            items: 5,
            seconds_per_item: 1.5,
        },
    )
    .expect("valid");
    assert!(out.starts_with(PI));
    assert!(
        out.contains("---\napiVersion: playground/v1\nkind: Scenario\n"),
        "{out}"
    );
    assert!(
        out.contains("  queue:\n    items: 5\n    secondsPerItem: 1.5\n"),
        "{out}"
    );
    let out = scenario_edit::apply(
        &out,
        &Change::Suspend {
            at: 2.0,
            suspend: true,
        },
    )
    .expect("valid");
    assert!(scenario_edit::read(&out).expect("reads").actions[0].contains("suspend: true"));
    // An invalid result is refused with the API server's words, and the text stays.
    let err = scenario_edit::apply(
        PI,
        &Change::Evict {
            at: 1.0,
            index: "x".into(),
            pod: String::new(),
            all: false,
        },
    );
    assert!(err.is_err());
    assert!(scenario_edit::apply("kind: [", &Change::RemoveQueue).is_err());
}

#[test]
fn every_example_survives_a_form_round_trip() {
    for e in gallery::EXAMPLES {
        let out = scenario_edit::apply(e.text, &Change::RemoveQueue).expect(e.name);
        let a = jobplay::scenario::ScenarioFile::parse(e.text).expect("valid");
        let b = jobplay::scenario::ScenarioFile::parse(&out).expect("valid");
        let mut sa = a.scenario.clone();
        sa.spec.queue = None;
        if sa.metadata.name.is_none() {
            sa.metadata.name = Some(a.workload.name().to_string());
        }
        sa.api_version = b.scenario.api_version.clone();
        sa.kind = b.scenario.kind.clone();
        assert_eq!(sa.spec, b.scenario.spec, "{}", e.name);
        assert_eq!(a.workload, b.workload, "{}", e.name);
    }
}

#[test]
fn small_formats() {
    assert_eq!(driver::clock(0), "0s");
    assert_eq!(driver::clock(83_000), "1m23s");
    assert_eq!(driver::clock(3_725_000), "1h02m05s");
    assert_eq!(driver::speed_label(0.25), "0.25×");
    assert_eq!(driver::speed_label(1000.0), "1000×");
    assert_eq!(driver::line_offset_utf16("a\n파드\nc", 3), 5);
    assert_eq!(driver::yaml_str("pi-abcde"), "pi-abcde");
    assert_eq!(driver::yaml_str("true"), "\"true\"");
    assert_eq!(
        driver::yaml_str("2026-01-01T00:00:00Z"),
        "\"2026-01-01T00:00:00Z\""
    );
    assert_eq!(driver::yaml_str("a b"), "\"a b\"");
}

/// The CronJob example with a time zone: it needs the time-zone table.
fn cronjob_in_seoul() -> String {
    example("cronjob-hello").replace(
        "  schedule: \"* * * * *\"\n",
        "  schedule: \"* * * * *\"\n  timeZone: Asia/Seoul\n",
    )
}

#[test]
fn a_text_naming_a_time_zone_waits_for_the_table_instead_of_an_answer() {
    use jobplay::controller::cronjob::zone;
    let text = cronjob_in_seoul();
    assert!(text.contains("timeZone: Asia/Seoul"));
    // As in the page before tzdata.bin has arrived.
    zone::pretend_missing(true);
    let v = driver::validate(&text);
    assert!(v.waiting_for_zones, "{v:?}");
    assert!(
        !v.is_valid() && v.summary.is_none() && v.problems.is_empty(),
        "{v:?}"
    );
    // A bad zone waits too: whether it is bad is not known yet.
    let bad = text.replace("Asia/Seoul", "Mars/Olympus");
    assert!(driver::validate(&bad).waiting_for_zones);
    // Texts that need no table are answered at once, right or wrong.
    assert!(driver::validate(PI).is_valid());
    assert!(driver::validate(example("cronjob-hello")).is_valid());
    let utc = text.replace("Asia/Seoul", "UTC");
    assert!(driver::validate(&utc).is_valid());
    let local = driver::validate(&text.replace("Asia/Seoul", "Local"));
    assert!(
        !local.waiting_for_zones && local.summary.is_some(),
        "{local:?}"
    );
    assert!(Playback::new(&text).is_err());
    // The table arrives: the same texts get their answers.
    zone::pretend_missing(false);
    let v = driver::validate(&text);
    assert!(v.is_valid() && !v.waiting_for_zones, "{v:?}");
    let v = driver::validate(&bad);
    assert!(!v.waiting_for_zones, "{v:?}");
    assert!(
        v.summary
            .as_deref()
            .unwrap_or("")
            .contains("unknown time zone Mars/Olympus"),
        "{v:?}"
    );
    let mut p = Playback::new(&text).expect("valid once the table is there");
    p.jump_to_end();
    p.tick(0.0, 1.0, &mut unlimited());
    assert!(p.cluster().store.jobs().next().is_some());
}
