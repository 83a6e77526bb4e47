//! Update validation: `ValidateObjectMetaUpdate`, and the Job strategy's
//! `ValidateUpdate` = `ValidateJob(new)` followed by `ValidateJobUpdate(new, old)`:
//! the elastic Indexed `completions` rule, immutable selector, completion mode, pod
//! failure policy, backoff limit per index, managedBy and success policy, and the pod
//! template, mutable only in its scheduling directives while the Job is suspended and
//! has never started.

use super::job::{validate_job, validate_job_spec_with_selector, Options};
use super::names::{validate_annotations, validate_labels, validate_qualified_name};
use super::pod::defaulted_empty_spec;
use super::{render, ErrorList};
use crate::api::defaults::{CONTROLLER_UID_LABEL, JOB_NAME_LABEL};
use crate::api::field::{BadValue, FieldError};
use crate::api::job::Job;
use crate::api::meta::ObjectMeta;
use serde::Serialize;
use serde_json::Value;

const IMMUTABLE: &str = "field is immutable";

/// A value with nulls, empty lists and empty maps removed: `apiequality.Semantic.DeepEqual`
/// treats nil and empty slices and maps as equal.
fn normalized<T: Serialize>(v: &T) -> Value {
    fn norm(v: Value) -> Option<Value> {
        match v {
            Value::Null => None,
            Value::Array(a) => {
                let a: Vec<Value> = a
                    .into_iter()
                    .map(|x| norm(x).unwrap_or(Value::Null))
                    .collect();
                (!a.is_empty()).then_some(Value::Array(a))
            }
            Value::Object(m) => {
                let m: serde_json::Map<String, Value> = crate::sort::collect_map(
                    m.into_iter().filter_map(|(k, x)| norm(x).map(|x| (k, x))),
                );
                (!m.is_empty()).then_some(Value::Object(m))
            }
            other => Some(other),
        }
    }
    norm(serde_json::to_value(v).unwrap_or(Value::Null)).unwrap_or(Value::Null)
}

fn semantic_eq<T: Serialize>(a: &T, b: &T) -> bool {
    normalized(a) == normalized(b)
}

/// `ValidateObjectMetaUpdate` (the resourceVersion and generation rules are left out: the
/// playground does not track resource versions, and generations only grow).
pub fn validate_object_meta_update(new: &ObjectMeta, old: &ObjectMeta) -> ErrorList {
    let mut errs = Vec::new();
    if old.deletion_timestamp.is_some() {
        let old_f = old.finalizers.as_deref().unwrap_or(&[]);
        let mut extra: Vec<&String> = new
            .finalizers
            .iter()
            .flatten()
            .filter(|f| !old_f.contains(f))
            .collect();
        crate::sort::sort(&mut extra);
        extra.dedup();
        if !extra.is_empty() {
            let list = extra
                .iter()
                .map(|s| crate::api::field::go_quote(s))
                .collect::<Vec<_>>()
                .join(", ");
            errs.push(FieldError::forbidden(
                "metadata.finalizers",
                format!("no new finalizers can be added if the object is being deleted, found new finalizers []string{{{list}}}"),
            ));
        }
    }
    for (path, n, o) in [
        ("metadata.name", new.name(), old.name()),
        ("metadata.namespace", new.namespace(), old.namespace()),
        (
            "metadata.uid",
            new.uid.as_deref().unwrap_or(""),
            old.uid.as_deref().unwrap_or(""),
        ),
    ] {
        if n != o {
            errs.push(FieldError::invalid(
                path,
                BadValue::Str(n.to_string()),
                IMMUTABLE,
            ));
        }
    }
    errs.extend(validate_labels("metadata.labels", new.labels.as_ref()));
    errs.extend(validate_annotations(
        "metadata.annotations",
        new.annotations.as_ref(),
    ));
    for (i, f) in new.finalizers.iter().flatten().enumerate() {
        let p = format!("metadata.finalizers[{i}]");
        errs.extend(validate_qualified_name(&p, f));
        if !f.contains('/') && !["kubernetes", "orphan", "foregroundDeletion"].contains(&f.as_str())
        {
            errs.push(FieldError::invalid(
                p,
                BadValue::Str(f.clone()),
                "name is neither a standard finalizer name nor is it fully qualified",
            ));
        }
    }
    errs
}

fn opt_int(v: Option<i32>) -> BadValue {
    match v {
        Some(v) => BadValue::Int(v.into()),
        None => BadValue::Raw("null".into()),
    }
}

fn opt_json_str(v: Option<&str>) -> BadValue {
    BadValue::Raw(v.map_or_else(|| "null".into(), render::json_string))
}

