//! The Job controller and the simulated cluster, rule by rule. Each test runs a
//! scenario through the engine and checks what a real cluster would show.

mod common;
use common::*;
use jobplay::api::{PodPhase, Time};
use jobplay::cluster::store::JobId;

#[test]
fn same_input_same_output_to_the_byte() {
    let text =
        std::fs::read_to_string("../shared/conformance/indexed-basic.yaml").expect("fixture");
    let a = serde_json::to_string(&jobplay::view::json::run_json(&run(&text))).unwrap();
    let b = serde_json::to_string(&jobplay::view::json::run_json(&run(&text))).unwrap();
    assert_eq!(a, b);
    let other_seed = format!("{text}  seed: 99\n");
    let c = run(&other_seed);
    assert_ne!(
        pods(&c)[0].name(),
        pods(&run(&text))[0].name(),
        "the seed decides pod-name suffixes"
    );
}

#[test]
fn fixed_completions_never_exceed_parallelism_nor_remaining() {
    let c = run(&scenario(
        "completions: 3\nparallelism: 5",
        "pods:\n- runSeconds: 5",
    ));
    // wantActive = min(completions - succeeded, parallelism) = 3.
    assert_eq!(created(&c), vec![0.0, 0.0, 0.0]);
    assert_eq!(job(&c).status.succeeded, 3);
    assert_eq!(finished(&c), Some(7.0));
}

#[test]
fn work_queue_stops_creating_after_first_success_and_completes_when_all_end() {
    let c = run(&scenario(
        "parallelism: 3",
        "pods:\n- pod: \"0\"\n  runSeconds: 5\n- runSeconds: 20",
    ));
    assert_eq!(pods(&c).len(), 3);
    assert_eq!(job(&c).status.succeeded, 3);
    assert_eq!(
        finished(&c),
        Some(22.0),
        "complete when one succeeded and none is active"
    );
}

#[test]
fn work_queue_failed_pods_are_not_replaced_after_a_success() {
    let c = run(&scenario(
        "parallelism: 2",
        "pods:\n- pod: \"0\"\n  runSeconds: 5\n- pod: \"1\"\n  runSeconds: 10\n  exitCode: 1",
    ));
    assert_eq!(pods(&c).len(), 2);
    assert_eq!((job(&c).status.succeeded, job(&c).status.failed), (1, 1));
    assert_eq!(true_conditions(&c)[0].0, "Complete");
}

#[test]
fn parallelism_zero_pauses_until_patched() {
    let c = run(&scenario(
        "parallelism: 0\ncompletions: 2",
        "pods:\n- runSeconds: 5\nactions:\n- at: 30\n  patch: {spec: {parallelism: 2}}",
    ));
    assert_eq!(created(&c), vec![30.0, 30.0]);
    assert_eq!(finished(&c), Some(37.0));
}

#[test]
fn reducing_parallelism_deletes_surplus_without_counting_failures() {
    let c = run(&scenario(
        "parallelism: 5\ncompletions: 5",
        "pods:\n- runSeconds: 20\nactions:\n- at: 5\n  patch: {spec: {parallelism: 2}}",
    ));
    let deletes = reasons(&c)
        .iter()
        .filter(|r| *r == "SuccessfulDelete")
        .count();
    assert_eq!(deletes, 3);
    assert_eq!(
        job(&c).status.failed,
        0,
        "scale-down deletions are not failures"
    );
    assert_eq!(job(&c).status.succeeded, 5);
}

#[test]
fn at_most_500_pods_are_created_per_sync() {
    let c = run(&scenario(
        "parallelism: 1000\ncompletions: 1000",
        "pods:\n- runSeconds: 30",
    ));
    let at0 = created(&c).iter().filter(|t| **t == 0.0).count();
    assert_eq!(at0, 500);
    assert_eq!(created(&c).iter().filter(|t| **t == 1.0).count(), 500);
    assert_eq!(job(&c).status.succeeded, 1000);
}

