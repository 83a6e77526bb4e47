//! Workshop walk-throughs (`spec.walkthrough`, `src/scenario/walkthrough.rs`):
//! validated as strictly as the rest of the Scenario (unknown fields and bad
//! checks are errors with their line), accepted by the CLI and absent from
//! `run --json`, kept by the Scenario form's rewrites, and checked against runs.

use jobplay::scenario::walkthrough::{check_steps, Op};
use jobplay::scenario::ScenarioFile;

const JOB: &str = "apiVersion: batch/v1
kind: Job
metadata:
  name: w
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
        image: busybox
        command: [sleep, \"5\"]
---
apiVersion: playground/v1
kind: Scenario
metadata:
  name: w
spec:
";

fn with_steps(steps: &str) -> String {
    format!("{JOB}  walkthrough:\n{steps}")
}

fn error_of(text: &str) -> (String, Vec<(Option<usize>, String)>) {
    let e = ScenarioFile::parse(text).expect_err("invalid");
    let d = e
        .diagnostics
        .iter()
        .map(|d| (d.line, d.message.clone()))
        .collect();
    (e.message, d)
}

#[test]
fn a_walkthrough_parses_with_its_steps_and_checks() {
    let text = with_steps(
        "  - text: Press Run.\n    textKo: 실행을 누르자.\n    at: 6\n  - text: Fix it.\n    expect:\n    - path: job.spec.backoffLimit\n      atLeast: 2\n    - outcome: Complete\n    hint: h\n    hintKo: 힌트\n",
    );
    let f = ScenarioFile::parse(&text).expect("valid");
    let w = &f.scenario.spec.walkthrough;
    assert_eq!(w.len(), 2);
    assert_eq!(w[0].at.map(|s| s.0), Some(6.0));
    assert_eq!(w[0].text_in("ko"), "실행을 누르자.");
    assert_eq!(w[1].expect.len(), 2);
    assert_eq!(
        w[1].expect[0].meaning().unwrap(),
        ("job.spec.backoffLimit".to_string(), Op::AtLeast(2.0))
    );
}

#[test]
fn unknown_fields_are_errors_with_their_line() {
    let text = with_steps("  - text: Hi\n    pauseAt: 3\n");
    let (msg, diags) = error_of(&text);
    assert!(
        msg.contains("unknown field \"spec.walkthrough[0].pauseAt\""),
        "{msg}"
    );
    assert_eq!(diags[0].0, Some(22), "{diags:?}");
    let text = with_steps(
        "  - text: Hi\n    expect:\n    - path: job.spec.parallelism\n      greaterThan: 1\n",
    );
    let (msg, diags) = error_of(&text);
    assert!(
        msg.contains("spec.walkthrough[0].expect[0].greaterThan"),
        "{msg}"
    );
    assert_eq!(diags[0].0, Some(24), "{diags:?}");
}

#[test]
fn bad_checks_are_refused_in_the_api_servers_words() {
    let cases = [
        (
            "    expect:\n    - path: spec.backoffLimit\n      atLeast: 2\n",
            "spec.walkthrough[0].expect[0].path: Invalid value: \"spec.backoffLimit\": must start with one of job, jobs, pods",
            Some(23),
        ),
        (
            "    expect:\n    - path: job.spec.backoffLimit\n",
            "spec.walkthrough[0].expect[0]: Required value: one of equals, notEquals, atLeast, atMost, exists",
            Some(23),
        ),
        (
            "    expect:\n    - path: job.spec.backoffLimit\n      atLeast: 2\n      atMost: 4\n",
            "has more than one of equals",
            Some(23),
        ),
        (
            "    expect:\n    - outcome: Succeeded\n",
            "spec.walkthrough[0].expect[0].outcome: Invalid value: \"Succeeded\": must be one of Complete, Failed",
            Some(23),
        ),
        ("    at: -1\n", "spec.walkthrough[0].at: Invalid value: -1", Some(22)),
    ];
    for (body, want, line) in cases {
        let (msg, diags) = error_of(&with_steps(&format!("  - text: Step\n{body}")));
        assert!(msg.contains(want), "{msg}\nwants {want}");
        assert!(msg.starts_with("The Scenario \"w\" is invalid"), "{msg}");
        assert_eq!(diags[0].0, line, "{msg}: {diags:?}");
    }
    let (msg, _) = error_of(&with_steps("  - text: \"\"\n"));
    assert!(
        msg.contains("spec.walkthrough[0].text: Required value"),
        "{msg}"
    );
    let (msg, _) = error_of(&with_steps(
        "  - text: x\n    expect:\n    - path: job\n      atLeast: two\n",
    ));
    assert!(msg.contains("atLeast"), "{msg}");
}

#[test]
fn outcome_needs_a_job() {
    let cron = "apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  schedule: \"* * * * *\"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: c
            image: busybox
---
apiVersion: playground/v1
kind: Scenario
metadata:
  name: c
spec:
  walkthrough:
  - text: x
    expect:
    - outcome: Complete
";
    let (msg, _) = error_of(cron);
    assert!(msg.contains("applies to a Job"), "{msg}");
    let ok = cron.replace("- outcome: Complete", "- path: jobs\n      atLeast: 1");
    assert!(ScenarioFile::parse(&ok).is_ok());
}

#[test]
fn the_cli_accepts_walkthroughs_and_leaves_them_out_of_run_json() {
    let dir = std::env::temp_dir().join(format!("jobplay-walk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let with = dir.join("with.yaml");
    let without = dir.join("without.yaml");
    let text = include_str!("../examples/workshop-backoff-limit.yaml");
    std::fs::write(&with, text).unwrap();
    let cut = &text[..text.find("  walkthrough:").unwrap()];
    std::fs::write(&without, cut).unwrap();
    let run = |p: &std::path::Path, cmd: &str| {
        let mut args = vec![cmd.to_string(), p.to_string_lossy().into_owned()];
        if cmd == "run" {
            args.push("--json".into());
        }
        jobplay::cli::run(&args)
    };
    let a = run(&with, "run");
    let b = run(&without, "run");
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert_eq!(a.stdout, b.stdout, "run --json ignores the walk-through");
    assert!(!a.stdout.contains("walkthrough"));
    assert_eq!(run(&with, "validate").code, 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_scenario_form_keeps_the_walkthrough() {
    use jobplay::ui::scenario_edit::{apply, Change};
    let text = include_str!("../examples/workshop-parallelism.yaml");
    let before = ScenarioFile::parse(text).unwrap().scenario.spec.walkthrough;
    let edited = apply(
        text,
        &Change::Suspend {
            at: 3.0,
            suspend: true,
        },
    )
    .expect("the form's change");
    let after = ScenarioFile::parse(&edited)
        .expect("still valid")
        .scenario
        .spec
        .walkthrough;
    assert_eq!(before, after);
    assert!(edited.contains("atMost: 30"));
}

#[test]
fn verdicts_say_what_the_run_held() {
    let text = include_str!("../examples/workshop-backoff-limit.yaml");
    let f = ScenarioFile::parse(text).unwrap();
    let mut c = jobplay::cluster::Cluster::new(&f);
    c.run_to_end();
    let v = check_steps(
        &f.scenario.spec.walkthrough,
        &jobplay::view::json::run_json(&c),
    );
    assert_eq!(v.len(), 4);
    let step = &v[2];
    assert_eq!(step[0].found, Some(serde_json::json!(1)));
    assert!(!step[0].passed);
    assert_eq!(step[1].path, "job.status.conditions[type=Complete].status");
    assert_eq!(step[1].found, None, "the Job never completed");
}
