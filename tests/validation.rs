//! Create and update validation of Jobs and CronJobs: every rule of the API server the
//! playground reproduces, each with its exact message, as kubectl prints it. Inputs are
//! whole YAML documents run through `ScenarioFile::parse` (decode, default, validate);
//! a few also go through `jobplay validate`. Every example of the gallery and every Job
//! of the seed documents (tests/fixtures/seeds) must validate.

use jobplay::api::patch::apply_to_workload;
use jobplay::api::validation::{validate_cronjob_update, validate_job_update};
use jobplay::scenario::{ScenarioFile, Workload};
use std::path::Path;

/// The uid the playground gives a Job or CronJob of this name with the default seed.
fn uid(kind: &str, name: &str) -> String {
    jobplay::cluster::ids::uid_for(1, kind, name)
}

/// kubectl's rendering of an Invalid error (`MultilineError` over the causes).
fn invalid(kind: &str, name: &str, errors: &[String]) -> String {
    match errors {
        [one] => format!("The {kind} \"{name}\" is invalid: {one}"),
        many => {
            let mut s = format!("The {kind} \"{name}\" is invalid: ");
            for e in many {
                s.push_str("\n* ");
                s.push_str(e);
            }
            s
        }
    }
}

/// A Job named `name` with the given `spec:` body (indented by two spaces).
fn job(name: &str, spec: &str) -> String {
    format!("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {name}\nspec:\n{spec}")
}

const POD: &str = "  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
";

struct Case {
    name: &'static str,
    yaml: String,
    /// The errors in order; `{uid}` stands for the workload's uid. Empty: valid.
    errors: Vec<String>,
}

fn case(name: &'static str, yaml: impl Into<String>, errors: &[&str]) -> Case {
    Case {
        name,
        yaml: yaml.into(),
        errors: errors.iter().map(|s| s.to_string()).collect(),
    }
}

fn check(c: &Case) {
    let result = ScenarioFile::parse(&c.yaml);
    match (&result, c.errors.is_empty()) {
        (Ok(_), true) => {}
        (Ok(_), false) => panic!("case {}: accepted, expected {:?}", c.name, c.errors),
        (Err(e), true) => panic!("case {}: rejected: {}", c.name, e.message),
        (Err(e), false) => {
            let kind = if c.yaml.contains("kind: CronJob") {
                "CronJob"
            } else {
                "Job"
            };
            let name = c
                .yaml
                .lines()
                .find_map(|l| l.strip_prefix("  name: "))
                .unwrap_or("")
                .trim()
                .to_string();
            let name = match c
                .yaml
                .lines()
                .find_map(|l| l.strip_prefix("  generateName: "))
            {
                Some(g) if name.is_empty() => {
                    let mut meta = jobplay::api::ObjectMeta {
                        generate_name: Some(g.trim().to_string()),
                        ..Default::default()
                    };
                    jobplay::api::defaults::generate_name(&mut meta, 1);
                    meta.name.unwrap_or_default()
                }
                _ => name,
            };
            let u = uid(kind, &name);
            let errors: Vec<String> = c.errors.iter().map(|e| e.replace("{uid}", &u)).collect();
            assert_eq!(e.message, invalid(kind, &name, &errors), "case {}", c.name);
            assert_eq!(
                e.diagnostics.len(),
                errors.len(),
                "case {}: one diagnostic per error",
                c.name
            );
        }
    }
}

const DNS_LABEL: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS_SUBDOMAIN: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const NAME_PART: &str = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE: &str = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const RESTART_REQUIRED: &str =
    r#"spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never""#;

