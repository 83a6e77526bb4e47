//! JSON merge patches (RFC 7386) on a workload, as `kubectl patch --type merge`
//! sends them: the patched object is decoded strictly and defaulted again, and
//! the fields the server owns (uid, timestamps, status) are kept from the old one.

use super::decode::FromNode;
use super::defaults;
use crate::scenario::Workload;
use serde_json::Value;

/// Apply a merge patch to a JSON value (RFC 7386).
pub fn merge(target: &mut Value, patch: &Value) {
    match patch {
        Value::Object(p) => {
            if !target.is_object() {
                *target = Value::Object(Default::default());
            }
            if let Value::Object(t) = target {
                for (k, v) in p {
                    if v.is_null() {
                        t.remove(k);
                    } else {
                        merge(t.entry(k.clone()).or_insert(Value::Null), v);
                    }
                }
            }
        }
        other => *target = other.clone(),
    }
}

/// Decode a value strictly: unknown fields and wrong types are errors naming the field.
pub fn decode_value<T: FromNode>(v: Value, kind: &str) -> Result<T, String> {
    let prefix = format!("{kind} in version \"v1\" cannot be handled as a {kind}");
    let tree = super::decode::from_json(&v);
    match super::decode::decode::<T>(&tree) {
        Ok((t, unknown)) if unknown.is_empty() => Ok(t),
        Ok((_, unknown)) => Err(format!(
            "{prefix}: strict decoding error: {}",
            unknown
                .iter()
                .map(|p| format!("unknown field {p:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        Err(e) => Err(format!(
            "{prefix}: {}: {}",
            e.path.unwrap_or_default(),
            e.message
        )),
    }
}

/// Apply a merge patch to a workload; the result still needs update validation.
pub fn apply_to_workload(w: &Workload, patch: &Value) -> Result<Workload, String> {
    if !patch.is_object() {
        return Err("a merge patch must be a map, such as {spec: {parallelism: 3}}".into());
    }
    let name_change = patch.pointer("/metadata/name").and_then(|v| v.as_str());
    if let Some(n) = name_change {
        if n != w.name() {
            return Err(format!(
                "the name of the object ({n}) does not match the name on the URL ({})",
                w.name()
            ));
        }
    }
    match w {
        Workload::Job(old) => {
            let mut v = serde_json::to_value(old.as_ref()).map_err(|e| e.to_string())?;
            merge(&mut v, patch);
            let mut new: super::Job = decode_value(v, "Job")?;
            defaults::default_job_spec(&mut new.spec);
            keep_server_fields(&old.metadata, &mut new.metadata);
            new.status = old.status.clone();
            Ok(Workload::Job(Box::new(new)))
        }
        Workload::CronJob(old) => {
            let mut v = serde_json::to_value(old.as_ref()).map_err(|e| e.to_string())?;
            merge(&mut v, patch);
            let mut new: super::CronJob = decode_value(v, "CronJob")?;
            let uid = old.metadata.uid.clone().unwrap_or_default();
            defaults::prepare_cronjob_for_create(&mut new, &uid);
            keep_server_fields(&old.metadata, &mut new.metadata);
            new.status = old.status.clone();
            Ok(Workload::CronJob(Box::new(new)))
        }
    }
}

fn keep_server_fields(old: &super::ObjectMeta, new: &mut super::ObjectMeta) {
    new.uid = old.uid.clone();
    new.creation_timestamp = old.creation_timestamp;
    new.deletion_timestamp = old.deletion_timestamp;
    new.owner_references = old.owner_references.clone();
    new.generation = old.generation.map(|g| g + 1);
    if new.namespace.is_none() {
        new.namespace = old.namespace.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merge_patch_rfc7386() {
        let mut t = json!({"a": "b", "c": {"d": "e", "f": "g"}});
        merge(&mut t, &json!({"a": "z", "c": {"f": null}}));
        assert_eq!(t, json!({"a": "z", "c": {"d": "e"}}));
        let mut t = json!({"a": [1, 2]});
        merge(&mut t, &json!({"a": [3]}));
        assert_eq!(t, json!({"a": [3]}));
    }
}
