//! Property: random edits of valid scenario files (lines deleted, duplicated, swapped;
//! characters inserted, deleted, replaced with YAML's special characters) never make
//! parsing, defaulting or validation panic, and every refusal carries a message. Edited
//! files that still parse are also run through update validation against the original.

use jobplay::api::validation::{validate_cronjob_update, validate_job_update};
use jobplay::scenario::{ScenarioFile, Workload};
use proptest::prelude::*;

const BASES: &[&str] = &[
    include_str!("fixtures/seeds/pi.yaml"),
    include_str!("fixtures/seeds/oneshot-edited.yaml"),
    include_str!("fixtures/seeds/consumers.yaml"),
    include_str!("fixtures/seeds/cronjob-hello.yaml"),
    include_str!("fixtures/seeds/new-manual-selector.yaml"),
    "apiVersion: batch/v1
kind: Job
metadata:
  name: policy
spec:
  completionMode: Indexed
  completions: 8
  parallelism: 4
  backoffLimitPerIndex: 1
  maxFailedIndexes: 3
  successPolicy:
    rules:
    - succeededIndexes: \"0,2-4\"
      succeededCount: 2
  podFailurePolicy:
    rules:
    - action: FailIndex
      onExitCodes: {containerName: main, operator: In, values: [1, 42]}
    - action: Ignore
      onPodConditions:
      - type: DisruptionTarget
  template:
    metadata:
      labels: {app: policy}
      annotations: {note: x}
    spec:
      restartPolicy: Never
      volumes:
      - {name: data, emptyDir: {}}
      containers:
      - name: main
        image: busybox:1.37
        env:
        - {name: A, value: b}
        - name: IP
          valueFrom: {fieldRef: {fieldPath: status.podIP}}
        volumeMounts:
        - {name: data, mountPath: /data}
        ports:
        - {name: http, containerPort: 80}
---
apiVersion: playground/v1
kind: Scenario
metadata:
  name: s
spec:
  seed: 3
  pods:
  - index: \"3\"
    exitCode: 42
  actions:
  - at: 5
    patch: {spec: {parallelism: 2}}
  - at: 6
    suspend: true
",
];

/// Characters that change what YAML means.
const SPECIAL: &[char] = &[
    ':', '-', ' ', '[', ']', '{', '}', '&', '*', '\'', '"', '#', '\t', '\n', '!', '|', '>', '%',
    '@', '`', ',', '?', '0', '9', 'a', 'Z', '.', '~', '\\', '\u{0}', 'é',
];

#[derive(Clone, Debug)]
enum Edit {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    InsertChar(usize, usize),
    DeleteChar(usize),
    ReplaceChar(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::DeleteLine),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::InsertChar(a, b)),
        any::<usize>().prop_map(Edit::DeleteChar),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::ReplaceChar(a, b)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut s = text.to_string();
    for e in edits {
        let mut lines: Vec<String> = s.lines().map(str::to_string).collect();
        let mut chars: Vec<char> = s.chars().collect();
        match *e {
            Edit::DeleteLine(i) if !lines.is_empty() => {
                let n = lines.len();
                lines.remove(i % n);
                s = lines.join("\n");
            }
            Edit::DuplicateLine(i) if !lines.is_empty() => {
                let i = i % lines.len();
                let l = lines[i].clone();
                lines.insert(i, l);
                s = lines.join("\n");
            }
            Edit::SwapLines(a, b) if !lines.is_empty() => {
                let n = lines.len();
                lines.swap(a % n, b % n);
                s = lines.join("\n");
            }
            Edit::InsertChar(at, c) => {
                let at = at % (chars.len() + 1);
                chars.insert(at, SPECIAL[c % SPECIAL.len()]);
                s = chars.into_iter().collect();
            }
            Edit::DeleteChar(at) if !chars.is_empty() => {
                let n = chars.len();
                chars.remove(at % n);
                s = chars.into_iter().collect();
            }
            Edit::ReplaceChar(at, c) if !chars.is_empty() => {
                let n = chars.len();
                chars[at % n] = SPECIAL[c % SPECIAL.len()];
                s = chars.into_iter().collect();
            }
            _ => {}
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 768, ..ProptestConfig::default() })]

    #[test]
    fn edited_files_parse_or_explain(base in 0..BASES.len(), edits in prop::collection::vec(edit(), 1..6)) {
        let original = BASES[base];
        let text = apply(original, &edits);
        match ScenarioFile::parse(&text) {
            Err(e) => {
                prop_assert!(!e.message.trim().is_empty(), "empty message for {:?}", text);
                for d in &e.diagnostics {
                    prop_assert!(!d.message.trim().is_empty());
                }
            }
            Ok(edited) => {
                // The edited workload as an update of the original one.
                if let Ok(orig) = ScenarioFile::parse(original) {
                    match (&orig.workload, &edited.workload) {
                        (Workload::Job(old), Workload::Job(new)) => {
                            let errs = validate_job_update(old, new);
                            prop_assert!(errs.iter().all(|e| !e.to_string().is_empty()));
                        }
                        (Workload::CronJob(old), Workload::CronJob(new)) => {
                            let errs = validate_cronjob_update(old, new);
                            prop_assert!(errs.iter().all(|e| !e.to_string().is_empty()));
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}
