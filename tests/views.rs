//! kubectl's human views (`jobplay describe`, `get pods|jobs|cronjobs`, `logs`)
//! against golden outputs.
//!
//! The goldens in tests/fixtures/views/*.out are exact kubectl text for the
//! fixture scenarios next to them (pod names and uids come from the scenario's
//! seed). After an intended change of the engine or the views, regenerate them
//! with `JOBPLAY_BLESS=1 cargo test --test views` and review the diff.

use jobplay::cli::{self, Output};
use jobplay::cluster::Cluster;
use jobplay::scenario::ScenarioFile;
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/views")
        .join(name);
    p.to_string_lossy().into_owned()
}

fn jobplay(args: &[&str]) -> Output {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    cli::run(&args)
}

/// stdout of a successful command.
fn out(args: &[&str]) -> String {
    let o = jobplay(args);
    assert_eq!(o.code, 0, "{args:?} failed: {}", o.stderr);
    o.stdout
}

/// The simulated cluster of a fixture at `at` seconds (or at the end).
fn cluster(name: &str, at: Option<f64>) -> Cluster {
    let text = std::fs::read_to_string(fixture(name)).expect("fixture");
    let file = ScenarioFile::parse(&text).expect("valid fixture");
    let mut c = Cluster::new(&file);
    match at {
        Some(t) => c.advance_to(jobplay::api::Time::from_secs_f64(t)),
        None => c.run_to_end(),
    }
    c
}

/// Names of the pods of a fixture, in creation order.
fn pod_names(name: &str) -> Vec<String> {
    cluster(name, None)
        .store
        .pods()
        .map(|(_, p)| p.name().to_string())
        .collect()
}

