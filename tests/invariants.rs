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