#[test]
fn indexed_pods_names_hostnames_labels_and_env() {
    let c = run(&scenario(
        "completions: 3\nparallelism: 3\ncompletionMode: Indexed",
        "pods:\n- runSeconds: 2",
    ));
    for (i, p) in pods(&c).iter().enumerate() {
        let name = p.name();
        assert!(name.starts_with(&format!("t-{i}-")), "{name}");
        assert_eq!(name.len(), format!("t-{i}-").len() + 5);
        assert_eq!(
            p.pod.spec.hostname.as_deref(),
            Some(format!("t-{i}").as_str())
        );
        let idx = i.to_string();
        assert_eq!(
            p.pod
                .metadata
                .label("batch.kubernetes.io/job-completion-index"),
            Some(idx.as_str())
        );
        assert_eq!(
            p.pod
                .metadata
                .annotation("batch.kubernetes.io/job-completion-index"),
            Some(idx.as_str())
        );
        assert_eq!(
            p.pod.metadata.label("batch.kubernetes.io/job-name"),
            Some("t")
        );
        assert_eq!(p.pod.metadata.label("job-name"), Some("t"));
        assert!(
            !p.pod
                .metadata
                .has_finalizer("batch.kubernetes.io/job-tracking"),
            "finalizer removed once counted"
        );
        let env = &p.pod.spec.containers()[0].env();
        assert_eq!(env[0].name, "JOB_COMPLETION_INDEX");
        let owner = &p.pod.metadata.owner_references.as_ref().unwrap()[0];
        assert_eq!(
            (
                owner.kind.as_str(),
                owner.controller,
                owner.block_owner_deletion
            ),
            ("Job", Some(true), Some(true))
        );
    }
    assert_eq!(job(&c).status.completed_indexes.as_deref(), Some("0-2"));
}

#[test]
fn indexed_creates_lowest_missing_indexes_first() {
    let c = run(&scenario(
        "completions: 5\nparallelism: 2\ncompletionMode: Indexed",
        "pods:\n- index: \"0\"\n  runSeconds: 3\n- runSeconds: 10",
    ));
    let order: Vec<u32> = pods(&c).iter().map(|p| p.index.unwrap().0).collect();
    assert_eq!(order, vec![0, 1, 2, 3, 4]);
    assert_eq!(job(&c).status.completed_indexes.as_deref(), Some("0-4"));
}

#[test]
fn completed_indexes_use_the_compressed_form() {
    let c = run_until(
        &scenario(
            "completions: 8\nparallelism: 8\ncompletionMode: Indexed",
            "pods:\n- index: \"1,3-5,7\"\n  runSeconds: 2\n- runSeconds: 100",
        ),
        10.0,
    );
    assert_eq!(job(&c).status.completed_indexes.as_deref(), Some("1,3-5,7"));
    assert_eq!(job(&c).status.succeeded, 5);
}

#[test]
fn backoff_doubles_and_is_capped_at_ten_minutes() {
    let c = run(&scenario(
        "backoffLimit: 9",
        "pods:\n- runSeconds: 1\n  exitCode: 1",
    ));
    // Each pod: created, Running +1, fails +1; the next is created at failure + delay.
    let t = created(&c);
    let gaps: Vec<f64> = t.windows(2).map(|w| w[1] - w[0] - 2.0).collect();
    assert_eq!(
        gaps,
        vec![10.0, 20.0, 40.0, 80.0, 160.0, 320.0, 600.0, 600.0, 600.0]
    );
    assert_eq!(job(&c).status.failed, 10);
    assert_eq!(
        true_conditions(&c),
        vec![
            ("Failed".to_string(), "BackoffLimitExceeded".to_string()),
            (
                "FailureTarget".to_string(),
                "BackoffLimitExceeded".to_string()
            ),
        ]
    );
}

#[test]
fn a_success_resets_the_backoff() {
    let c = run(&scenario(
        "completions: 3",
        "pods:\n- pod: \"0,2,3\"\n  runSeconds: 1\n  exitCode: 1\n- runSeconds: 1",
    ));
    // pod0 fails at 2 -> pod1 at 12 succeeds at 14 -> pod2 at 15 (no backoff) fails at 17
    // -> pod3 at 27 (10 s again, the success reset the count) fails at 29 -> pod4 at 49 (20 s).
    assert_eq!(created(&c), vec![0.0, 12.0, 15.0, 27.0, 49.0, 52.0]);
}