/// Compare with tests/fixtures/views/NAME (or write it under JOBPLAY_BLESS=1).
fn golden(name: &str, actual: &str) {
    let path = fixture(name);
    if std::env::var_os("JOBPLAY_BLESS").is_some() {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing golden {path}; run with JOBPLAY_BLESS=1"));
    if expected != actual {
        let mut diff = String::new();
        let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
        for i in 0..e.len().max(a.len()) {
            let (x, y) = (e.get(i).copied(), a.get(i).copied());
            if x != y {
                diff.push_str(&format!(
                    "line {}:\n  expected {:?}\n  actual   {:?}\n",
                    i + 1,
                    x,
                    y
                ));
            }
        }
        panic!("{name} differs from the golden output:\n{diff}\nactual output:\n{actual}");
    }
}

// ---------------------------------------------------------------- the pi example

#[test]
fn pi_describe_at_the_end() {
    golden("pi.describe.out", &out(&["describe", &fixture("pi.yaml")]));
}

#[test]
fn pi_get_pods_through_its_life() {
    let f = fixture("pi.yaml");
    let pod = &pod_names("pi.yaml")[0];
    assert_eq!(
        out(&["get", "pods", &f, "--at", "0.5"]),
        format!(
            "NAME       READY   STATUS              RESTARTS   AGE\n\
             {pod}   0/1     ContainerCreating   0          0s\n"
        )
    );
    assert_eq!(
        out(&["get", "pods", &f, "--at", "5"]),
        format!(
            "NAME       READY   STATUS    RESTARTS   AGE\n\
             {pod}   1/1     Running   0          5s\n"
        )
    );
    assert_eq!(
        out(&["get", "pods", &f]),
        format!(
            "NAME       READY   STATUS      RESTARTS   AGE\n\
             {pod}   0/1     Completed   0          12s\n"
        )
    );
}

#[test]
fn pi_get_jobs() {
    let f = fixture("pi.yaml");
    assert_eq!(
        out(&["get", "jobs", &f, "--at", "5"]),
        "NAME   STATUS    COMPLETIONS   DURATION   AGE\n\
         pi     Running   0/1           5s         5s\n"
    );
    assert_eq!(
        out(&["get", "jobs", &f]),
        "NAME   STATUS     COMPLETIONS   DURATION   AGE\n\
         pi     Complete   1/1           12s        12s\n"
    );
    golden(
        "pi.get-jobs-wide.out",
        &out(&["get", "jobs", &f, "-o", "wide"]),
    );
}

#[test]
fn pi_logs_print_the_digits() {
    let f = fixture("pi.yaml");
    let pod = &pod_names("pi.yaml")[0];
    let logs = out(&["logs", &f, pod]);
    let line = logs.strip_suffix('\n').expect("one line");
    assert_eq!(line.len(), 2001);
    assert!(line.starts_with("3.14159265358979323846264338327950288419716939937510"));
    // The real output of `kubectl logs` in the documentation (seed 000).
    if let Ok(seed) = std::fs::read_to_string("/work/shared/seeds/000_9ec1bae46ef96403.txt") {
        let real = seed
            .lines()
            .find(|l| l.starts_with("3.1415"))
            .expect("pi line");
        assert_eq!(line, real);
    }
    // `pod/NAME` is accepted as kubectl does.
    assert_eq!(out(&["logs", &f, &format!("pod/{pod}")]), logs);
    // While running, nothing printed yet.
    assert_eq!(out(&["logs", &f, pod, "--at", "5"]), "");
}

/// The pod template and events blocks have the layout of the real `kubectl
/// describe jobs/pi` output in the documentation (seed 000), line for line, apart
/// from what kubectl ≥ 1.27 changed: the Node-Selectors and Tolerations lines it
/// added widen the block of Environment, Mounts and Volumes by one column.
#[test]
fn pi_describe_matches_the_documentation_layout() {
    let Ok(seed) = std::fs::read_to_string("/work/shared/seeds/000_9ec1bae46ef96403.txt") else {
        return;
    };
    let real: Vec<&str> = seed
        .lines()
        .skip_while(|l| !l.starts_with("Name:           pi"))
        .take_while(|l| !l.is_empty())
        .collect();
    let ours = out(&["describe", &fixture("pi.yaml")]);
    let ours: Vec<&str> = ours.lines().collect();
    let block = |lines: &[&str], from: &str, to: &str| -> Vec<String> {
        lines
            .iter()
            .skip_while(|l| !l.starts_with(from))
            .take_while(|l| !l.starts_with(to))
            .map(|l| l.to_string())
            .collect()
    };
    // Containers block up to Environment: identical.
    assert_eq!(
        block(&real, "  Containers:", "    Environment:"),
        block(&ours, "  Containers:", "    Environment:")
    );
    // Environment / Mounts / Volumes: one more space, as the block is one wider.
    let widen = |l: &str| l.replacen(":  ", ":   ", 1);
    let real_env: Vec<String> = block(&real, "    Environment:", "Events:")
        .iter()
        .map(|l| widen(l))
        .collect();
    let ours_env = block(&ours, "    Environment:", "  Node-Selectors:");
    assert_eq!(real_env, ours_env);
    // Events: same header and columns (ages and pod names differ).
    let real_events = block(&real, "Events:", "\u{0}");
    let ours_events = block(&ours, "Events:", "\u{0}");
    assert_eq!(real_events[..3], ours_events[..3]);
    let cols = |l: &str| l.split("  ").filter(|s| !s.is_empty()).count();
    assert_eq!(cols(&real_events[3]), cols(&ours_events[3]));
    assert!(ours_events[3].starts_with("  Normal  SuccessfulCreate  "));
    // Top block: the same labels in the same column as the modern layout puts them.
    assert!(ours.contains(&"Name:             pi"));
    assert!(ours.contains(&"Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed"));
    assert!(ours.contains(&"Start Time:       Thu, 01 Jan 2026 00:00:00 +0000"));
}

// ---------------------------------------------------------------- Indexed

#[test]
fn indexed_job_shows_completed_indexes() {
    let f = fixture("indexed.yaml");
    golden("indexed.describe.out", &out(&["describe", &f]));
    // Two consecutive indexes are written `0,1`, as the controller writes them.
    let mid = out(&["describe", &f, "--at", "12"]);
    assert!(mid.contains("\nCompleted Indexes:  0,1\n"), "{mid}");
    assert!(
        mid.contains("\nPods Statuses:      2 Active (2 Ready) / 2 Succeeded / 0 Failed\n"),
        "{mid}"
    );
    let start = out(&["describe", &f, "--at", "1"]);
    assert!(start.contains("\nCompleted Indexes:  <none>\n"), "{start}");
    assert!(
        start.contains("\nPods Statuses:      2 Active (0 Ready) / 0 Succeeded / 0 Failed\n"),
        "{start}"
    );
    golden("indexed.get-pods.out", &out(&["get", "pods", &f]));
}

// ---------------------------------------------------------------- failures

#[test]
fn failing_job_shows_errors_and_backoff_limit_exceeded() {
    let f = fixture("failing.yaml");
    let d = out(&["describe", &f]);
    golden("failing.describe.out", &d);
    assert!(d.contains(
        "Warning  BackoffLimitExceeded  0s    job-controller  Job has reached the specified backoff limit"
    ));
    let pods = out(&["get", "pods", &f]);
    assert_eq!(pods.lines().count(), 4);
    assert!(
        pods.lines()
            .skip(1)
            .all(|l| l.contains("   0/1     Error    0   ")),
        "{pods}"
    );
    let jobs = out(&["get", "jobs", &f]);
    assert!(
        jobs.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("failing   Failed   0/1 ")),
        "{jobs}"
    );
}

