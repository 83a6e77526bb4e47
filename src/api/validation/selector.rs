//! Label selectors as the API server validates and evaluates them
//! (`ValidateLabelSelector`, `LabelSelectorAsSelector`), and `ValidateHasLabel`.

use super::names::{
    is_qualified_name, is_valid_label_value, validate_labels, validate_qualified_name,
};
use super::{render, ErrorList};
use crate::api::field::{BadValue, FieldError};
use crate::api::meta::LabelSelector;
use std::collections::BTreeMap;

/// `ValidateLabelSelector` (without `AllowInvalidLabelValueInSelector`).
pub fn validate_label_selector(path: &str, sel: Option<&LabelSelector>) -> ErrorList {
    let mut errs = Vec::new();
    let Some(sel) = sel else {
        return errs;
    };
    errs.extend(validate_labels(
        &format!("{path}.matchLabels"),
        sel.match_labels.as_ref(),
    ));
    for (i, r) in sel.match_expressions.iter().flatten().enumerate() {
        let p = format!("{path}.matchExpressions[{i}]");
        let values = r.values.as_deref().unwrap_or(&[]);
        match r.operator.as_str() {
            "In" | "NotIn" => {
                if values.is_empty() {
                    errs.push(FieldError::required(
                        format!("{p}.values"),
                        "must be specified when `operator` is 'In' or 'NotIn'",
                    ));
                }
            }
            "Exists" | "DoesNotExist" => {
                if !values.is_empty() {
                    errs.push(FieldError::forbidden(
                        format!("{p}.values"),
                        "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                    ));
                }
            }
            op => errs.push(FieldError::invalid(
                format!("{p}.operator"),
                BadValue::Str(op.to_string()),
                "not a valid selector operator",
            )),
        }
        errs.extend(validate_qualified_name(&format!("{p}.key"), &r.key));
        for (j, v) in values.iter().enumerate() {
            for m in is_valid_label_value(v) {
                errs.push(FieldError::invalid(
                    format!("{p}.values[{j}]"),
                    BadValue::Str(v.clone()),
                    m,
                ));
            }
        }
    }
    errs
}

/// `LabelSelectorAsSelector(sel).Matches(labels)`: `None` when the selector cannot be
/// converted (upstream then skips the match check); a missing selector matches nothing,
/// an empty one everything.
pub fn selector_matches(
    sel: Option<&LabelSelector>,
    labels: Option<&BTreeMap<String, String>>,
) -> Option<bool> {
    let Some(sel) = sel else {
        return Some(false);
    };
    let ml = sel.match_labels.as_ref();
    let me = sel.match_expressions.as_deref().unwrap_or(&[]);
    if ml.is_none_or(|m| m.is_empty()) && me.is_empty() {
        return Some(true);
    }
    let empty = BTreeMap::new();
    let labels = labels.unwrap_or(&empty);
    let mut ok = true;
    for (k, v) in ml.into_iter().flatten() {
        if !is_qualified_name(k).is_empty() || !is_valid_label_value(v).is_empty() {
            return None;
        }
        ok &= labels.get(k) == Some(v);
    }
    for r in me {
        let values = r.values.as_deref().unwrap_or(&[]);
        if !is_qualified_name(&r.key).is_empty()
            || values.iter().any(|v| !is_valid_label_value(v).is_empty())
        {
            return None;
        }
        let got = labels.get(&r.key);
        ok &= match r.operator.as_str() {
            "In" if !values.is_empty() => got.is_some_and(|g| values.contains(g)),
            "NotIn" if !values.is_empty() => got.is_none_or(|g| !values.contains(g)),
            "Exists" if values.is_empty() => got.is_some(),
            "DoesNotExist" if values.is_empty() => got.is_none(),
            _ => return None,
        };
    }
    Some(ok)
}

/// `ValidateHasLabel(meta, "spec.template.metadata", key, expected)`.
pub fn validate_has_label(
    path: &str,
    labels: Option<&BTreeMap<String, String>>,
    key: &str,
    expected: &str,
) -> ErrorList {
    let p = format!("{path}.labels[{key}]");
    match labels.and_then(|l| l.get(key)) {
        None => vec![FieldError::required(p, format!("must be '{expected}'"))],
        Some(v) if v != expected => vec![FieldError::invalid(
            p,
            BadValue::Raw(render::string_map(labels)),
            format!("must be '{expected}'"),
        )],
        Some(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::meta::LabelSelectorRequirement;

    fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn matching_follows_label_selector_as_selector() {
        assert_eq!(selector_matches(None, None), Some(false));
        let empty = LabelSelector::default();
        assert_eq!(selector_matches(Some(&empty), None), Some(true));
        let sel = LabelSelector {
            match_labels: Some(labels(&[("a", "b")])),
            match_expressions: Some(vec![LabelSelectorRequirement {
                key: "c".into(),
                operator: "NotIn".into(),
                values: Some(vec!["x".into()]),
            }]),
        };
        assert_eq!(
            selector_matches(Some(&sel), Some(&labels(&[("a", "b")]))),
            Some(true)
        );
        assert_eq!(
            selector_matches(Some(&sel), Some(&labels(&[("a", "b"), ("c", "x")]))),
            Some(false)
        );
        let bad = LabelSelector {
            match_labels: None,
            match_expressions: Some(vec![LabelSelectorRequirement {
                key: "c".into(),
                operator: "Bogus".into(),
                values: None,
            }]),
        };
        assert_eq!(selector_matches(Some(&bad), None), None);
        assert_eq!(
            validate_label_selector("spec.selector", Some(&bad))[0].to_string(),
            "spec.selector.matchExpressions[0].operator: Invalid value: \"Bogus\": not a valid selector operator"
        );
    }
}