#[test]
fn on_failure_restarts_count_toward_the_backoff_limit() {
    let c = run(&scenario(
        "backoffLimit: 3\ntemplate:\n  spec:\n    restartPolicy: OnFailure\n    containers:\n    - name: main\n      image: busybox",
        "pods:\n- runSeconds: 2\n  exitCode: 1",
    ));
    // exits 3, restart 4 (1 s); exits 6, restart 16 (10 s); exits 18, restart 38 (20 s) -> 3 restarts.
    let p = &pods(&c)[0];
    assert_eq!(pods(&c).len(), 1, "containers restart in the same pod");
    assert_eq!(true_conditions(&c)[0].1, "BackoffLimitExceeded");
    // Sync at 39 sees 3 restarts: FailureTarget; the pod stops at 40; Failed at the sync at 41.
    assert_eq!(finished(&c), Some(41.0));
    assert_eq!(p.pod.status.container_statuses[0].restart_count, 3);
    assert_eq!(
        job(&c).status.failed,
        1,
        "the running pod is deleted and counted failed"
    );
}

#[test]
fn on_failure_shows_crash_loop_back_off_while_waiting() {
    let c = run_until(
        &scenario(
            "template:\n  spec:\n    restartPolicy: OnFailure\n    containers:\n    - name: main\n      image: busybox",
            "pods:\n- runSeconds: 2\n  exitCode: 1",
        ),
        10.0,
    );
    let cs = &pods(&c)[0].pod.status.container_statuses[0];
    assert!(
        matches!(&cs.state, jobplay::api::ContainerState::Waiting { reason, .. } if reason == "CrashLoopBackOff"),
        "{:?}",
        cs.state
    );
    assert_eq!(cs.restart_count, 1);
}

#[test]
fn deadline_beats_backoff_and_deletes_running_pods_counting_them_failed() {
    let c = run(&scenario(
        "activeDeadlineSeconds: 10\nparallelism: 2\ncompletions: 2",
        "pods:\n- runSeconds: 60",
    ));
    assert_eq!(
        true_conditions(&c),
        vec![
            ("Failed".to_string(), "DeadlineExceeded".to_string()),
            ("FailureTarget".to_string(), "DeadlineExceeded".to_string()),
        ]
    );
    let j = job(&c);
    assert_eq!(j.status.failed, 2);
    let ft = j
        .status
        .condition(&jobplay::api::JobConditionType::FailureTarget)
        .unwrap();
    let f = j
        .status
        .condition(&jobplay::api::JobConditionType::Failed)
        .unwrap();
    assert_eq!(ft.last_transition_time, Time::from_secs(10));
    // Failed waits until the deleted pods stopped (1 s) and the next batched sync.
    assert_eq!(f.last_transition_time, Time::from_secs(12));
    assert_eq!(
        reasons(&c)
            .iter()
            .filter(|r| *r == "SuccessfulDelete")
            .count(),
        2
    );
    assert_eq!(j.status.completion_time, None);
}

#[test]
fn zero_deadline_fails_at_the_first_sync() {
    let c = run(&scenario("activeDeadlineSeconds: 0", ""));
    assert_eq!(finished(&c), Some(0.0));
    assert!(pods(&c).is_empty());
}

#[test]
fn backoff_limit_wins_over_deadline_in_the_same_sync() {
    let c = run(&scenario(
        "backoffLimit: 0\nactiveDeadlineSeconds: 4",
        "pods:\n- runSeconds: 2\n  exitCode: 1",
    ));
    // The pod fails at 3; the batched sync at 4 sees both.
    assert_eq!(finished(&c), Some(4.0));
    assert_eq!(true_conditions(&c)[0].1, "BackoffLimitExceeded");
}

