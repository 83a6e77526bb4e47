//! The Scenario form's edits: read the Scenario of the editor's text, apply a
//! common change (pods exit with a code, evict or delete pods at a time, suspend
//! or resume, a work queue) and write the Scenario document back as YAML. Only
//! the Scenario document's text is replaced; the workload's text stays byte for
//! byte as it was. Plain Rust, tested natively.

use crate::api::yaml;
use crate::scenario::ScenarioFile;
use crate::scenario::{Action, OrdinalList, PodRule, PodSelector, Scenario, Seconds, WorkQueue};

/// A change the form makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Pods matching `index` / `pod` (empty: any) exit with `exit_code` after `run_seconds`.
    Exit {
        index: String,
        pod: String,
        exit_code: i32,
        run_seconds: f64,
    },
    /// Evict (or delete) the matching pods at `at`; `all` for every pod not finished.
    Evict {
        at: f64,
        index: String,
        pod: String,
        all: bool,
    },
    Delete {
        at: f64,
        index: String,
        pod: String,
        all: bool,
    },
    /// `suspend: true` (or false: resume) at `at`.
    Suspend {
        at: f64,
        suspend: bool,
    },
    Queue {
        items: u32,
        seconds_per_item: f64,
    },
    RemoveRule(usize),
    RemoveAction(usize),
    RemoveQueue,
}

/// What the form lists: the current rules, actions and queue, each as one line of
/// the Scenario format.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormView {
    pub indexed: bool,
    pub rules: Vec<String>,
    pub actions: Vec<String>,
    pub queue: Option<String>,
}

/// Read the form's view of the text; `None` when the text does not parse.
pub fn read(text: &str) -> Option<FormView> {
    let file = ScenarioFile::parse(text).ok()?;
    let spec = &file.scenario.spec;
    Some(FormView {
        indexed: matches!(&file.workload, crate::scenario::Workload::Job(j) if j.spec.is_indexed()),
        rules: spec.pods.iter().map(|r| flow(&rule_fields(r))).collect(),
        actions: spec
            .actions
            .iter()
            .map(|a| flow(&action_fields(a)))
            .collect(),
        queue: spec.queue.as_ref().map(|q| flow(&queue_fields(q))),
    })
}

fn list(s: &str) -> Option<OrdinalList> {
    let s = s.trim();
    (!s.is_empty()).then(|| OrdinalList {
        text: s.to_string(),
        set: crate::api::IndexSet::parse(s),
    })
}

fn selector(index: &str, pod: &str, all: bool) -> PodSelector {
    if all {
        return PodSelector {
            all: Some(true),
            ..Default::default()
        };
    }
    PodSelector {
        index: list(index),
        pod: list(pod),
        ..Default::default()
    }
}

/// Apply a change to the text: the new text, or the API server's message when the
/// result would not be valid (the text is then left alone).
pub fn apply(text: &str, change: &Change) -> Result<String, String> {
    let file = ScenarioFile::parse(text).map_err(|e| e.message)?;
    let mut s = file.scenario.clone();
    if s.metadata.name.is_none() {
        s.metadata.name = Some(file.workload.name().to_string());
    }
    let spec = &mut s.spec;
    match change {
        Change::Exit {
            index,
            pod,
            exit_code,
            run_seconds,
        } => {
            let rule = PodRule {
                index: list(index),
                pod: list(pod),
                exit_code: Some(*exit_code),
                run_seconds: Some(Seconds(*run_seconds)),
                ..Default::default()
            };
            // First match wins: a rule for some pods goes first, a rule for all pods last.
            if rule.has_selector() {
                spec.pods.insert(0, rule);
            } else {
                spec.pods.push(rule);
            }
        }
        Change::Evict {
            at,
            index,
            pod,
            all,
        } => spec.actions.push(Action {
            at: Some(Seconds(*at)),
            evict_pod: Some(selector(index, pod, *all)),
            ..Default::default()
        }),
        Change::Delete {
            at,
            index,
            pod,
            all,
        } => spec.actions.push(Action {
            at: Some(Seconds(*at)),
            delete_pod: Some(selector(index, pod, *all)),
            ..Default::default()
        }),
        Change::Suspend { at, suspend } => spec.actions.push(Action {
            at: Some(Seconds(*at)),
            suspend: Some(*suspend),
            ..Default::default()
        }),
        Change::Queue {
            items,
            seconds_per_item,
        } => {
            spec.queue = Some(WorkQueue {
                items: *items,
                seconds_per_item: Some(Seconds(*seconds_per_item)),
            })
        }
        Change::RemoveRule(i) => {
            if *i < spec.pods.len() {
                spec.pods.remove(*i);
            }
        }
        Change::RemoveAction(i) => {
            if *i < spec.actions.len() {
                spec.actions.remove(*i);
            }
        }
        Change::RemoveQueue => spec.queue = None,
    }
    // Actions in time order, as people read them.
    crate::sort::sort_by(&mut spec.actions, |a, b| {
        a.at.map_or(0.0, |x| x.0)
            .total_cmp(&b.at.map_or(0.0, |x| x.0))
    });
    let out = replace_scenario(text, &emit(&s));
    ScenarioFile::parse(&out).map_err(|e| e.message)?;
    Ok(out)
}