#[test]
fn onfailure_pod_crash_loops() {
    let f = fixture("crashloop.yaml");
    let pod = &pod_names("crashloop.yaml")[0];
    let row = |at: &str| {
        let o = out(&["get", "pods", &f, "--at", at]);
        o.lines().nth(1).map(str::to_string).unwrap_or_default()
    };
    assert_eq!(row("3"), format!("{pod}   1/1     Running   0          3s"));
    assert_eq!(
        row("6.5"),
        format!("{pod}   0/1     Error    0          6s")
    );
    assert_eq!(
        row("7"),
        format!("{pod}   1/1     Running   1 (1s ago)   7s")
    );
    assert_eq!(
        row("20"),
        format!("{pod}   0/1     CrashLoopBackOff   1 (8s ago)   20s")
    );
    assert_eq!(
        out(&["get", "pods", &f, "--at", "40"]),
        format!(
            "NAME           READY   STATUS             RESTARTS      AGE\n\
             {pod}   0/1     CrashLoopBackOff   2 (13s ago)   40s\n"
        )
    );
    // While it waits to restart, the logs are those of the container that exited.
    assert_eq!(
        out(&["logs", &f, pod, "--at", "20"]),
        "starting\ngiving up\n"
    );
    // A restarted container starts a new log.
    assert_eq!(out(&["logs", &f, pod, "--at", "7"]), "starting\n");
    golden("crashloop.describe.out", &out(&["describe", &f]));
}

#[test]
fn deleted_pod_is_terminating_until_it_stops() {
    let f = fixture("terminating.yaml");
    let names = pod_names("terminating.yaml");
    let (first, second) = (&names[0], &names[1]);
    assert_eq!(
        out(&["get", "pods", &f, "--at", "25"]),
        format!(
            "NAME              READY   STATUS        RESTARTS   AGE\n\
             {first}   1/1     Terminating   0          25s\n\
             {second}   1/1     Running       0          5s\n"
        )
    );
    // Gone from the API once stopped: not listed any more.
    assert_eq!(
        out(&["get", "pods", &f, "--at", "31"]),
        format!(
            "NAME              READY   STATUS      RESTARTS   AGE\n\
             {second}   0/1     Completed   0          11s\n"
        )
    );
    let o = jobplay(&["logs", &f, first, "--at", "31"]);
    assert_eq!(o.code, 1);
    assert_eq!(
        o.stderr,
        format!("Error from server (NotFound): pods \"{first}\" not found\n")
    );
    // Container details: ports, resources, env from the downward API, mounts, volumes.
    golden(
        "terminating.describe.out",
        &out(&["describe", &f, "--at", "40"]),
    );
}

// ---------------------------------------------------------------- CronJob