#[test]
fn created_suspended_has_no_pods_and_no_start_time() {
    let c = run(&scenario("suspend: true", ""));
    assert!(pods(&c).is_empty());
    let j = job(&c);
    assert_eq!(j.status.start_time, None);
    assert_eq!(
        true_conditions(&c),
        vec![("Suspended".to_string(), "JobSuspended".to_string())]
    );
    assert_eq!(reasons(&c), vec!["Suspended"]);
}

#[test]
fn resume_resets_start_time_and_the_deadline() {
    let c = run(&scenario(
        "suspend: true\nactiveDeadlineSeconds: 20",
        "pods:\n- runSeconds: 5\nactions:\n- at: 50\n  suspend: false",
    ));
    let j = job(&c);
    assert_eq!(j.status.start_time, Some(Time::from_secs(50)));
    assert_eq!(
        true_conditions(&c)
            .iter()
            .map(|c| c.0.as_str())
            .collect::<Vec<_>>(),
        vec!["Complete", "SuccessCriteriaMet"]
    );
    let suspended = j
        .status
        .condition(&jobplay::api::JobConditionType::Suspended)
        .unwrap();
    assert_eq!(
        (suspended.status.as_str(), suspended.reason.as_str()),
        ("False", "JobResumed")
    );
}

#[test]
fn ttl_deletes_the_job_and_its_pods() {
    let c = run(&scenario(
        "ttlSecondsAfterFinished: 30",
        "pods:\n- runSeconds: 5",
    ));
    let rec = c.store.job(JobId(0));
    assert_eq!(rec.finished_at, Some(Time::from_secs(7)));
    assert_eq!(rec.removed_at, Some(Time::from_secs(37)));
    assert_eq!(pods(&c)[0].removed_at, Some(Time::from_secs(37)));
    assert_eq!(finished(&c), Some(7.0));
}

#[test]
fn deleting_the_job_cascades_in_the_background() {
    let c = run(&scenario(
        "parallelism: 2\ncompletions: 2",
        "pods:\n- runSeconds: 60\nactions:\n- at: 10\n  deleteJob: {}",
    ));
    let rec = c.store.job(JobId(0));
    assert_eq!(rec.removed_at, Some(Time::from_secs(10)));
    for p in pods(&c) {
        assert_eq!(
            p.removed_at,
            Some(Time::from_secs(11)),
            "pods stop after SIGTERM (1 s)"
        );
        assert_eq!(p.pod.status.phase, PodPhase::Failed);
    }
    assert_eq!(finished(&c), None);
}

#[test]
fn orphan_deletion_keeps_the_pods_running() {
    let c = run(&scenario(
        "",
        "pods:\n- runSeconds: 30\nactions:\n- at: 5\n  deleteJob: {propagationPolicy: Orphan}",
    ));
    let p = &pods(&c)[0];
    assert_eq!(p.pod.status.phase, PodPhase::Succeeded);
    assert_eq!(p.removed_at, None);
    assert!(!p
        .pod
        .metadata
        .has_finalizer("batch.kubernetes.io/job-tracking"));
}

#[test]
fn a_pod_deleted_by_hand_counts_as_failed_at_once_and_is_replaced_after_backoff() {
    let c = run(&scenario("", "pods:\n- pod: \"0\"\n  runSeconds: 100\n- runSeconds: 5\nactions:\n- at: 10\n  deletePod: {pod: 0}"));
    // TerminatingOrFailed: counted failed at the sync at 11; backoff 10 s from the deletion at 10.
    assert_eq!(created(&c), vec![0.0, 20.0]);
    assert_eq!(job(&c).status.failed, 1);
}

#[test]
fn failed_policy_waits_for_the_terminating_pod() {
    let c = run_until(
        &scenario("podReplacementPolicy: Failed", "pods:\n- pod: \"0\"\n  runSeconds: 100\n  stopSeconds: 15\n- runSeconds: 5\nactions:\n- at: 10\n  deletePod: {pod: 0}"),
        12.0,
    );
    let s = &job(&c).status;
    assert_eq!((s.active, s.failed, s.terminating), (0, 0, Some(1)));
    let c = run_until(
        &scenario("", "pods:\n- pod: \"0\"\n  runSeconds: 100\n  stopSeconds: 15\n- runSeconds: 5\nactions:\n- at: 10\n  deletePod: {pod: 0}"),
        12.0,
    );
    let s = &job(&c).status;
    assert_eq!(
        (s.failed, s.terminating),
        (1, Some(1)),
        "TerminatingOrFailed counts it failed right away"
    );
}