/// Replace the Scenario document of `text` with `doc` (keeping the comment lines
/// that open it), or append it after a `---`.
pub fn replace_scenario(text: &str, doc: &str) -> String {
    let base = text.as_ptr() as usize;
    for d in yaml::split_documents(text) {
        let is_scenario =
            yaml::type_meta(&d).is_ok_and(|tm| tm.kind.as_deref() == Some("Scenario"));
        if !is_scenario {
            continue;
        }
        let start = (d.text.as_ptr() as usize).saturating_sub(base);
        let end = start + d.text.len();
        let (Some(before), Some(old), Some(after)) =
            (text.get(..start), text.get(start..end), text.get(end..))
        else {
            break;
        };
        let lead: String = old
            .split_inclusive('\n')
            .take_while(|l| {
                let t = l.trim();
                t.is_empty() || t.starts_with('#')
            })
            .collect();
        return format!("{before}{lead}{doc}{after}");
    }
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("---\n");
    out.push_str(doc);
    out
}

// ---------------------------------------------------------------------------
// YAML out

fn quoted(s: &str) -> String {
    super::driver::json_str(s)
}

fn secs(s: Seconds) -> String {
    if s.0.fract() == 0.0 && s.0.abs() < 1e15 {
        format!("{}", s.0 as i64)
    } else {
        format!("{}", s.0)
    }
}