#[test]
fn cronjob_views() {
    let f = fixture("cronjob.yaml");
    golden("cronjob.get-cronjobs.out", &out(&["get", "cronjobs", &f]));
    assert_eq!(
        out(&["get", "cj", &f, "--at", "30"]),
        "NAME    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\n\
         hello   * * * * *   <none>     False     0        <none>          30s\n"
    );
    assert_eq!(
        out(&["get", "cronjobs", &f, "--at", "61"]),
        "NAME    SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\n\
         hello   * * * * *   <none>     False     1        1s              61s\n"
    );
    golden("cronjob.get-jobs.out", &out(&["get", "jobs", &f]));
    golden("cronjob.get-pods.out", &out(&["get", "pods", &f]));
    golden("cronjob.describe.out", &out(&["describe", &f]));
    golden(
        "cronjob.describe-121.out",
        &out(&["describe", &f, "--at", "121"]),
    );
    let jobs = out(&["get", "jobs", &f]);
    let last = jobs
        .lines()
        .last()
        .and_then(|l| l.split_whitespace().next())
        .expect("a job");
    let d = out(&["describe", &f, &format!("job/{last}")]);
    assert!(d.contains("\nControlled By:    CronJob/hello\n"), "{d}");
    assert!(d.contains("Annotations:      batch.kubernetes.io/cronjob-scheduled-timestamp: 2026-01-01T00:04:00Z\n"), "{d}");
    // The oldest Job was deleted by the history limit.
    let o = jobplay(&["describe", &f, "jobs", "hello-29453761"]);
    assert_eq!(o.code, 1);
    assert_eq!(
        o.stderr,
        "Error from server (NotFound): jobs.batch \"hello-29453761\" not found\n"
    );
}

// ---------------------------------------------------------------- events