#[test]
fn eviction_adds_disruption_target() {
    let c = run(&scenario("", "pods:\n- pod: \"0\"\n  runSeconds: 100\n- runSeconds: 5\nactions:\n- at: 10\n  evictPod: {pod: 0}"));
    let p = &pods(&c)[0];
    let dt = p
        .pod
        .status
        .condition("DisruptionTarget")
        .expect("condition");
    assert_eq!(
        (dt.status.as_ref(), dt.reason.as_deref()),
        ("True", Some("EvictionByEvictionAPI"))
    );
    assert_eq!(p.pod.status.phase, PodPhase::Failed);
    assert_eq!(pods(&c).len(), 2);
}

#[test]
fn pod_failure_policy_ignore_does_not_count() {
    let c = run(&scenario(
        "backoffLimit: 0\npodFailurePolicy:\n  rules:\n  - action: Ignore\n    onPodConditions:\n    - type: DisruptionTarget",
        "pods:\n- pod: \"0\"\n  runSeconds: 100\n- runSeconds: 5\nactions:\n- at: 10\n  evictPod: {pod: 0}",
    ));
    assert_eq!(job(&c).status.failed, 0);
    assert_eq!(true_conditions(&c)[0].0, "Complete");
    assert_eq!(pods(&c).len(), 2);
}

#[test]
fn pod_failure_policy_fail_job_on_condition() {
    let c = run(&scenario(
        "podFailurePolicy:\n  rules:\n  - action: FailJob\n    onPodConditions:\n    - type: DisruptionTarget",
        "pods:\n- runSeconds: 100\nactions:\n- at: 10\n  evictPod: {pod: 0}",
    ));
    let msg = &job(&c).status.conditions[0].message;
    assert!(
        msg.starts_with("Pod default/t-")
            && msg.ends_with(" has condition DisruptionTarget matching FailJob rule at index 0"),
        "{msg}"
    );
    assert_eq!(true_conditions(&c)[0].1, "PodFailurePolicy");
}

#[test]
fn pod_failure_policy_count_and_not_in() {
    let c = run(&scenario(
        "backoffLimit: 1\npodFailurePolicy:\n  rules:\n  - action: Ignore\n    onExitCodes:\n      operator: NotIn\n      values: [1]",
        "pods:\n- pod: \"0,1\"\n  runSeconds: 1\n  exitCode: 3\n- runSeconds: 1\n  exitCode: 1",
    ));
    // Two ignored failures (exit 3), then exit 1 twice: the second exceeds backoffLimit 1.
    assert_eq!(pods(&c).len(), 4);
    assert_eq!(job(&c).status.failed, 2);
    assert_eq!(true_conditions(&c)[0].1, "BackoffLimitExceeded");
}

#[test]
fn backoff_limit_per_index_with_fail_index() {
    let c = run(&scenario(
        "completions: 3\nparallelism: 3\ncompletionMode: Indexed\nbackoffLimitPerIndex: 2\npodFailurePolicy:\n  rules:\n  - action: FailIndex\n    onExitCodes:\n      operator: In\n      values: [42]",
        "pods:\n- index: \"1\"\n  runSeconds: 2\n  exitCode: 42\n- runSeconds: 2",
    ));
    let s = &job(&c).status;
    assert_eq!(s.failed_indexes.as_deref(), Some("1"));
    assert_eq!(s.completed_indexes.as_deref(), Some("0,2"));
    assert_eq!(pods(&c).len(), 3, "a FailIndex index is not retried");
    assert_eq!(true_conditions(&c)[0].1, "FailedIndexes");
    assert_eq!(s.failed, 1);
}

