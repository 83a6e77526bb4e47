//! Random Jobs and CronJobs, pod behaviours and timed actions, built from the
//! fuzzer's bytes, run to the end step by step with the invariants checked after
//! every step (`cluster::invariants`, called here because fuzz builds are release
//! builds): never a panic, never a broken invariant, never more steps than the run
//! limits allow. One input in four is also played as the page plays it (a session
//! that keeps only recent history, with checkpoints): going back and forth must give
//! the same state as simulating straight to the same moment.
#![no_main]
use jobplay::api::Time;
use jobplay::cluster::{invariants, Cluster, Limits};
use libfuzzer_sys::fuzz_target;

struct Bytes<'a>(std::slice::Iter<'a, u8>);

impl Bytes<'_> {
    fn n(&mut self, max: u32) -> u32 {
        let b = self.0.next().copied().unwrap_or(0) as u32;
        b % max.max(1)
    }
    fn yes(&mut self) -> bool {
        self.n(2) == 1
    }
    fn pick<'s>(&mut self, options: &[&'s str]) -> &'s str {
        options[self.n(options.len() as u32) as usize]
    }
}

/// A Job spec (the fields under `spec:`), indented by `ind`.
fn job_spec(b: &mut Bytes, ind: &str) -> (String, bool) {
    let mut s = String::new();
    let completions = b.n(12);
    let indexed = b.yes();
    let has_completions = b.n(4) > 0;
    let mut pfp = false;
    if has_completions {
        s += &format!("{ind}completions: {completions}\n");
        if indexed {
            s += &format!("{ind}completionMode: Indexed\n");
            if b.yes() {
                s += &format!("{ind}backoffLimitPerIndex: {}\n", b.n(3));
                if b.yes() {
                    s += &format!("{ind}maxFailedIndexes: {}\n", b.n(3).min(completions));
                }
            }
            if b.yes() {
                s += &format!(
                    "{ind}successPolicy:\n{ind}  rules:\n{ind}  - succeededCount: {}\n",
                    b.n(4).min(completions).max(1)
                );
            }
        }
    }
    s += &format!(
        "{ind}parallelism: {}\n{ind}backoffLimit: {}\n",
        b.n(8),
        b.n(6)
    );
    if b.n(3) == 0 {
        s += &format!("{ind}activeDeadlineSeconds: {}\n", b.n(200));
    }
    if b.n(4) == 0 {
        s += &format!("{ind}ttlSecondsAfterFinished: {}\n", b.n(60));
    }
    if b.n(6) == 0 {
        s += &format!("{ind}suspend: true\n");
    }
    match b.n(4) {
        0 => {
            pfp = true;
            let fail_index = indexed && has_completions && s.contains("backoffLimitPerIndex");
            s += &format!(
                "{ind}podFailurePolicy:\n{ind}  rules:\n{ind}  - action: Ignore\n{ind}    onPodConditions:\n{ind}    - type: DisruptionTarget\n{ind}  - action: {}\n{ind}    onExitCodes:\n{ind}      operator: {}\n{ind}      values: [42]\n",
                if fail_index { b.pick(&["FailJob", "FailIndex", "Count"]) } else { b.pick(&["FailJob", "Count"]) },
                b.pick(&["In", "NotIn"]),
            );
        }
        1 => s += &format!("{ind}podReplacementPolicy: Failed\n"),
        _ => {}
    }
    let restart = if pfp {
        "Never"
    } else {
        b.pick(&["Never", "OnFailure"])
    };
    s += &format!(
        "{ind}template:\n{ind}  spec:\n{ind}    restartPolicy: {restart}\n{ind}    terminationGracePeriodSeconds: {}\n",
        b.n(40)
    );
    if b.n(5) == 0 {
        s += &format!("{ind}    activeDeadlineSeconds: {}\n", 1 + b.n(100));
    }
    s += &format!("{ind}    containers:\n{ind}    - name: main\n{ind}      image: busybox\n");
    match b.n(4) {
        0 => {
            s += &format!(
                "{ind}      command: [sh, -c, \"echo $JOB_COMPLETION_INDEX; sleep {}\"]\n",
                b.n(30)
            )
        }
        1 => {
            s += &format!(
                "{ind}      command: [sh, -c, \"exit {}\"]\n",
                b.pick(&["0", "1", "42"])
            )
        }
        _ => {}
    }
    if b.n(4) == 0 {
        s += &format!("{ind}    - name: side\n{ind}      image: busybox\n");
    }
    (s, indexed && has_completions)
}

