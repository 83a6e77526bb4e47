//! Helpers shared by the kubectl views: API timestamps (whole seconds), ages in
//! kubectl's human format, wall-clock times, label selectors as kubectl prints them.

use super::duration::human;
use crate::api::{LabelSelector, ObjectMeta, Time};
use crate::cluster::Cluster;

/// `translateTimestampSince`: the age of an API timestamp at `now`. Timestamps are
/// stored in whole seconds; kubectl's clock is the simulation's.
pub fn age(now: Time, t: Time) -> String {
    let secs = (now.0 / 1000).saturating_sub(t.0 / 1000);
    human(secs * 1000)
}

/// `HumanDuration(b - a)` of two API timestamps.
pub fn between(a: Time, b: Time) -> String {
    human((b.0 / 1000).saturating_sub(a.0 / 1000) * 1000)
}

/// Go's `time.RFC1123Z` of a virtual time on the cluster's wall clock (UTC).
pub fn rfc1123z(c: &Cluster, t: Time) -> String {
    crate::cluster::wallclock::format_rfc1123z(c.epoch_unix + (t.0 / 1000) as i64, 0)
}

/// `metav1.LabelSelectorAsSelector(sel).String()`: requirements sorted by key.
pub fn selector_string(sel: &LabelSelector) -> String {
    let mut reqs: Vec<(String, String)> = Vec::new();
    for (k, v) in sel.match_labels.iter().flatten() {
        reqs.push((k.clone(), format!("{k}={v}")));
    }
    for r in sel.match_expressions.iter().flatten() {
        let mut values: Vec<String> = r.values.clone().unwrap_or_default();
        crate::sort::sort(&mut values);
        values.dedup();
        let vals = values.join(",");
        let text = match r.operator.as_str() {
            "In" => format!("{} in ({vals})", r.key),
            "NotIn" => format!("{} notin ({vals})", r.key),
            "Exists" => r.key.clone(),
            "DoesNotExist" => format!("!{}", r.key),
            op => format!("{} {op} ({vals})", r.key),
        };
        reqs.push((r.key.clone(), text));
    }
    crate::sort::sort_by(&mut reqs, |a, b| a.0.cmp(&b.0));
    reqs.into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join(",")
}

/// `printController`: `Kind/name` of the controlling owner, if any.
pub fn controller_of(meta: &ObjectMeta) -> Option<String> {
    meta.owner_references
        .iter()
        .flatten()
        .find(|o| o.controller == Some(true))
        .map(|o| format!("{}/{}", o.kind, o.name))
}

/// A JSON scalar as Go's `%v` prints it (strings bare).
pub fn scalar(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => crate::api::number::json_text(other),
    }
}

pub use crate::api::field::go_quote;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::meta::LabelSelectorRequirement;

    #[test]
    fn ages_use_whole_second_timestamps() {
        assert_eq!(age(Time(21_300), Time(500)), "21s");
        assert_eq!(age(Time(21_999), Time(1_000)), "20s");
        assert_eq!(age(Time(125_000), Time(0)), "2m5s");
        assert_eq!(between(Time(1_900), Time(12_100)), "11s");
    }

    #[test]
    fn selectors_print_sorted() {
        let sel = LabelSelector {
            match_labels: Some([("b".to_string(), "1".to_string())].into()),
            match_expressions: Some(vec![
                LabelSelectorRequirement {
                    key: "a".into(),
                    operator: "In".into(),
                    values: Some(vec!["y".into(), "x".into()]),
                },
                LabelSelectorRequirement {
                    key: "c".into(),
                    operator: "DoesNotExist".into(),
                    values: None,
                },
            ]),
        };
        assert_eq!(selector_string(&sel), "a in (x,y),b=1,!c");
    }
}