#[test]
fn max_failed_indexes_exceeded_terminates_everything() {
    let c = run(&scenario(
        "completions: 4\nparallelism: 4\ncompletionMode: Indexed\nbackoffLimitPerIndex: 0\nmaxFailedIndexes: 1",
        "pods:\n- index: \"0,1\"\n  runSeconds: 2\n  exitCode: 1\n- runSeconds: 50",
    ));
    assert_eq!(true_conditions(&c)[0].1, "MaxFailedIndexesExceeded");
    let s = &job(&c).status;
    // The deleted pods of indexes 2 and 3 are failed pods too (TerminatingOrFailed) with
    // failure count 0 >= backoffLimitPerIndex 0, so the next sync adds their indexes.
    assert_eq!(s.failed_indexes.as_deref(), Some("0-3"));
    assert_eq!(
        s.failed, 4,
        "the running pods are deleted and counted failed"
    );
}

#[test]
fn per_index_failure_count_annotations() {
    let c = run(&scenario(
        "completions: 1\ncompletionMode: Indexed\nbackoffLimitPerIndex: 3",
        "pods:\n- pod: \"0-1\"\n  runSeconds: 1\n  exitCode: 1\n- runSeconds: 1",
    ));
    let counts: Vec<&str> = pods(&c)
        .iter()
        .map(|p| {
            p.pod
                .metadata
                .annotation("batch.kubernetes.io/job-index-failure-count")
                .unwrap()
        })
        .collect();
    assert_eq!(counts, vec!["0", "1", "2"]);
    // Per-index backoff: 10 s after the first failure, 20 s after the second.
    assert_eq!(created(&c), vec![0.0, 12.0, 34.0]);
    assert_eq!(job(&c).status.failed, 2);
}

#[test]
fn success_policy_with_succeeded_count() {
    let c = run(&scenario(
        "completions: 5\nparallelism: 5\ncompletionMode: Indexed\nsuccessPolicy:\n  rules:\n  - succeededCount: 2",
        "pods:\n- index: \"3,4\"\n  runSeconds: 2\n- runSeconds: 50",
    ));
    let s = &job(&c).status;
    assert_eq!(
        true_conditions(&c),
        vec![
            ("Complete".to_string(), "SuccessPolicy".to_string()),
            (
                "SuccessCriteriaMet".to_string(),
                "SuccessPolicy".to_string()
            ),
        ]
    );
    assert_eq!(s.conditions[0].message, "Matched rules at index 0");
    assert_eq!((s.succeeded, s.failed), (2, 0));
    assert_eq!(s.completed_indexes.as_deref(), Some("3,4"));
}

#[test]
fn managed_by_another_controller_is_left_alone() {
    let c = run(&scenario("managedBy: example.com/other", ""));
    assert!(pods(&c).is_empty());
    assert_eq!(job(&c).status, Default::default());
}

#[test]
fn pod_level_deadline_fails_the_pod() {
    let c = run(&scenario(
        "backoffLimit: 0\ntemplate:\n  spec:\n    restartPolicy: Never\n    activeDeadlineSeconds: 5\n    containers:\n    - name: main\n      image: busybox",
        "pods:\n- runSeconds: 60",
    ));
    let p = &pods(&c)[0];
    assert_eq!(p.pod.status.reason.as_deref(), Some("DeadlineExceeded"));
    assert_eq!(p.pod.status.phase, PodPhase::Failed);
    assert_eq!(
        true_conditions(&c)[0].1,
        "BackoffLimitExceeded",
        "the Job sees an ordinary failure"
    );
}