#[test]
fn repeated_events_are_counted_as_kubectl_shows_them() {
    let text = "apiVersion: batch/v1
kind: Job
metadata:
  name: toggle
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
---
apiVersion: playground/v1
kind: Scenario
metadata:
  name: toggle
spec:
  pods:
  - runSeconds: 30
  actions:
  - at: 5
    suspend: true
  - at: 10
    suspend: false
  - at: 20
    suspend: true
  - at: 40
    suspend: false
";
    let dir = std::env::temp_dir().join(format!("jobplay-views-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let f = dir.join("toggle.yaml");
    std::fs::write(&f, text).expect("write");
    let d = out(&["describe", f.to_str().expect("utf-8")]);
    assert!(
        d.contains(
            "  Normal  Suspended         52s (x2 over 67s)  job-controller  Job suspended\n"
        ),
        "{d}"
    );
    assert!(
        d.contains("  Normal  Resumed           32s (x2 over 62s)  job-controller  Job resumed\n"),
        "{d}"
    );
}

#[test]
fn many_similar_events_are_combined_and_rate_limited() {
    let text = "apiVersion: batch/v1
kind: Job
metadata:
  name: many
spec:
  parallelism: 30
  completions: 30
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
        command: [\"sleep\", \"5\"]
";
    let dir = std::env::temp_dir().join(format!("jobplay-views-many-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let f = dir.join("many.yaml");
    std::fs::write(&f, text).expect("write");
    let f = f.to_str().expect("utf-8");
    let d = out(&["describe", f]);
    let events: Vec<&str> = d.lines().skip_while(|l| *l != "Events:").collect();
    // 9 single SuccessfulCreate events, then one combined event for the other 16
    // that got through the spam filter (25 events per object); Completed is dropped.
    assert_eq!(events.len(), 3 + 10, "{d}");
    assert!(
        events[12].contains(" (x16 over ")
            && events[12].contains("(combined from similar events): Created pod: ")
    );
    assert!(!d.contains("Job completed"));
    // An hour after their last write, the API server has deleted them.
    let late = out(&["describe", f, "--at", "3700"]);
    assert!(late.contains("\nEvents:            <none>\n"), "{late}");
}

// ---------------------------------------------------------------- CLI contract

#[test]
fn exit_codes_and_error_texts() {
    let pi = fixture("pi.yaml");
    let pod = &pod_names("pi.yaml")[0];

    // Unknown pod.
    let o = jobplay(&["logs", &pi, "pi-zzzzz"]);
    assert_eq!((o.code, o.stdout.as_str()), (1, ""));
    assert_eq!(
        o.stderr,
        "Error from server (NotFound): pods \"pi-zzzzz\" not found\n"
    );

    // A pod whose container has not started.
    let o = jobplay(&["logs", &pi, pod, "--at", "0.5"]);
    assert_eq!(o.code, 1);
    assert_eq!(
        o.stderr,
        format!("Error from server (BadRequest): container \"pi\" in pod \"{pod}\" is waiting to start: ContainerCreating\n")
    );

    // An unknown container.
    let o = jobplay(&["logs", &pi, pod, "-c", "nope"]);
    assert_eq!(o.code, 1);
    assert_eq!(
        o.stderr,
        format!("Error from server (BadRequest): container nope is not valid for pod {pod}\n")
    );
    assert_eq!(jobplay(&["logs", &pi, pod, "-c", "pi"]).code, 0);

    // Invalid input: exit 2, nothing on stdout.
    let dir = std::env::temp_dir().join(format!("jobplay-views-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let bad = dir.join("bad.yaml");
    std::fs::write(
        &bad,
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: busybox\n",
    )
    .expect("write");
    let bad = bad.to_str().expect("utf-8");
    for args in [
        vec!["describe", bad],
        vec!["get", "pods", bad],
        vec!["get", "jobs", bad],
        vec!["logs", bad, "x-abcde"],
    ] {
        let o = jobplay(&args);
        assert_eq!(o.code, 2, "{args:?}");
        assert!(o.stdout.is_empty());
        assert!(
            o.stderr
                .contains("spec.template.spec.restartPolicy: Required value"),
            "{}",
            o.stderr
        );
    }
    let o = jobplay(&["describe", "/nonexistent/file.yaml"]);
    assert_eq!((o.code, o.stdout.as_str()), (2, ""));

    // Wrong command lines.
    assert_eq!(jobplay(&["describe"]).code, 64);
    assert_eq!(jobplay(&["get", "pods"]).code, 64);
    assert_eq!(jobplay(&["logs", &pi]).code, 64);
    assert_eq!(jobplay(&["get", "pods", &pi, "-o", "yaml"]).code, 64);

    // kubectl's errors.
    let o = jobplay(&["get", "widgets", &pi]);
    assert_eq!(o.code, 1);
    assert_eq!(
        o.stderr,
        "error: the server doesn't have a resource type \"widgets\"\n"
    );
    let o = jobplay(&["describe", &pi, "job/other"]);
    assert_eq!(o.code, 1);
    assert_eq!(
        o.stderr,
        "Error from server (NotFound): jobs.batch \"other\" not found\n"
    );

    // An empty list is not an error.
    let o = jobplay(&["get", "cronjobs", &pi]);
    assert_eq!(o.code, 0);
    assert_eq!(o.stdout, "");
    assert_eq!(o.stderr, "No resources found in default namespace.\n");
}

#[test]
fn ttl_deleted_job_is_not_found() {
    let dir = std::env::temp_dir().join(format!("jobplay-views-ttl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp");
    let f = dir.join("ttl.yaml");
    std::fs::write(
        &f,
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi-with-ttl\nspec:\n  ttlSecondsAfterFinished: 100\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: pi\n        image: perl\n        command: [\"perl\", \"-Mbignum=bpi\", \"-wle\", \"print bpi(2000)\"]\n",
    )
    .expect("write");
    let f = f.to_str().expect("utf-8");
    let d = out(&["describe", f, "--at", "20"]);
    assert!(d.contains("\nTTL Seconds After Finished:  100\n"), "{d}");
    let o = jobplay(&["describe", f]);
    assert_eq!(o.code, 1);
    assert_eq!(
        o.stderr,
        "Error from server (NotFound): jobs.batch \"pi-with-ttl\" not found\n"
    );
    let o = jobplay(&["get", "pods", f]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
    assert_eq!(o.stderr, "No resources found in default namespace.\n");
}
