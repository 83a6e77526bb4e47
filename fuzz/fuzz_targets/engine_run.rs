//! Random Jobs, pod behaviours and actions, built from the fuzzer's bytes, run to
//! the end with the invariants checked after every instant: never a panic, never a
//! hang past the run limits.
#![no_main]
use libfuzzer_sys::fuzz_target;

fn pick<'a>(b: &mut impl Iterator<Item = u8>, options: &[&'a str]) -> &'a str {
    options[b.next().unwrap_or(0) as usize % options.len()]
}

fuzz_target!(|data: &[u8]| {
    let mut b = data.iter().copied();
    let mut n = |max: u8| b.next().unwrap_or(0) % max.max(1);
    let completions = n(12);
    let parallelism = n(8);
    let indexed = n(2) == 1;
    let mut s = String::from("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: fz\nspec:\n");
    if n(3) > 0 {
        s += &format!("  completions: {completions}\n");
        if indexed {
            s += "  completionMode: Indexed\n";
            if n(2) == 1 {
                s += &format!("  backoffLimitPerIndex: {}\n", n(3));
                if n(2) == 1 {
                    s += &format!("  maxFailedIndexes: {}\n", n(3).min(completions));
                }
            }
            if n(2) == 1 {
                s += &format!("  successPolicy:\n    rules:\n    - succeededCount: {}\n", n(4).min(completions));
            }
        }
    }
    s += &format!("  parallelism: {parallelism}\n  backoffLimit: {}\n", n(6));
    if n(3) == 0 {
        s += &format!("  activeDeadlineSeconds: {}\n", n(200));
    }
    if n(4) == 0 {
        s += &format!("  ttlSecondsAfterFinished: {}\n", n(60));
    }
    let pfp = n(3) == 0;
    if pfp {
        s += "  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onPodConditions:\n      - type: DisruptionTarget\n    - action: FailJob\n      onExitCodes:\n        operator: In\n        values: [42]\n";
    }
    let mut bytes = data.iter().copied().skip(12);
    let restart = if pfp { "Never" } else { pick(&mut bytes, &["Never", "OnFailure"]) };
    s += &format!("  template:\n    spec:\n      restartPolicy: {restart}\n      terminationGracePeriodSeconds: {}\n      containers:\n      - name: main\n        image: busybox\n", n(40));
    s += "---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: fz\nspec:\n  stopAfterSeconds: 3000\n  pods:\n";
    for _ in 0..n(4) {
        s += &format!("  - pod: \"{}\"\n    runSeconds: {}\n    exitCode: {}\n    stopSeconds: {}\n", n(5), n(60), pick(&mut bytes, &["0", "1", "42", "137"]), n(40));
    }
    s += "  - runSeconds: 5\n  actions:\n";
    for _ in 0..n(5) {
        let at = n(120);
        let action = match n(6) {
            0 => format!("deletePod: {{pod: {}}}", n(6)),
            1 => format!("evictPod: {{pod: {}}}", n(6)),
            2 => format!("suspend: {}", n(2) == 0),
            3 => format!("patch: {{spec: {{parallelism: {}}}}}", n(8)),
            4 => "evictPod: {all: true}".to_string(),
            _ => "deleteJob: {propagationPolicy: Foreground}".to_string(),
        };
        s += &format!("  - at: {at}\n    {action}\n");
    }
    if let Ok(file) = jobplay::scenario::ScenarioFile::parse(&s) {
        let mut c = jobplay::cluster::Cluster::new(&file);
        c.run_to_end();
    }
});