#[test]
fn commands_decide_behaviour_without_a_scenario() {
    let text = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: t\nspec:\n  backoffLimit: 0\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n        command: [\"sh\", \"-c\", \"echo hi; sleep 4; exit 7\"]\n";
    let c = run(text);
    let p = &pods(&c)[0];
    assert_eq!(p.finished_at, Some(Time::from_secs(5)));
    match &p.pod.status.container_statuses[0].state {
        jobplay::api::ContainerState::Terminated {
            exit_code, reason, ..
        } => assert_eq!((*exit_code, reason.as_str()), (7, "Error")),
        s => panic!("{s:?}"),
    }
    assert_eq!(
        c.kubelet.logs(jobplay::cluster::store::PodId(0), 0, c.now),
        "hi\n"
    );
}

#[test]
fn pi_logs_print_two_thousand_digits() {
    let c = run(&std::fs::read_to_string("../shared/examples/pi.yaml").unwrap());
    let logs = c.kubelet.logs(jobplay::cluster::store::PodId(0), 0, c.now);
    assert_eq!(logs.trim_end().len(), 2001);
    assert!(logs.starts_with("3.14159265358979"));
    // Nothing is printed before the computation ends.
    assert_eq!(
        c.kubelet
            .logs(jobplay::cluster::store::PodId(0), 0, Time::from_secs(5)),
        ""
    );
}

#[test]
fn work_queue_drains_the_queue() {
    let c = run(&scenario(
        "parallelism: 3",
        "queue:\n  items: 10\n  secondsPerItem: 2",
    ));
    let items: u32 = c
        .kubelet
        .runtimes()
        .map(|p| p.containers[0].items_done)
        .sum();
    assert_eq!(items, 10);
    assert_eq!(c.kubelet.queue_left, 0);
    assert_eq!(job(&c).status.succeeded, 3);
}

#[test]
fn events_carry_causes() {
    let c = run(
        &std::fs::read_to_string("../shared/conformance/backoff-exponential-timings.yaml").unwrap(),
    );
    let first = c
        .store
        .events()
        .iter()
        .find(|e| e.reason == "SuccessfulCreate")
        .unwrap();
    assert_eq!(
        first.cause.as_ref().unwrap().explain(),
        "created: 0 active < 1 wanted (parallelism 1, 0 of 1 completions done)"
    );
    let waits: Vec<String> = c.store.notes().iter().map(|n| n.cause.explain()).collect();
    assert_eq!(
        waits[0],
        "not replaced until t=13s: backoff 10s after 1 consecutive failure"
    );
    assert_eq!(
        waits[1],
        "not replaced until t=36s: backoff 20s after 2 consecutive failures"
    );
}

#[test]
fn next_due_lets_a_driver_sleep_exactly() {
    let mut c = jobplay::cluster::Cluster::new(&parse(&scenario("", "pods:\n- runSeconds: 5")));
    let mut instants = Vec::new();
    while let Some(t) = c.next_due() {
        instants.push(t.secs_f64());
        c.advance_to(t);
    }
    assert_eq!(instants.first(), Some(&0.0));
    assert!(instants.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(finished(&c), Some(7.0));
}

#[test]
fn the_documented_indexed_job_logs_reversed_items() {
    let c =
        run(&std::fs::read_to_string("tests/conformance/policies/indexed-job-docs.yaml").unwrap());
    let logs: Vec<String> = (0..5)
        .map(|i| c.kubelet.logs(jobplay::cluster::store::PodId(i), 0, c.now))
        .collect();
    assert_eq!(logs, vec!["oof\n", "rab\n", "zab\n", "xuq\n", "zyx\n"]);
}

#[test]
fn documented_python_examples_run_without_a_scenario() {
    // job-backoff-limit-per-index-failindex.yaml without its Scenario: the python script decides.
    let text = std::fs::read_to_string(
        "tests/conformance/policies/backoff-limit-per-index-failindex.yaml",
    )
    .unwrap();
    let job_only = text.split("\n---\n").next().unwrap();
    let c = run(job_only);
    let s = &job(&c).status;
    assert_eq!(s.failed_indexes.as_deref(), Some("0,1"));
    assert_eq!(s.completed_indexes.as_deref(), Some("2,3"));
    assert_eq!(true_conditions(&c)[0].1, "FailedIndexes");
}

#[test]
fn generate_name_gets_a_suffix_from_the_seed() {
    let text = scenario("", "").replace("  name: t\n", "  generateName: batch-\n");
    let c = run(&text);
    let name = job(&c).name().to_string();
    assert!(name.starts_with("batch-") && name.len() == 11, "{name}");
    assert!(pods(&c)[0].name().starts_with(&format!("{name}-")));
    assert_eq!(name, job(&run(&text)).name(), "same seed, same name");
}