/// The Job strategy's `ValidateUpdate`.
pub fn validate_job_update(old: &Job, new: &Job) -> ErrorList {
    let old_labels = old
        .spec
        .template
        .as_ref()
        .and_then(|t| t.metadata.as_ref())
        .and_then(|m| m.labels.as_ref());
    let opts = Options {
        require_prefixed_labels: old_labels.is_some_and(|l| {
            l.contains_key(JOB_NAME_LABEL) && l.contains_key(CONTROLLER_UID_LABEL)
        }),
    };
    let mut errs = validate_job(new, opts);
    errs.extend(validate_object_meta_update(&new.metadata, &old.metadata));
    let (s, o) = (&new.spec, &old.spec);
    errs.extend(validate_job_spec_with_selector("spec", s));
    // validateCompletions (ElasticIndexedJob is GA).
    if s.completions != o.completions {
        if !s.is_indexed() {
            errs.push(FieldError::invalid(
                "spec.completions",
                opt_int(s.completions),
                IMMUTABLE,
            ));
        } else if let Some(c) = s.completions {
            if Some(c) != s.parallelism {
                errs.push(FieldError::invalid(
                    "spec.completions",
                    BadValue::Int(c.into()),
                    "can only be modified in tandem with spec.parallelism",
                ));
            }
        }
    }
    if !semantic_eq(&s.selector, &o.selector) {
        errs.push(FieldError::invalid(
            "spec.selector",
            BadValue::Raw(render::label_selector(s.selector.as_ref())),
            IMMUTABLE,
        ));
    }
    errs.extend(validate_template_update(old, new));
    if s.completion_mode != o.completion_mode {
        errs.push(FieldError::invalid(
            "spec.completionMode",
            opt_json_str(s.completion_mode.as_ref().map(|m| m.as_str())),
            IMMUTABLE,
        ));
    }
    if !semantic_eq(&s.pod_failure_policy, &o.pod_failure_policy) {
        errs.push(FieldError::invalid(
            "spec.podFailurePolicy",
            BadValue::Raw(render::pod_failure_policy(s.pod_failure_policy.as_ref())),
            IMMUTABLE,
        ));
    }
    if s.backoff_limit_per_index != o.backoff_limit_per_index {
        errs.push(FieldError::invalid(
            "spec.backoffLimitPerIndex",
            opt_int(s.backoff_limit_per_index),
            IMMUTABLE,
        ));
    }
    if s.managed_by != o.managed_by {
        errs.push(FieldError::invalid(
            "spec.managedBy",
            opt_json_str(s.managed_by.as_deref()),
            IMMUTABLE,
        ));
    }
    if !semantic_eq(&s.success_policy, &o.success_policy) {
        let v = s
            .success_policy
            .as_ref()
            .map_or_else(|| "null".into(), render::success_policy);
        errs.push(FieldError::invalid(
            "spec.successPolicy",
            BadValue::Raw(v),
            IMMUTABLE,
        ));
    }
    errs
}

/// `validatePodTemplateUpdate`.
fn validate_template_update(old: &Job, new: &Job) -> ErrorList {
    let mut old_t = serde_json::to_value(&old.spec.template).unwrap_or(Value::Null);
    let new_t = serde_json::to_value(&new.spec.template).unwrap_or(Value::Null);
    let mutable_directives = old.spec.is_suspended() && old.status.start_time.is_none();
    if mutable_directives {
        allow_scheduling_directives(&mut old_t, &new_t);
    }
    if normalized(&old_t) == normalized(&new_t) {
        return Vec::new();
    }
    let empty = defaulted_empty_spec();
    let rendered = render::pod_template(
        new.spec.template.as_ref().unwrap_or(&Default::default()),
        &empty,
    );
    vec![FieldError::invalid(
        "spec.template",
        BadValue::Raw(rendered),
        IMMUTABLE,
    )]
}

/// Copy the fields a suspended, never-started Job may change from the new template into
/// the old one, so that only other changes are compared.
fn allow_scheduling_directives(old: &mut Value, new: &Value) {
    let get = |v: &Value, a: &str, b: &str| v.get(a).and_then(|x| x.get(b)).cloned();
    if !old.is_object() {
        *old = Value::Object(Default::default());
    }
    let Some(old_obj) = old.as_object_mut() else {
        return;
    };
    let spec = old_obj
        .entry("spec")
        .or_insert_with(|| Value::Object(Default::default()));
    if let Some(spec) = spec.as_object_mut() {
        let new_aff = new
            .get("spec")
            .and_then(|s| s.get("affinity"))
            .filter(|v| !v.is_null());
        let old_aff = spec.get("affinity").filter(|v| !v.is_null()).cloned();
        match (new_aff, old_aff) {
            (None, Some(mut o)) => {
                if let Some(m) = o.as_object_mut() {
                    m.remove("nodeAffinity");
                    let empty = ["podAffinity", "podAntiAffinity"]
                        .iter()
                        .all(|k| m.get(*k).is_none_or(|v| v.is_null()));
                    if empty {
                        spec.remove("affinity");
                    } else {
                        spec.insert("affinity".into(), o);
                    }
                }
            }
            (Some(n), None) => {
                let mut m = serde_json::Map::new();
                if let Some(na) = n.get("nodeAffinity") {
                    m.insert("nodeAffinity".into(), na.clone());
                }
                spec.insert("affinity".into(), Value::Object(m));
            }
            (Some(n), Some(mut o)) => {
                if let Some(m) = o.as_object_mut() {
                    match n.get("nodeAffinity") {
                        Some(na) => m.insert("nodeAffinity".into(), na.clone()),
                        None => m.remove("nodeAffinity"),
                    };
                }
                spec.insert("affinity".into(), o);
            }
            (None, None) => {}
        }
        for key in ["nodeSelector", "tolerations", "schedulingGates"] {
            match get(new, "spec", key) {
                Some(v) => spec.insert(key.into(), v),
                None => spec.remove(key),
            };
        }
    }
    let meta = old_obj
        .entry("metadata")
        .or_insert_with(|| Value::Object(Default::default()));
    if let Some(meta) = meta.as_object_mut() {
        for key in ["annotations", "labels"] {
            match get(new, "metadata", key) {
                Some(v) => meta.insert(key.into(), v),
                None => meta.remove(key),
            };
        }
    }
}