type Fields = Vec<(&'static str, String)>;

fn flow(f: &Fields) -> String {
    let inner: Vec<String> = f.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    format!("{{{}}}", inner.join(", "))
}

fn rule_fields(r: &PodRule) -> Fields {
    let mut f = Fields::new();
    let l = |x: &Option<OrdinalList>| x.as_ref().map(|v| quoted(&v.text));
    f.extend(l(&r.index).map(|v| ("index", v)));
    f.extend(l(&r.pod).map(|v| ("pod", v)));
    f.extend(l(&r.restart).map(|v| ("restart", v)));
    f.extend(l(&r.job).map(|v| ("job", v)));
    f.extend(r.run_seconds.map(|v| ("runSeconds", secs(v))));
    f.extend(r.exit_code.map(|v| ("exitCode", v.to_string())));
    f.extend(r.reason.as_deref().map(|v| ("reason", quoted(v))));
    f.extend(r.container.as_deref().map(|v| ("container", quoted(v))));
    f.extend(r.stop_seconds.map(|v| ("stopSeconds", secs(v))));
    f.extend(r.evicted.map(|v| ("evicted", v.to_string())));
    f.extend(r.logs.as_deref().map(|v| ("logs", quoted(v))));
    f.extend(r.never_starts.map(|v| ("neverStarts", v.to_string())));
    f
}

fn selector_fields(s: &PodSelector) -> Fields {
    let mut f = Fields::new();
    f.extend(s.name.as_deref().map(|v| ("name", quoted(v))));
    f.extend(s.index.as_ref().map(|v| ("index", quoted(&v.text))));
    f.extend(s.pod.as_ref().map(|v| ("pod", quoted(&v.text))));
    f.extend(s.job.as_ref().map(|v| ("job", quoted(&v.text))));
    f.extend(s.all.map(|v| ("all", v.to_string())));
    f
}

fn action_fields(a: &Action) -> Fields {
    let mut f = Fields::new();
    f.extend(a.at.map(|v| ("at", secs(v))));
    f.extend(
        a.patch
            .as_ref()
            .map(|v| ("patch", crate::api::number::json_text(v))),
    );
    f.extend(a.suspend.map(|v| ("suspend", v.to_string())));
    f.extend(
        a.delete_pod
            .as_ref()
            .map(|v| ("deletePod", flow(&selector_fields(v)))),
    );
    f.extend(
        a.evict_pod
            .as_ref()
            .map(|v| ("evictPod", flow(&selector_fields(v)))),
    );
    if let Some(c) = &a.add_pod_condition {
        let mut g = selector_fields(&c.selector());
        g.push(("type", quoted(&c.type_)));
        g.extend(c.status.as_deref().map(|v| ("status", quoted(v))));
        g.extend(c.reason.as_deref().map(|v| ("reason", quoted(v))));
        g.extend(c.message.as_deref().map(|v| ("message", quoted(v))));
        f.push(("addPodCondition", flow(&g)));
    }
    if let Some(d) = &a.delete_job {
        let g: Fields = d
            .propagation_policy
            .as_deref()
            .map(|v| ("propagationPolicy", quoted(v)))
            .into_iter()
            .collect();
        f.push(("deleteJob", flow(&g)));
    }
    f
}

fn queue_fields(q: &WorkQueue) -> Fields {
    let mut f: Fields = vec![("items", q.items.to_string())];
    f.extend(q.seconds_per_item.map(|v| ("secondsPerItem", secs(v))));
    f
}

fn block_list(out: &mut Vec<String>, key: &str, items: &[Fields]) {
    if items.is_empty() {
        return;
    }
    out.push(format!("  {key}:"));
    for item in items {
        for (i, (k, v)) in item.iter().enumerate() {
            let lead = if i == 0 { "  - " } else { "    " };
            out.push(format!("{lead}{k}: {v}"));
        }
        if item.is_empty() {
            out.push("  - {}".into());
        }
    }
}

/// A walk-through check as a YAML flow mapping (JSON values are YAML).
fn expect_flow(e: &crate::scenario::walkthrough::Expect) -> String {
    let mut parts = Vec::new();
    parts.extend(e.path.as_deref().map(|v| format!("path: {}", quoted(v))));
    parts.extend(
        e.outcome
            .as_deref()
            .map(|v| format!("outcome: {}", quoted(v))),
    );
    parts.extend(e.equals.as_ref().map(|v| format!("equals: {v}")));
    parts.extend(e.not_equals.as_ref().map(|v| format!("notEquals: {v}")));
    parts.extend(e.at_least.map(|v| format!("atLeast: {}", secs(Seconds(v)))));
    parts.extend(e.at_most.map(|v| format!("atMost: {}", secs(Seconds(v)))));
    parts.extend(e.exists.map(|v| format!("exists: {v}")));
    format!("{{{}}}", parts.join(", "))
}

/// The Scenario document as YAML (ends with a newline).
pub fn emit(s: &Scenario) -> String {
    let mut o = vec![
        format!("apiVersion: {}", crate::scenario::API_VERSION),
        "kind: Scenario".to_string(),
        "metadata:".into(),
    ];
    let m = &s.metadata;
    o.push(format!("  name: {}", quoted(m.name())));
    for (key, map) in [("labels", &m.labels), ("annotations", &m.annotations)] {
        if let Some(map) = map.as_ref().filter(|x| !x.is_empty()) {
            o.push(format!("  {key}:"));
            for (k, v) in map {
                o.push(format!("    {}: {}", super::driver::yaml_str(k), quoted(v)));
            }
        }
    }
    let sp = &s.spec;
    let mut body = Vec::new();
    body.extend(sp.seed.map(|v| format!("  seed: {v}")));
    body.extend(
        sp.start_seconds
            .map(|v| format!("  startSeconds: {}", secs(v))),
    );
    body.extend(
        sp.stop_after_seconds
            .map(|v| format!("  stopAfterSeconds: {}", secs(v))),
    );
    body.extend(
        sp.start_time
            .as_deref()
            .map(|v| format!("  startTime: {}", quoted(v))),
    );
    block_list(
        &mut body,
        "pods",
        &sp.pods.iter().map(rule_fields).collect::<Vec<_>>(),
    );
    block_list(
        &mut body,
        "actions",
        &sp.actions.iter().map(action_fields).collect::<Vec<_>>(),
    );
    if let Some(q) = &sp.queue {
        body.push("  queue:".into());
        body.extend(
            queue_fields(q)
                .into_iter()
                .map(|(k, v)| format!("    {k}: {v}")),
        );
    }
    let steps: Vec<Fields> = sp
        .walkthrough
        .iter()
        .map(|w| {
            let mut f: Fields = vec![("text", quoted(&w.text))];
            f.extend(w.text_ko.as_deref().map(|v| ("textKo", quoted(v))));
            f.extend(w.at.map(|v| ("at", secs(v))));
            if !w.expect.is_empty() {
                let checks: Vec<String> = w.expect.iter().map(expect_flow).collect();
                f.push(("expect", format!("[{}]", checks.join(", "))));
            }
            f.extend(w.hint.as_deref().map(|v| ("hint", quoted(v))));
            f.extend(w.hint_ko.as_deref().map(|v| ("hintKo", quoted(v))));
            f
        })
        .collect();
    block_list(&mut body, "walkthrough", &steps);
    if body.is_empty() {
        o.push("spec: {}".into());
    } else {
        o.push("spec:".into());
        o.extend(body);
    }
    o.push(String::new());
    o.join("\n")
}