fn scenario(b: &mut Bytes, cron: bool, indexed: bool) -> String {
    let mut s = String::from(
        "---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: fz\nspec:\n",
    );
    s += &format!("  seed: {}\n", b.n(1000));
    if b.yes() {
        s += &format!("  startSeconds: {}\n", b.n(5));
    }
    let stop = if cron {
        600 + b.n(7200)
    } else {
        100 + b.n(3000)
    };
    s += &format!("  stopAfterSeconds: {stop}\n  pods:\n");
    for _ in 0..b.n(5) {
        s += "  - ";
        let mut sel = Vec::new();
        if b.yes() {
            sel.push(format!("pod: \"{}\"", b.pick(&["0", "1", "0-1", "2-4"])));
        }
        if indexed && b.yes() {
            sel.push(format!("index: \"{}\"", b.pick(&["0", "1", "1,3", "2-5"])));
        }
        if cron && b.yes() {
            sel.push(format!("job: \"{}\"", b.pick(&["0", "1", "0-2"])));
        }
        if b.n(4) == 0 {
            sel.push(format!("restart: \"{}\"", b.pick(&["0", "1", "0-2"])));
        }
        for x in &sel {
            s += x;
            s += "\n    ";
        }
        s += &format!("runSeconds: {}\n", b.n(60));
        match b.n(8) {
            0 => s += "    evicted: true\n",
            1 => s += "    neverStarts: true\n    reason: ImagePullBackOff\n",
            _ => s += &format!("    exitCode: {}\n", b.pick(&["0", "0", "1", "42", "137"])),
        }
        if b.yes() {
            s += &format!("    stopSeconds: {}\n", b.n(40));
        }
        if b.n(4) == 0 {
            s += "    logs: \"<b>done</b>\"\n";
        }
        if b.n(6) == 0 {
            s += "    container: main\n";
        }
    }
    s += "  - runSeconds: 5\n";
    let n = b.n(6);
    if n > 0 {
        s += "  actions:\n";
    }
    for _ in 0..n {
        let at = b.n(if cron { 3600 } else { 150 });
        let action = match b.n(10) {
            0 => format!("deletePod: {{pod: \"{}\"}}", b.n(6)),
            1 => format!("evictPod: {{pod: \"{}\"}}", b.n(6)),
            2 => format!("suspend: {}", b.yes()),
            3 if cron => format!(
                "patch: {{spec: {{schedule: \"{}\"}}}}",
                b.pick(&["*/2 * * * *", "0 * * * *", "@hourly"])
            ),
            3 => format!("patch: {{spec: {{parallelism: {}}}}}", b.n(8)),
            4 => "evictPod: {all: true}".to_string(),
            5 => "deletePod: {all: true}".to_string(),
            6 => format!(
                "addPodCondition: {{pod: \"{}\", type: ConfigIssue, reason: Bad}}",
                b.n(3)
            ),
            7 if cron => format!(
                "patch: {{spec: {{concurrencyPolicy: {}}}}}",
                b.pick(&["Allow", "Forbid", "Replace"])
            ),
            7 => format!(
                "patch: {{spec: {{activeDeadlineSeconds: {}}}}}",
                1 + b.n(100)
            ),
            8 if indexed => {
                let c = b.n(10);
                format!("patch: {{spec: {{completions: {c}, parallelism: {c}}}}}")
            }
            _ => format!(
                "deleteJob: {{propagationPolicy: {}}}",
                b.pick(&["Background", "Foreground", "Orphan"])
            ),
        };
        s += &format!("  - at: {at}\n    {action}\n");
    }
    s
}

fn text(b: &mut Bytes) -> String {
    if b.n(4) == 0 {
        let mut s =
            String::from("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: fz\nspec:\n");
        s += &format!(
            "  schedule: \"{}\"\n",
            b.pick(&[
                "* * * * *",
                "*/5 * * * *",
                "0 * * * *",
                "30 1 * * *",
                "@hourly",
                "*/7 * * * *"
            ])
        );
        if b.yes() {
            s += &format!(
                "  timeZone: {}\n",
                b.pick(&["Etc/UTC", "Asia/Seoul", "America/New_York"])
            );
        }
        s += &format!(
            "  concurrencyPolicy: {}\n",
            b.pick(&["Allow", "Forbid", "Replace"])
        );
        if b.yes() {
            s += &format!("  startingDeadlineSeconds: {}\n", 10 + b.n(200));
        }
        s += &format!(
            "  successfulJobsHistoryLimit: {}\n  failedJobsHistoryLimit: {}\n",
            b.n(4),
            b.n(3)
        );
        if b.n(6) == 0 {
            s += "  suspend: true\n";
        }
        s += "  jobTemplate:\n    spec:\n";
        let (spec, indexed) = job_spec(b, "      ");
        s += &spec;
        s += &scenario(b, true, indexed);
        s
    } else {
        let mut s = String::from("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: fz\nspec:\n");
        let (spec, indexed) = job_spec(b, "  ");
        s += &spec;
        s += &scenario(b, false, indexed);
        s
    }
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes(data.iter());
    let s = text(&mut b);
    if std::env::var_os("FUZZ_PRINT").is_some() {
        eprintln!("{s}");
    }
    let Ok(file) = jobplay::scenario::ScenarioFile::parse(&s) else {
        return;
    };
    let limits = Limits::default();
    let mut c = Cluster::new(&file);
    let mut st = invariants::State::default();
    let mut steps = 0u64;
    while c.step().is_some() {
        steps += 1;
        if let Err(e) = c.check_invariants(&mut st) {
            panic!("invariant broken at t={}: {e}\n{s}", c.now);
        }
        // Every step handles at least one timer, so the steps limit bounds the run.
        assert!(
            steps <= limits.max_steps + 1,
            "the run went past its steps limit\n{s}"
        );
    }
    c.run_to_end();
    if b.n(4) == 0 {
        // The page's way: recent history only, checkpoints, back and forth.
        let mut p = jobplay::sim::Session::new(file.clone());
        let end = c.now;
        let a = Time(end.0 * b.n(100) as u64 / 100);
        let z = Time(end.0 * b.n(100) as u64 / 100);
        p.seek(a);
        p.seek(z);
        p.step();
        p.step_back();
        let at = p.now();
        let mut q = jobplay::sim::Session::new(file);
        q.seek(at);
        let view = |c: &Cluster| {
            (
                c.now,
                c.store.revision,
                c.store.pods_created(),
                c.store.events_recorded(),
                jobplay::view::get::pods(c).render(),
            )
        };
        assert_eq!(
            view(p.cluster()),
            view(q.cluster()),
            "going back and forth differs\n{s}"
        );
    }
});