fn f(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn metadata_cases() -> Vec<Case> {
    let long = "a".repeat(64);
    vec![
        case("valid pi", job("pi", &format!("  backoffLimit: 4\n{POD}")), &[]),
        case(
            "name missing",
            format!("apiVersion: batch/v1\nkind: Job\nmetadata:\n  labels: {{a: b}}\nspec:\n{POD}"),
            &["metadata.name: Required value: name or generateName is required"],
        ),
        case(
            "generateName gets a generated name",
            format!("apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: pi-\nspec:\n{POD}"),
            &[],
        ),
        case(
            "generateName must be a DNS subdomain prefix",
            format!("apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: Pi-\nspec:\n{POD}"),
            // The API server generates the name first, then validates both.
            &[
                "metadata.generateName: Invalid value: \"Pi-\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
                "metadata.name: Invalid value: \"Pi-wdgtp\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            ],
        ),
        case(
            "name not a DNS subdomain",
            job("Pi", POD),
            &[f(format!("metadata.name: Invalid value: \"Pi\": {DNS_SUBDOMAIN}"))],
        ),
        case("dotted name is valid", job("pi.calc", POD), &[]),
        case(
            "name too long for the job-name label",
            job(&long, POD),
            &[f(format!(
                "spec.template.labels: Invalid value: \"{long}\": must be no more than 63 characters"
            ))],
        ),
        case(
            "namespace not a DNS label",
            format!("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n  namespace: my_ns\nspec:\n{POD}"),
            &[f(format!(
                "metadata.namespace: Invalid value: \"my_ns\": {DNS_LABEL}"
            ))],
        ),
        case(
            "labels: bad key and value",
            format!("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n  labels:\n    \"bad key\": ok\n    app: -x\nspec:\n{POD}"),
            &[
                f(format!("metadata.labels: Invalid value: \"-x\": {LABEL_VALUE}")),
                f(format!("metadata.labels: Invalid value: \"bad key\": {NAME_PART}")),
            ],
        ),
        case(
            "template label copied to the Job is reported twice",
            job("pi", "  template:\n    metadata:\n      labels:\n        app: -x\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n"),
            &[
                f(format!("metadata.labels: Invalid value: \"-x\": {LABEL_VALUE}")),
                f(format!("spec.template.labels: Invalid value: \"-x\": {LABEL_VALUE}")),
            ],
        ),
        case(
            "annotation key",
            format!("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n  annotations:\n    example.com/: x\nspec:\n{POD}"),
            &["metadata.annotations: Invalid value: \"example.com/\": name part must be non-empty",
              f(format!("metadata.annotations: Invalid value: \"example.com/\": {NAME_PART}"))],
        ),
        case(
            "finalizer without a domain",
            format!("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\n  finalizers: [custom, example.com/ok, orphan]\nspec:\n{POD}"),
            &["metadata.finalizers[0]: Invalid value: \"custom\": name is neither a standard finalizer name nor is it fully qualified"],
        ),
    ]
}

fn count_cases() -> Vec<Case> {
    vec![
        case(
            "negative counts, in upstream order",
            job(
                "pi",
                &format!("  parallelism: -1\n  completions: -2\n  activeDeadlineSeconds: -3\n  backoffLimit: -4\n  ttlSecondsAfterFinished: -5\n{POD}"),
            ),
            &[
                "spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
                "spec.completions: Invalid value: -2: must be greater than or equal to 0",
                "spec.activeDeadlineSeconds: Invalid value: -3: must be greater than or equal to 0",
                "spec.backoffLimit: Invalid value: -4: must be greater than or equal to 0",
                "spec.ttlSecondsAfterFinished: Invalid value: -5: must be greater than or equal to 0",
            ],
        ),
        case(
            "zero parallelism, completions, deadline and TTL are legal",
            job(
                "pi",
                &format!("  parallelism: 0\n  completions: 0\n  activeDeadlineSeconds: 0\n  ttlSecondsAfterFinished: 0\n{POD}"),
            ),
            &[],
        ),
        case(
            "Indexed needs completions",
            job("indexed", &format!("  parallelism: 3\n  completionMode: Indexed\n{POD}")),
            &["spec.completions: Required value: when completion mode is Indexed"],
        ),
        case(
            "unknown completion mode",
            job("pi", &format!("  completionMode: Sometimes\n{POD}")),
            &[r#"spec.completionMode: Unsupported value: "Sometimes": supported values: "NonIndexed", "Indexed""#],
        ),
        case(
            "Indexed parallelism limit",
            job("pi", &format!("  completionMode: Indexed\n  completions: 5\n  parallelism: 100001\n{POD}")),
            &["spec.parallelism: Invalid value: 100001: must be less than or equal to 100000 when completion mode is Indexed"],
        ),
        case(
            "backoffLimitPerIndex needs Indexed",
            job("pi", &format!("  backoffLimitPerIndex: 1\n{POD}")),
            &["spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode"],
        ),
        case(
            "negative backoffLimitPerIndex and maxFailedIndexes without it",
            job("pi", &format!("  completionMode: Indexed\n  completions: 5\n  backoffLimitPerIndex: -1\n{POD}")),
            &["spec.backoffLimitPerIndex: Invalid value: -1: must be greater than or equal to 0"],
        ),
        case(
            "maxFailedIndexes needs backoffLimitPerIndex and Indexed",
            job("pi", &format!("  maxFailedIndexes: 1\n{POD}")),
            &[
                "spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified",
                "spec.maxFailedIndexes: Invalid value: 1: requires indexed completion mode",
            ],
        ),
        case(
            "maxFailedIndexes above completions",
            job("pi", &format!("  completionMode: Indexed\n  completions: 10\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 11\n{POD}")),
            &["spec.maxFailedIndexes: Invalid value: 11: must be less than or equal to completions"],
        ),
        case(
            "above 100000 completions with backoffLimitPerIndex",
            job("pi", &format!("  completionMode: Indexed\n  completions: 100001\n  parallelism: 10001\n  backoffLimitPerIndex: 1\n{POD}")),
            &[
                "spec.maxFailedIndexes: Required value: must be specified when completions is above 100000",
                "spec.parallelism: Invalid value: 10001: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index",
            ],
        ),
        case(
            "maxFailedIndexes limits",
            job("pi", &format!("  completionMode: Indexed\n  completions: 200000\n  parallelism: 5\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 100001\n{POD}")),
            &[
                "spec.maxFailedIndexes: Invalid value: 100001: must be less than or equal to 100000",
                "spec.maxFailedIndexes: Invalid value: 100001: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index",
            ],
        ),
        case(
            "Indexed pod hostname must be a DNS label",
            job(&"a".repeat(60), &format!("  completionMode: Indexed\n  completions: 1000\n{POD}")),
            &[f(format!(
                "metadata.name: Invalid value: \"{0}\": will not able to create pod with invalid DNS label: {0}-999",
                "a".repeat(60)
            ))],
        ),
        case(
            "Indexed hostname of a dotted name",
            job("pi.calc", &format!("  completionMode: Indexed\n  completions: 3\n{POD}")),
            &["metadata.name: Invalid value: \"pi.calc\": will not able to create pod with invalid DNS label: pi.calc-2"],
        ),
        case(
            "managedBy: not a domain-prefixed path",
            job("pi", &format!("  managedBy: my-controller\n{POD}")),
            &[r#"spec.managedBy: Invalid value: "my-controller": must be a domain-prefixed path (such as "acme.io/foo")"#],
        ),
        case(
            "managedBy: too long",
            job("pi", &format!("  managedBy: example.com/{}\n{POD}", "x".repeat(60))),
            &["spec.managedBy: Too long: may not be more than 63 bytes"],
        ),
        case(
            "managedBy: bad host and path",
            job("pi", &format!("  managedBy: Example.com/a b\n{POD}")),
            &[
                f(format!("spec.managedBy: Invalid value: \"Example.com\": {DNS_SUBDOMAIN}")),
                r#"spec.managedBy: Invalid value: "a b": Invalid path (regex used for validation is '[A-Za-z0-9/\-._~%!$&'()*+,;=:]+')"#,
            ],
        ),
        case(
            "managedBy: an external controller",
            job("pi", &format!("  managedBy: kueue.x-k8s.io/multikueue\n{POD}")),
            &[],
        ),
        case(
            "podReplacementPolicy unknown",
            job("pi", &format!("  podReplacementPolicy: Sometimes\n{POD}")),
            &[r#"spec.podReplacementPolicy: Unsupported value: "Sometimes": supported values: "Failed", "TerminatingOrFailed""#],
        ),
    ]
}

const PFP_POD: &str = "  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: setup
        image: busybox
      containers:
      - name: main
        image: busybox
";

fn pfp(rules: &str) -> String {
    job(
        "pi",
        &format!("  podFailurePolicy:\n    rules:\n{rules}{PFP_POD}"),
    )
}

fn pod_failure_policy_cases() -> Vec<Case> {
    let rule = "    - action: FailJob\n      onExitCodes: {operator: In, values: [42]}\n";
    let values: Vec<String> = (1..=256).map(|i| i.to_string()).collect();
    vec![
        case(
            "valid pod failure policy",
            pfp(&format!("{rule}    - action: Ignore\n      onPodConditions:\n      - type: DisruptionTarget\n    - action: Count\n      onExitCodes: {{containerName: setup, operator: NotIn, values: [0, 1]}}\n")),
            &[],
        ),
        case(
            "too many rules",
            pfp(&rule.repeat(21)),
            &["spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items"],
        ),
        case(
            "action missing",
            pfp("    - onExitCodes: {operator: In, values: [1]}\n"),
            &[r#"spec.podFailurePolicy.rules[0].action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]"#],
        ),
        case(
            "action unknown",
            pfp("    - action: Retry\n      onExitCodes: {operator: In, values: [1]}\n"),
            &[r#"spec.podFailurePolicy.rules[0].action: Unsupported value: "Retry": supported values: "Count", "FailIndex", "FailJob", "Ignore""#],
        ),
        case(
            "FailIndex needs backoffLimitPerIndex",
            pfp("    - action: FailIndex\n      onExitCodes: {operator: In, values: [1]}\n"),
            &[r#"spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set"#],
        ),
        case(
            "both requirements",
            pfp("    - action: Ignore\n      onExitCodes: {operator: In, values: [1]}\n      onPodConditions: [{type: DisruptionTarget}]\n"),
            &["spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported"],
        ),
        case(
            "no requirement",
            pfp("    - action: Ignore\n"),
            &["spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required"],
        ),
        case(
            "onExitCodes: operator, container name, values, in upstream order",
            pfp("    - action: FailJob\n      onExitCodes: {containerName: nope, values: [3, 3, 1]}\n"),
            &[
                r#"spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value: valid values: ["In" "NotIn"]"#,
                r#"spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "nope": must be one of the container or initContainer names in the pod template"#,
                "spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Duplicate value: 3",
                "spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: [3,3,1]: must be ordered",
            ],
        ),
        case(
            "onExitCodes: unknown operator",
            pfp("    - action: FailJob\n      onExitCodes: {operator: Equals, values: [1]}\n"),
            &[r#"spec.podFailurePolicy.rules[0].onExitCodes.operator: Unsupported value: "Equals": supported values: "In", "NotIn""#],
        ),
        case(
            "onExitCodes: no values",
            pfp("    - action: FailJob\n      onExitCodes: {operator: In}\n"),
            &["spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: null: at least one value is required"],
        ),
        case(
            "onExitCodes: 0 with In",
            pfp("    - action: FailJob\n      onExitCodes: {operator: In, values: [0, 1]}\n"),
            &["spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator"],
        ),
        case(
            "onExitCodes: too many values",
            pfp(&format!("    - action: FailJob\n      onExitCodes: {{operator: In, values: [{}]}}\n", values.join(", "))),
            &["spec.podFailurePolicy.rules[0].onExitCodes.values: Too many: 256: must have at most 255 items"],
        ),
        case(
            "onPodConditions: type and status",
            pfp("    - action: Ignore\n      onPodConditions:\n      - type: Bad Type\n        status: Maybe\n"),
            &[
                f(format!("spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid value: \"Bad Type\": {NAME_PART}")),
                r#"spec.podFailurePolicy.rules[0].onPodConditions[0].status: Unsupported value: "Maybe": supported values: "False", "True", "Unknown""#,
            ],
        ),
        case(
            "onPodConditions: too many patterns",
            pfp(&format!("    - action: Ignore\n      onPodConditions:\n{}", "      - type: DisruptionTarget\n".repeat(21))),
            &["spec.podFailurePolicy.rules[0].onPodConditions: Too many: 21: must have at most 20 items"],
        ),
        case(
            "pod failure policy needs restartPolicy Never",
            job("pfp-onfailure", "  template:\n    spec:\n      restartPolicy: OnFailure\n      containers:\n      - name: main\n        image: busybox\n  podFailurePolicy:\n    rules:\n    - action: FailJob\n      onExitCodes:\n        operator: In\n        values: [42]\n"),
            &[r#"spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified"#],
        ),
        case(
            "pod failure policy allows only podReplacementPolicy Failed",
            job("pi", &format!("  podReplacementPolicy: TerminatingOrFailed\n  podFailurePolicy:\n    rules:\n{rule}{POD}")),
            &[r#"spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed""#],
        ),
    ]
}

fn indexed(extra: &str) -> String {
    job(
        "pi",
        &format!("  completionMode: Indexed\n  completions: 5\n{extra}{POD}"),
    )
}

fn success_policy_cases() -> Vec<Case> {
    vec![
        case(
            "valid success policy",
            indexed("  successPolicy:\n    rules:\n    - succeededIndexes: \"0,2-3\"\n      succeededCount: 2\n    - succeededCount: 5\n"),
            &[],
        ),
        case(
            "success policy needs Indexed",
            job("pi", &format!("  successPolicy:\n    rules:\n    - succeededIndexes: 0-2\n{POD}")),
            &[r#"spec.successPolicy: Invalid value: {"Rules":[{"SucceededIndexes":"0-2","SucceededCount":null}]}: requires indexed completion mode"#],
        ),
        case(
            "no rules",
            indexed("  successPolicy:\n    rules: []\n"),
            &["spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified"],
        ),
        case(
            "too many rules",
            indexed(&format!("  successPolicy:\n    rules:\n{}", "    - succeededCount: 1\n".repeat(21))),
            &["spec.successPolicy.rules: Too many: 21: must have at most 20 items"],
        ),
        case(
            "empty rule",
            indexed("  successPolicy:\n    rules:\n    - {}\n"),
            &["spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified"],
        ),
        case(
            "succeededIndexes parse errors",
            indexed("  successPolicy:\n    rules:\n    - succeededIndexes: \"1-0\"\n    - succeededIndexes: a\n    - succeededIndexes: \"5\"\n    - succeededIndexes: \"3,1\"\n    - succeededIndexes: \"1-2-3\"\n"),
            &[
                r#"spec.successPolicy.rules[0].succeededIndexes: Invalid value: "1-0": error parsing succeededIndexes: non-increasing order, previous: 1, current: 0"#,
                r#"spec.successPolicy.rules[1].succeededIndexes: Invalid value: "a": error parsing succeededIndexes: cannot convert string to integer for index: "a""#,
                r#"spec.successPolicy.rules[2].succeededIndexes: Invalid value: "5": error parsing succeededIndexes: too large index: "5""#,
                r#"spec.successPolicy.rules[3].succeededIndexes: Invalid value: "3,1": error parsing succeededIndexes: non-increasing order, previous: 3, current: 1"#,
                r#"spec.successPolicy.rules[4].succeededIndexes: Invalid value: "1-2-3": error parsing succeededIndexes: the fragment "1-2-3" violates the requirement that an index interval can have at most two parts separated by '-'"#,
            ],
        ),
        case(
            "succeededCount limits",
            indexed("  successPolicy:\n    rules:\n    - succeededCount: 6\n    - succeededIndexes: 0-2\n      succeededCount: 4\n    - succeededCount: -1\n"),
            &[
                "spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 5 (the number of specified completions)",
                "spec.successPolicy.rules[1].succeededCount: Invalid value: 4: must be less than or equal to 3 (the number of indexes in the specified succeededIndexes field)",
                "spec.successPolicy.rules[2].succeededCount: Invalid value: -1: must be greater than or equal to 0",
            ],
        ),
        case(
            "succeededIndexes too long",
            indexed(&format!("  successPolicy:\n    rules:\n    - succeededIndexes: \"{}\"\n", "1".repeat(65537))),
            &[
                "spec.successPolicy.rules[0].succeededIndexes: Too long: may not be more than 65536 bytes",
                f(format!("spec.successPolicy.rules[0].succeededIndexes: Invalid value: \"{0}\": error parsing succeededIndexes: cannot convert string to integer for index: \"{0}\"", "1".repeat(65537))),
            ],
        ),
    ]
}

fn selector_cases() -> Vec<Case> {
    vec![
        case(
            "manual selector without selector",
            job("pi", &format!("  manualSelector: true\n{POD}")),
            &[
                "spec.selector: Required value",
                "spec.template.metadata.labels: Invalid value: null: `selector` does not match template `labels`",
            ],
        ),
        case(
            "manual selector not matching the template",
            job("pi", "  manualSelector: true\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: b}\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n"),
            &[r#"spec.template.metadata.labels: Invalid value: {"app":"b"}: `selector` does not match template `labels`"#],
        ),
        case(
            "manual selector with expressions",
            job("pi", "  manualSelector: true\n  selector:\n    matchExpressions:\n    - {key: app, operator: In, values: [a, b]}\n    - {key: tier, operator: DoesNotExist}\n  template:\n    metadata:\n      labels: {app: b}\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n"),
            &[],
        ),
        case(
            "invalid selector expressions",
            job("pi", "  manualSelector: true\n  selector:\n    matchExpressions:\n    - {key: app, operator: In}\n    - {key: tier, operator: Exists, values: [x]}\n    - {key: \"-k\", operator: Near}\n  template:\n    metadata:\n      labels: {app: b}\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n"),
            &[
                "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
                "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                r#"spec.selector.matchExpressions[2].operator: Invalid value: "Near": not a valid selector operator"#,
                f(format!("spec.selector.matchExpressions[2].key: Invalid value: \"-k\": {NAME_PART}")),
            ],
        ),
        case(
            "a selector without manualSelector is not auto-generated",
            job("pi", &format!("  selector:\n    matchLabels: {{app: a}}\n{POD}")),
            &[
                r#"spec.selector: Invalid value: {"matchLabels":{"app":"a","batch.kubernetes.io/controller-uid":"{uid}"}}: `selector` not auto-generated"#,
                r#"spec.template.metadata.labels: Invalid value: {"batch.kubernetes.io/controller-uid":"{uid}","batch.kubernetes.io/job-name":"pi","controller-uid":"{uid}","job-name":"pi"}: `selector` does not match template `labels`"#,
            ],
        ),
        case(
            "template job-name label set by the user",
            job("pi", "  template:\n    metadata:\n      labels:\n        job-name: other\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n"),
            &[r#"spec.template.metadata.labels[job-name]: Invalid value: {"batch.kubernetes.io/controller-uid":"{uid}","batch.kubernetes.io/job-name":"pi","controller-uid":"{uid}","job-name":"other"}: must be 'pi'"#],
        ),
    ]
}

fn pod_cases() -> Vec<Case> {
    let t = |spec: &str| job("pi", &format!("  template:\n    spec:\n{spec}"));
    vec![
        case(
            "restartPolicy missing",
            job("pi", "  template:\n    spec:\n      containers:\n      - name: pi\n        image: perl\n"),
            &[RESTART_REQUIRED],
        ),
        case(
            "restartPolicy Always",
            t("      restartPolicy: Always\n      containers:\n      - name: main\n        image: busybox\n"),
            &[RESTART_REQUIRED],
        ),
        case(
            "restartPolicy unknown",
            t("      restartPolicy: Sometimes\n      containers:\n      - name: main\n        image: busybox\n"),
            &[
                r#"spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never""#,
                r#"spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never""#,
            ],
        ),
        case(
            "no template",
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  backoffLimit: 2\n",
            &["spec.template.spec.containers: Required value", RESTART_REQUIRED],
        ),
        case(
            "no containers",
            t("      restartPolicy: Never\n"),
            &["spec.template.spec.containers: Required value"],
        ),
        case(
            "container name and image",
            t("      restartPolicy: Never\n      containers:\n      - image: busybox\n      - name: Main\n      - name: main\n        image: busybox\n      - name: main\n        image: busybox\n"),
            &[
                "spec.template.spec.containers[0].name: Required value",
                f(format!("spec.template.spec.containers[1].name: Invalid value: \"Main\": {DNS_LABEL}")),
                "spec.template.spec.containers[1].image: Required value",
                r#"spec.template.spec.containers[3].name: Duplicate value: "main""#,
            ],
        ),
        case(
            "init containers",
            t("      restartPolicy: Never\n      initContainers:\n      - name: main\n        image: busybox\n      - name: wait\n        image: busybox\n        restartPolicy: OnFailure\n        livenessProbe: {exec: {command: [\"true\"]}}\n      - name: sidecar\n        image: busybox\n        restartPolicy: Always\n        readinessProbe: {exec: {command: [\"true\"]}}\n      containers:\n      - name: main\n        image: busybox\n        restartPolicy: Always\n"),
            &[
                "spec.template.spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers",
                r#"spec.template.spec.initContainers[0].name: Duplicate value: "main""#,
                r#"spec.template.spec.initContainers[1].restartPolicy: Unsupported value: "OnFailure": supported values: "Always""#,
                "spec.template.spec.initContainers[1].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
            ],
        ),
        case(
            "env names and sources",
            t("      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n        env:\n        - name: \"\"\n          value: x\n        - name: A=B\n        - name: MY VAR.1\n        - name: POD_IP\n          valueFrom: {fieldRef: {fieldPath: status.podIP}}\n        - name: PHASE\n          valueFrom: {fieldRef: {fieldPath: status.phase}}\n        - name: BAD\n          valueFrom: {fieldRef: {fieldPath: spec.nothing}}\n        - name: BOTH\n          value: x\n          valueFrom: {secretKeyRef: {name: s, key: k}}\n        - name: NONE\n          valueFrom: {}\n"),
            &[
                "spec.template.spec.containers[0].env[0].name: Required value",
                r#"spec.template.spec.containers[0].env[1].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='"#,
                r#"spec.template.spec.containers[0].env[4].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs""#,
                r#"spec.template.spec.containers[0].env[5].valueFrom.fieldRef.fieldPath: Invalid value: "spec.nothing": error converting fieldPath: field label not supported: spec.nothing"#,
                r#"spec.template.spec.containers[0].env[6].valueFrom: Invalid value: "": may not be specified when `value` is not empty"#,
                "spec.template.spec.containers[0].env[7].valueFrom: Invalid value: \"\": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`",
            ],
        ),
        case(
            "volumes and mounts",
            t("      restartPolicy: Never\n      volumes:\n      - name: data\n        emptyDir: {}\n      - name: Cache\n        emptyDir: {}\n      - name: both\n        emptyDir: {}\n        configMap: {name: c}\n      - name: none\n      - name: data\n        emptyDir: {}\n      containers:\n      - name: main\n        image: busybox\n        volumeMounts:\n        - {name: data, mountPath: /data}\n        - {name: cache, mountPath: /data}\n        - {name: \"\", mountPath: \"\"}\n"),
            &[
                f(format!("spec.template.spec.volumes[1].name: Invalid value: \"Cache\": {DNS_LABEL}")),
                "spec.template.spec.volumes[2].configMap: Forbidden: may not specify more than 1 volume type",
                "spec.template.spec.volumes[3]: Required value: must specify a volume type",
                r#"spec.template.spec.volumes[4].name: Duplicate value: "data""#,
                r#"spec.template.spec.containers[0].volumeMounts[1].name: Not found: "cache""#,
                r#"spec.template.spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique"#,
                "spec.template.spec.containers[0].volumeMounts[2].name: Required value",
                r#"spec.template.spec.containers[0].volumeMounts[2].name: Not found: """#,
                "spec.template.spec.containers[0].volumeMounts[2].mountPath: Required value",
            ],
        ),
        case(
            "ports and pull policy",
            t("      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n        imagePullPolicy: Sometimes\n        ports:\n        - {name: http, containerPort: 70000}\n        - {name: http, containerPort: 80, protocol: HTTP}\n"),
            &[
                "spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
                r#"spec.template.spec.containers[0].ports[1].name: Duplicate value: "http""#,
                r#"spec.template.spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP""#,
                r#"spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never""#,
            ],
        ),
        case(
            "pod-level fields",
            t("      restartPolicy: Never\n      activeDeadlineSeconds: 0\n      hostname: Web_1\n      subdomain: a.b\n      dnsPolicy: Bogus\n      nodeSelector: {disk: \"fast ssd\"}\n      serviceAccountName: My_SA\n      containers:\n      - name: main\n        image: busybox\n"),
            &[
                r#"spec.template.spec.dnsPolicy: Unsupported value: "Bogus": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None""#,
                f(format!("spec.template.spec.nodeSelector: Invalid value: \"fast ssd\": {LABEL_VALUE}")),
                f(format!("spec.template.spec.serviceAccountName: Invalid value: \"My_SA\": {DNS_SUBDOMAIN}")),
                "spec.template.spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive",
                f(format!("spec.template.spec.hostname: Invalid value: \"Web_1\": {DNS_LABEL}")),
                r#"spec.template.spec.subdomain: Invalid value: "a.b": must not contain dots"#,
            ],
        ),
        case(
            "dnsPolicy None needs dnsConfig",
            t("      restartPolicy: Never\n      dnsPolicy: None\n      containers:\n      - name: main\n        image: busybox\n"),
            &["spec.template.spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None"],
        ),
        case(
            "negative terminationGracePeriodSeconds is only a warning",
            t("      restartPolicy: Never\n      terminationGracePeriodSeconds: -1\n      containers:\n      - name: main\n        image: busybox\n"),
            &[],
        ),
        case(
            "ephemeral containers are not allowed in templates",
            t("      restartPolicy: Never\n      ephemeralContainers:\n      - name: debug\n        image: busybox\n      containers:\n      - name: main\n        image: busybox\n"),
            &["spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template"],
        ),
        case(
            "template annotations",
            job("pi", "  template:\n    metadata:\n      annotations:\n        controller.kubernetes.io/pod-deletion-cost: \"+1\"\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n"),
            &[r#"spec.template.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "+1": must be a 32bit integer"#],
        ),
    ]
}

fn cron(spec: &str) -> String {
    format!("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n{spec}")
}

const CRON_TEMPLATE: &str = "  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: hello
            image: busybox
";

fn cronjob_cases() -> Vec<Case> {
    vec![
        case(
            "valid cronjob with a time zone",
            cron(&format!("  schedule: \"0 3 * * 1-5\"\n  timeZone: Etc/UTC\n  concurrencyPolicy: Forbid\n{CRON_TEMPLATE}")),
            &[],
        ),
        case(
            "IANA time zone",
            cron(&format!("  schedule: \"30 6 * * *\"\n  timeZone: Asia/Seoul\n{CRON_TEMPLATE}")),
            &[],
        ),
        case(
            "CRON_TZ with an unknown zone",
            cron(&format!("  schedule: \"CRON_TZ=Nowhere/City 0 * * * *\"\n{CRON_TEMPLATE}")),
            &[
                r#"spec.schedule: Invalid value: "CRON_TZ=Nowhere/City 0 * * * *": provided bad location Nowhere/City: unknown time zone Nowhere/City"#,
                r#"spec.schedule: Invalid value: "CRON_TZ=Nowhere/City 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead"#,
            ],
        ),
        case("macro schedule", cron(&format!("  schedule: \"@hourly\"\n{CRON_TEMPLATE}")), &[]),
        case(
            "name longer than 52",
            format!("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: {}\nspec:\n  schedule: \"* * * * *\"\n{CRON_TEMPLATE}", "c".repeat(53)),
            &[f(format!("metadata.name: Invalid value: \"{}\": must be no more than 52 characters", "c".repeat(53)))],
        ),
        case(
            "schedule missing",
            cron(CRON_TEMPLATE),
            &["spec.schedule: Required value"],
        ),
        case(
            "schedule with three fields",
            cron(&format!("  schedule: \"* * *\"\n{CRON_TEMPLATE}")),
            &[r#"spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]"#],
        ),
        case(
            "Local time zone",
            cron(&format!("  schedule: \"* * * * *\"\n  timeZone: Local\n{CRON_TEMPLATE}")),
            &[r#"spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"#],
        ),
        case(
            "unknown time zone",
            cron(&format!("  schedule: \"* * * * *\"\n  timeZone: Mars/Olympus_Mons\n{CRON_TEMPLATE}")),
            &[r#"spec.timeZone: Invalid value: "Mars/Olympus_Mons": unknown time zone Mars/Olympus_Mons"#],
        ),
        case(
            "time zone with a long part",
            cron(&format!("  schedule: \"* * * * *\"\n  timeZone: America/Argentina_Buenos\n{CRON_TEMPLATE}")),
            &[r#"spec.timeZone: Invalid value: "America/Argentina_Buenos": unknown time zone America/Argentina_Buenos"#],
        ),
        case(
            "empty time zone",
            cron(&format!("  schedule: \"* * * * *\"\n  timeZone: \"\"\n{CRON_TEMPLATE}")),
            &[r#"spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string"#],
        ),
        case(
            "counts and policy, in upstream order",
            cron(&format!("  schedule: \"* * * * *\"\n  startingDeadlineSeconds: -1\n  concurrencyPolicy: Sometimes\n  successfulJobsHistoryLimit: -1\n  failedJobsHistoryLimit: -2\n{CRON_TEMPLATE}")),
            &[
                "spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0",
                r#"spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace""#,
                "spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0",
                "spec.failedJobsHistoryLimit: Invalid value: -2: must be greater than or equal to 0",
            ],
        ),
        case(
            "job template rules",
            cron("  schedule: \"* * * * *\"\n  jobTemplate:\n    spec:\n      parallelism: -1\n      manualSelector: true\n      selector:\n        matchLabels: {app: x}\n      template:\n        spec:\n          containers:\n          - name: hello\n            image: busybox\n"),
            &[
                "spec.jobTemplate.spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
                r#"spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never""#,
                r#"spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"app":"x"}}: `selector` will be auto-generated"#,
                r#"spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false""#,
            ],
        ),
        case(
            "no job template",
            cron("  schedule: \"* * * * *\"\n"),
            &[
                "spec.jobTemplate.spec.template.spec.containers: Required value",
                r#"spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never""#,
            ],
        ),
    ]
}

#[test]
fn every_rule_gives_the_api_servers_message() {
    let groups = [
        metadata_cases(),
        count_cases(),
        pod_failure_policy_cases(),
        success_policy_cases(),
        selector_cases(),
        pod_cases(),
        cronjob_cases(),
    ];
    for c in groups.iter().flatten() {
        check(c);
    }
}

fn parse(text: &str) -> ScenarioFile {
    match ScenarioFile::parse(text) {
        Ok(f) => f,
        Err(e) => panic!("does not parse: {}", e.message),
    }
}

/// The Job after a merge patch, and the update errors as kubectl prints them ("" = accepted).
fn update(text: &str, patch: &str, started: bool) -> String {
    let file = parse(text);
    let patch: serde_json::Value = serde_json::from_str(patch).expect("patch JSON");
    let next = apply_to_workload(&file.workload, &patch).expect("patch applies");
    let errs = match (&file.workload, &next) {
        (Workload::Job(old), Workload::Job(new)) => {
            let mut old = old.clone();
            if started {
                old.status.start_time = Some(jobplay::api::Time::ZERO);
            }
            validate_job_update(&old, new)
        }
        (Workload::CronJob(old), Workload::CronJob(new)) => validate_cronjob_update(old, new),
        _ => unreachable!(),
    };
    let name = file.workload.name().to_string();
    let kind = file.workload.kind();
    if errs.is_empty() {
        String::new()
    } else {
        invalid(
            kind,
            &name,
            &errs.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
        )
    }
}

#[test]
fn mutable_fields_can_change() {
    let text = job("pi", &format!("  parallelism: 2\n  completions: 4\n{POD}"));
    for patch in [
        r#"{"spec":{"parallelism":5}}"#,
        r#"{"spec":{"activeDeadlineSeconds":30,"backoffLimit":1,"ttlSecondsAfterFinished":0}}"#,
        r#"{"spec":{"suspend":true}}"#,
        r#"{"spec":{"podReplacementPolicy":"Failed"}}"#,
        r#"{"metadata":{"labels":{"team":"a"},"annotations":{"note":"x"}}}"#,
    ] {
        assert_eq!(update(&text, patch, true), "", "patch {patch}");
    }
    let blpi = job(
        "pi",
        &format!("  completionMode: Indexed\n  completions: 4\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 1\n{POD}"),
    );
    assert_eq!(
        update(&blpi, r#"{"spec":{"maxFailedIndexes":2}}"#, true),
        ""
    );
}

#[test]
fn immutable_fields_are_rejected() {
    let text = job("pi", &format!("  parallelism: 2\n  completions: 4\n{POD}"));
    let u = uid("Job", "pi");
    assert_eq!(
        update(&text, r#"{"spec":{"completions":5}}"#, true),
        r#"The Job "pi" is invalid: spec.completions: Invalid value: 5: field is immutable"#
    );
    assert_eq!(
        update(&text, r#"{"spec":{"completionMode":"Indexed"}}"#, true),
        r#"The Job "pi" is invalid: spec.completionMode: Invalid value: "Indexed": field is immutable"#
    );
    assert_eq!(
        update(&text, r#"{"spec":{"selector":{"matchLabels":{"x":"y"}}}}"#, true),
        format!(
            "The Job \"pi\" is invalid: \n* spec.selector: Invalid value: {{\"matchLabels\":{{\"batch.kubernetes.io/controller-uid\":\"{u}\",\"x\":\"y\"}}}}: `selector` not auto-generated\n* spec.template.metadata.labels: Invalid value: {{\"batch.kubernetes.io/controller-uid\":\"{u}\",\"batch.kubernetes.io/job-name\":\"pi\",\"controller-uid\":\"{u}\",\"job-name\":\"pi\"}}: `selector` does not match template `labels`\n* spec.selector: Invalid value: {{\"matchLabels\":{{\"batch.kubernetes.io/controller-uid\":\"{u}\",\"x\":\"y\"}}}}: field is immutable"
        )
    );
    assert_eq!(
        update(&text, r#"{"spec":{"managedBy":"example.com/ctl"}}"#, true),
        r#"The Job "pi" is invalid: spec.managedBy: Invalid value: "example.com/ctl": field is immutable"#
    );
    assert_eq!(
        update(
            &text,
            r#"{"spec":{"podFailurePolicy":{"rules":[{"action":"FailJob","onExitCodes":{"operator":"In","values":[42]}}]},"podReplacementPolicy":"Failed"}}"#,
            true
        ),
        r#"The Job "pi" is invalid: spec.podFailurePolicy: Invalid value: {"Rules":[{"Action":"FailJob","OnExitCodes":{"ContainerName":null,"Operator":"In","Values":[42]},"OnPodConditions":null}]}: field is immutable"#
    );
    let idx = job(
        "pi",
        &format!("  completionMode: Indexed\n  completions: 4\n  parallelism: 4\n  backoffLimitPerIndex: 1\n  successPolicy:\n    rules:\n    - succeededCount: 1\n{POD}"),
    );
    assert_eq!(
        update(&idx, r#"{"spec":{"backoffLimitPerIndex":2}}"#, true),
        r#"The Job "pi" is invalid: spec.backoffLimitPerIndex: Invalid value: 2: field is immutable"#
    );
    assert_eq!(
        update(&idx, r#"{"spec":{"successPolicy":null}}"#, true),
        r#"The Job "pi" is invalid: spec.successPolicy: Invalid value: null: field is immutable"#
    );
    assert_eq!(
        update(&text, r#"{"metadata":{"namespace":"other"}}"#, true),
        r#"The Job "pi" is invalid: metadata.namespace: Invalid value: "other": field is immutable"#
    );
}

#[test]
fn indexed_completions_change_only_in_tandem_with_parallelism() {
    let text = job(
        "pi",
        &format!("  completionMode: Indexed\n  completions: 4\n  parallelism: 4\n{POD}"),
    );
    assert_eq!(
        update(&text, r#"{"spec":{"completions":5}}"#, true),
        r#"The Job "pi" is invalid: spec.completions: Invalid value: 5: can only be modified in tandem with spec.parallelism"#
    );
    assert_eq!(
        update(&text, r#"{"spec":{"completions":2,"parallelism":2}}"#, true),
        ""
    );
}

#[test]
fn the_template_is_mutable_only_in_scheduling_directives_of_a_suspended_job_never_started() {
    let text = job("pi", &format!("  suspend: true\n{POD}"));
    let directives = r#"{"spec":{"template":{"metadata":{"labels":{"zone":"a"},"annotations":{"n":"1"}},"spec":{"nodeSelector":{"disk":"ssd"},"tolerations":[{"key":"k","operator":"Exists"}],"schedulingGates":[{"name":"example.com/gate"}],"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"zone","operator":"In","values":["a"]}]}]}}}}}}}"#;
    assert_eq!(update(&text, directives, false), "");
    let image =
        r#"{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"busybox:1.37"}]}}}}"#;
    let rejected = update(&text, image, false);
    assert!(
        rejected.starts_with(r#"The Job "pi" is invalid: spec.template: Invalid value: {"creationTimestamp":null,"labels":{"#)
            && rejected.ends_with("}: field is immutable")
            && rejected.contains(r#""Image":"busybox:1.37""#),
        "{rejected}"
    );
    // Once started (or not suspended), the scheduling directives are frozen too.
    assert!(update(&text, directives, true).contains("spec.template: Invalid value: "));
    let running = job("pi", POD);
    assert!(update(&running, directives, false).contains("spec.template: Invalid value: "));
    // Pod affinity is not a scheduling directive that may change.
    let pod_affinity = r#"{"spec":{"template":{"spec":{"affinity":{"podAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":1,"podAffinityTerm":{"topologyKey":"zone"}}]}}}}}}"#;
    assert!(update(&text, pod_affinity, false).contains("spec.template: Invalid value: "));
}

/// The seed 001 transcript: `kubectl apply` of an edited oneshot Job over the running one.
/// Kubernetes 1.34+ renders the template as JSON of the internal type (the seed, from an
/// older cluster, shows Go's %#v of the same value).
#[test]
fn seed_oneshot_template_change_is_immutable() {
    let old = std::fs::read_to_string("tests/fixtures/seeds/oneshot.yaml").expect("fixture");
    let patch = r#"{"spec":{"template":{"metadata":{"labels":{"run":"oneshot"}},"spec":{"containers":[
        {"name":"kuard","image":"gcr.io/kuar-demo/kuard-amd64:blue","imagePullPolicy":"Always","command":["/kuard"],"args":["--keygen-enable","--keygen-exit-on-complete","--keygen-num-to-gen=10"]},
        {"name":"oneshot","image":"gcr.io/kuar-demo/kuard-amd64:blue","command":["/kuard","--keygen-enable","--keygen-exit-on-complete","--keygen-num-to-gen","10","-a"],"stdin":true,"stdinOnce":true}]}}}}"#;
    let u = uid("Job", "oneshot");
    let container = |name: &str, command: &str, args: &str, pull: &str, stdin: bool| {
        format!(
            r#"{{"Name":"{name}","Image":"gcr.io/kuar-demo/kuard-amd64:blue","Command":{command},"Args":{args},"WorkingDir":"","Ports":null,"EnvFrom":null,"Env":null,"Resources":{{"Limits":null,"Requests":null,"Claims":null}},"ResizePolicy":null,"RestartPolicy":null,"RestartPolicyRules":null,"VolumeMounts":null,"VolumeDevices":null,"LivenessProbe":null,"ReadinessProbe":null,"StartupProbe":null,"Lifecycle":null,"TerminationMessagePath":"/dev/termination-log","TerminationMessagePolicy":"File","ImagePullPolicy":"{pull}","SecurityContext":null,"Stdin":{stdin},"StdinOnce":{stdin},"TTY":false}}"#
        )
    };
    let expected = format!(
        r#"The Job "oneshot" is invalid: spec.template: Invalid value: {{"creationTimestamp":null,"labels":{{"batch.kubernetes.io/controller-uid":"{u}","batch.kubernetes.io/job-name":"oneshot","controller-uid":"{u}","job-name":"oneshot","run":"oneshot"}},"Spec":{{"Volumes":null,"InitContainers":null,"Containers":[{},{}],"EphemeralContainers":null,"RestartPolicy":"OnFailure","TerminationGracePeriodSeconds":30,"ActiveDeadlineSeconds":null,"DNSPolicy":"ClusterFirst","NodeSelector":null,"ServiceAccountName":"","AutomountServiceAccountToken":null,"NodeName":"","SecurityContext":{{"HostNetwork":false,"HostPID":false,"HostIPC":false,"ShareProcessNamespace":null,"HostUsers":null,"SELinuxOptions":null,"WindowsOptions":null,"RunAsUser":null,"RunAsGroup":null,"RunAsNonRoot":null,"SupplementalGroups":null,"SupplementalGroupsPolicy":null,"FSGroup":null,"FSGroupChangePolicy":null,"Sysctls":null,"SeccompProfile":null,"AppArmorProfile":null,"SELinuxChangePolicy":null}},"ImagePullSecrets":null,"Hostname":"","Subdomain":"","SetHostnameAsFQDN":null,"Affinity":null,"SchedulerName":"default-scheduler","Tolerations":null,"HostAliases":null,"PriorityClassName":"","Priority":null,"PreemptionPolicy":null,"DNSConfig":null,"ReadinessGates":null,"RuntimeClassName":null,"Overhead":null,"EnableServiceLinks":null,"TopologySpreadConstraints":null,"OS":null,"SchedulingGates":null,"ResourceClaims":null,"Resources":null,"HostnameOverride":null}}}}: field is immutable"#,
        container(
            "kuard",
            r#"["/kuard"]"#,
            r#"["--keygen-enable","--keygen-exit-on-complete","--keygen-num-to-gen=10"]"#,
            "Always",
            false
        ),
        container(
            "oneshot",
            r#"["/kuard","--keygen-enable","--keygen-exit-on-complete","--keygen-num-to-gen","10","-a"]"#,
            "null",
            "IfNotPresent",
            true
        ),
    );
    assert_eq!(update(&old, patch, true), expected);
}

/// The schedule parser's own verdict on a `TZ=` prefix comes first; the API server then
/// refuses the prefix itself.
#[test]
fn tz_in_a_new_schedule_is_refused() {
    let schedule = "TZ=UTC 0 * * * *";
    let text = cron(&format!("  schedule: \"{schedule}\"\n{CRON_TEMPLATE}"));
    let tz = format!("spec.schedule: Invalid value: \"{schedule}\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
    let errors = match jobplay::controller::cronjob::schedule::Schedule::parse(schedule) {
        Ok(_) => vec![tz],
        Err(e) => vec![
            format!("spec.schedule: Invalid value: \"{schedule}\": {e}"),
            tz,
        ],
    };
    let e = ScenarioFile::parse(&text).expect_err("TZ refused");
    assert_eq!(e.message, invalid("CronJob", "hello", &errors));
}

#[test]
fn cronjob_updates() {
    let text = cron(&format!("  schedule: \"* * * * *\"\n{CRON_TEMPLATE}"));
    assert_eq!(
        update(
            &text,
            r#"{"spec":{"schedule":"*/5 * * * *","suspend":true}}"#,
            false
        ),
        ""
    );
    assert_eq!(
        update(&text, r#"{"spec":{"schedule":"61 * * * *"}}"#, false),
        format!(
            "The CronJob \"hello\" is invalid: spec.schedule: Invalid value: \"61 * * * *\": {}",
            jobplay::controller::cronjob::schedule::Schedule::parse("61 * * * *")
                .err()
                .unwrap_or_default()
        )
    );
    assert_eq!(
        update(&text, r#"{"spec":{"timeZone":"Nowhere/City"}}"#, false),
        r#"The CronJob "hello" is invalid: spec.timeZone: Invalid value: "Nowhere/City": unknown time zone Nowhere/City"#
    );
    // A long name is only refused on create.
    let long = format!(
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: {}\nspec:\n  schedule: \"* * * * *\"\n{CRON_TEMPLATE}",
        "c".repeat(53)
    );
    assert!(ScenarioFile::parse(&long).is_err());
}

#[test]
fn scenario_patches_are_validated_as_updates() {
    let text = format!(
        "{}---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: scale\nspec:\n  actions:\n  - at: 5\n    patch: {{spec: {{completions: 3}}}}\n",
        job("pi", POD)
    );
    let e = ScenarioFile::parse(&text).expect_err("immutable completions");
    assert_eq!(
        e.message,
        r#"The Scenario "scale" is invalid: spec.actions[0].patch: Invalid value: the API server rejects this update: The Job "pi" is invalid: spec.completions: Invalid value: 3: field is immutable"#
    );
}

#[test]
fn warnings_do_not_stop_the_run() {
    let job = jobplay::api::Job {
        metadata: jobplay::api::ObjectMeta {
            name: Some("pi.calc".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    assert_eq!(
        jobplay::api::validation::job_warnings(&job),
        vec!["metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]"]
    );
    let text = job_with_grace();
    let file = parse(&text);
    if let Workload::Job(j) = &file.workload {
        assert_eq!(
            jobplay::api::validation::job_warnings(j),
            vec!["spec.template.spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1"]
        );
    }
}

fn job_with_grace() -> String {
    job(
        "pi",
        "  template:\n    spec:\n      restartPolicy: Never\n      terminationGracePeriodSeconds: -1\n      containers:\n      - name: main\n        image: busybox\n",
    )
}

fn yaml_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    #[allow(clippy::disallowed_methods)] // native test code: the standard sort is fine
    v.sort();
    v
}

#[test]
fn every_gallery_example_validates() {
    let dir = "/work/shared/examples";
    if !Path::new(dir).exists() {
        return;
    }
    for p in yaml_files(dir) {
        let text = std::fs::read_to_string(&p).expect("readable");
        if let Err(e) = ScenarioFile::parse(&text) {
            panic!("{}: {}", p.display(), e.message);
        }
    }
}

#[test]
fn every_seed_job_validates() {
    let files = yaml_files("tests/fixtures/seeds");
    assert!(files.len() >= 10);
    for p in files {
        let text = std::fs::read_to_string(&p).expect("readable");
        if let Err(e) = ScenarioFile::parse(&text) {
            panic!("{}: {}", p.display(), e.message);
        }
    }
}

fn cli(args: &[&str]) -> jobplay::cli::Output {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    jobplay::cli::run(&args)
}

fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("jobplay-validation-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p.to_string_lossy().into_owned()
}

#[test]
fn jobplay_validate_prints_kubectls_message() {
    let ok = cli(&["validate", "tests/fixtures/seeds/pi.yaml"]);
    assert_eq!((ok.code, ok.stdout.as_str()), (0, "job.batch/pi valid\n"));

    let path = temp_file(
        "multi.yaml",
        &job("pi", "  parallelism: -1\n  template:\n    spec:\n      containers:\n      - name: pi\n        image: perl\n"),
    );
    let out = cli(&["validate", &path]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.starts_with("The Job \"pi\" is invalid: \n* spec.parallelism: Invalid value: -1: must be greater than or equal to 0\n* spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"\n"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains(&format!("{path}:6:3: spec.parallelism")),
        "{}",
        out.stderr
    );

    let path = temp_file(
        "cron.yaml",
        &cron(&format!(
            "  schedule: \"0 9 * * *\"\n  timeZone: Local\n{CRON_TEMPLATE}"
        )),
    );
    let out = cli(&["validate", &path]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with(r#"The CronJob "hello" is invalid: spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"#), "{}", out.stderr);

    let path = temp_file(
        "pfp.yaml",
        &pfp("    - action: FailIndex\n      onExitCodes: {operator: In, values: [1]}\n"),
    );
    let out = cli(&["validate", &path]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("spec.podFailurePolicy.rules[0].action: Invalid value: \"FailIndex\": requires the backoffLimitPerIndex to be set"));
}
