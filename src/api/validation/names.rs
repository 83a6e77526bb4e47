//! Format checks of apimachinery `pkg/util/validation` and `pkg/api/validate/content`
//! (DNS labels and subdomains, qualified names, label values, environment variable
//! names, domain-prefixed paths) with their exact messages, and the metadata checks
//! built on them (`ValidateObjectMeta`, labels, annotations, finalizers).

use super::ErrorList;
use crate::api::field::{BadValue, FieldError};
use crate::api::meta::ObjectMeta;
use std::collections::BTreeMap;

const DNS1123_LABEL_FMT: &str = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_LABEL_ERR: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT: &str =
    "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
const DNS1123_SUBDOMAIN_ERR: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const LABEL_KEY_FMT: &str = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_KEY_ERR: &str = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT: &str = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
const LABEL_VALUE_ERR: &str = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const HTTP_PATH_FMT: &str = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const RELAXED_ENV_ERR: &str =
    "a valid environment variable name must consist only of printable ASCII characters other than '='";

/// Longest DNS-1123 label (and label value, and label key name part).
pub const DNS1123_LABEL_MAX: usize = 63;
/// Longest DNS-1123 subdomain.
pub const DNS1123_SUBDOMAIN_MAX: usize = 253;
/// Largest total size of an object's annotations.
pub const TOTAL_ANNOTATION_SIZE_LIMIT: usize = 256 * 1024;

/// `MaxLenError`.
pub fn max_len_error(n: usize) -> String {
    format!("must be no more than {n} characters")
}

/// `RegexError`.
pub fn regex_error(msg: &str, fmt: &str, examples: &[&str]) -> String {
    if examples.is_empty() {
        return format!("{msg} (regex used for validation is '{fmt}')");
    }
    let ex = examples
        .iter()
        .map(|e| format!("'{e}', "))
        .collect::<Vec<_>>()
        .join(" or ");
    format!("{msg} (e.g. {ex}regex used for validation is '{fmt}')")
}

fn is_lower_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

fn matches_dns_label(s: &str) -> bool {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => {
            is_lower_alnum(f)
                && is_lower_alnum(l)
                && b.iter().all(|&c| is_lower_alnum(c) || c == b'-')
        }
        _ => false,
    }
}

fn matches_dns_subdomain(s: &str) -> bool {
    !s.is_empty() && s.split('.').all(matches_dns_label)
}

/// `IsDNS1123Label`.
pub fn is_dns1123_label(s: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if s.len() > DNS1123_LABEL_MAX {
        errs.push(max_len_error(DNS1123_LABEL_MAX));
    }
    if !matches_dns_label(s) {
        if matches_dns_subdomain(s) {
            errs.push("must not contain dots".to_string());
        } else {
            errs.push(regex_error(
                DNS1123_LABEL_ERR,
                DNS1123_LABEL_FMT,
                &["my-name", "123-abc"],
            ));
        }
    }
    errs
}

/// `IsDNS1123Subdomain`.
pub fn is_dns1123_subdomain(s: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if s.len() > DNS1123_SUBDOMAIN_MAX {
        errs.push(max_len_error(DNS1123_SUBDOMAIN_MAX));
    }
    if !matches_dns_subdomain(s) {
        errs.push(regex_error(
            DNS1123_SUBDOMAIN_ERR,
            DNS1123_SUBDOMAIN_FMT,
            &["example.com"],
        ));
    }
    errs
}

/// `maskTrailingDash`: a generated name may end with `-` before its suffix.
fn mask_trailing_dash(name: &str) -> String {
    if name.len() > 1 && name.ends_with('-') {
        format!("{}a", &name[..name.len() - 1])
    } else {
        name.to_string()
    }
}

/// `NameIsDNSSubdomain` (`ValidateReplicationControllerName`, used for Jobs and CronJobs).
pub fn name_is_dns_subdomain(name: &str, prefix: bool) -> Vec<String> {
    if prefix {
        is_dns1123_subdomain(&mask_trailing_dash(name))
    } else {
        is_dns1123_subdomain(name)
    }
}

/// `NameIsDNSLabel` (`ValidateNamespaceName`).
pub fn name_is_dns_label(name: &str, prefix: bool) -> Vec<String> {
    if prefix {
        is_dns1123_label(&mask_trailing_dash(name))
    } else {
        is_dns1123_label(name)
    }
}

fn is_label_key_name(s: &str) -> bool {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => {
            f.is_ascii_alphanumeric()
                && l.is_ascii_alphanumeric()
                && b.iter()
                    .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
        }
        _ => false,
    }
}

/// `IsQualifiedName` / `content.IsLabelKey`: an optional DNS subdomain prefix and `/`, then a name.
pub fn is_qualified_name(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    let name = match value.split_once('/') {
        None => value,
        Some((_, suffix)) if suffix.contains('/') => {
            return vec![format!(
                "a valid label key {} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
                regex_error(LABEL_KEY_ERR, LABEL_KEY_FMT, &["MyName", "my.name", "123-abc"])
            )];
        }
        Some((prefix, suffix)) => {
            if prefix.is_empty() {
                errs.push("prefix part must be non-empty".to_string());
            } else {
                for m in is_dns1123_subdomain(prefix) {
                    errs.push(format!("prefix part {m}"));
                }
            }
            suffix
        }
    };
    if name.is_empty() {
        errs.push("name part must be non-empty".to_string());
    } else if name.len() > DNS1123_LABEL_MAX {
        errs.push(format!("name part {}", max_len_error(DNS1123_LABEL_MAX)));
    }
    if !is_label_key_name(name) {
        errs.push(format!(
            "name part {}",
            regex_error(
                LABEL_KEY_ERR,
                LABEL_KEY_FMT,
                &["MyName", "my.name", "123-abc"]
            )
        ));
    }
    errs
}

/// `IsValidLabelValue`.
pub fn is_valid_label_value(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > DNS1123_LABEL_MAX {
        errs.push(max_len_error(DNS1123_LABEL_MAX));
    }
    if !value.is_empty() && !is_label_key_name(value) {
        errs.push(regex_error(
            LABEL_VALUE_ERR,
            LABEL_VALUE_FMT,
            &["MyValue", "my_value", "12345"],
        ));
    }
    errs
}

/// `IsRelaxedEnvVarName` (RelaxedEnvironmentVariableValidation, GA in 1.34).
pub fn is_relaxed_env_var_name(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.is_empty() {
        errs.push("environment variable name must be non-empty".to_string());
    }
    if value.chars().any(|c| !(' '..='~').contains(&c) || c == '=') {
        errs.push(RELAXED_ENV_ERR.to_string());
    }
    errs
}

/// `IsDomainPrefixedPath` (used for `spec.managedBy`).
pub fn is_domain_prefixed_path(path: &str, value: &str) -> ErrorList {
    if value.is_empty() {
        return vec![FieldError::required(path, "")];
    }
    let (host, rest) = match value.split_once('/') {
        Some((h, r)) if !h.is_empty() && !r.is_empty() => (h, r),
        _ => {
            return vec![FieldError::invalid(
                path,
                BadValue::Str(value.to_string()),
                "must be a domain-prefixed path (such as \"acme.io/foo\")",
            )]
        }
    };
    let mut errs: ErrorList = is_dns1123_subdomain(host)
        .into_iter()
        .map(|m| FieldError::invalid(path, BadValue::Str(host.to_string()), m))
        .collect();
    let path_ok = rest.bytes().all(|c| {
        c.is_ascii_alphanumeric()
            || matches!(
                c,
                b'/' | b'-'
                    | b'.'
                    | b'_'
                    | b'~'
                    | b'%'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b':'
            )
    });
    if !path_ok {
        errs.push(FieldError::invalid(
            path,
            BadValue::Str(rest.to_string()),
            regex_error("Invalid path", HTTP_PATH_FMT, &[]),
        ));
    }
    errs
}

/// `ValidateDNS1123Label`: one Invalid error per message.
pub fn validate_dns1123_label(path: &str, value: &str) -> ErrorList {
    is_dns1123_label(value)
        .into_iter()
        .map(|m| FieldError::invalid(path, BadValue::Str(value.to_string()), m))
        .collect()
}

/// `ValidateDNS1123Subdomain`-style check with a name function.
pub fn validate_with(path: &str, value: &str, msgs: Vec<String>) -> ErrorList {
    msgs.into_iter()
        .map(|m| FieldError::invalid(path, BadValue::Str(value.to_string()), m))
        .collect()
}

/// `ValidateQualifiedName` / `ValidateLabelName`.
pub fn validate_qualified_name(path: &str, value: &str) -> ErrorList {
    validate_with(path, value, is_qualified_name(value))
}

/// `ValidateLabels`: keys are qualified names, values label values. Upstream walks a Go map
/// (random order); here keys are walked in sorted order.
pub fn validate_labels(path: &str, labels: Option<&BTreeMap<String, String>>) -> ErrorList {
    let mut errs = Vec::new();
    for (k, v) in labels.into_iter().flatten() {
        errs.extend(validate_qualified_name(path, k));
        for m in is_valid_label_value(v) {
            errs.push(FieldError::invalid(path, BadValue::Str(v.clone()), m));
        }
    }
    errs
}

/// `ValidateAnnotations`: keys are qualified names (case-insensitive), total size at most 256 KiB.
pub fn validate_annotations(path: &str, ann: Option<&BTreeMap<String, String>>) -> ErrorList {
    let mut errs = Vec::new();
    let Some(ann) = ann else {
        return errs;
    };
    for k in ann.keys() {
        for m in is_qualified_name(&k.to_lowercase()) {
            errs.push(FieldError::invalid(path, BadValue::Str(k.clone()), m));
        }
    }
    let total: usize = ann.iter().map(|(k, v)| k.len() + v.len()).sum();
    if total > TOTAL_ANNOTATION_SIZE_LIMIT {
        errs.push(FieldError::too_long(path, TOTAL_ANNOTATION_SIZE_LIMIT));
    }
    errs
}

const STANDARD_FINALIZERS: &[&str] = &["kubernetes", "orphan", "foregroundDeletion"];

/// `ValidateFinalizers` (apimachinery) for the list.
fn validate_finalizers(path: &str, finalizers: &[String]) -> ErrorList {
    let mut errs = Vec::new();
    for f in finalizers {
        errs.extend(validate_qualified_name(path, f));
    }
    let orphan = finalizers.iter().any(|f| f == "orphan");
    let foreground = finalizers.iter().any(|f| f == "foregroundDeletion");
    if orphan && foreground {
        errs.push(FieldError::invalid(
            path,
            BadValue::Raw(super::render::json_string_list(finalizers)),
            "finalizer orphan and foregroundDeletion cannot be both set",
        ));
    }
    errs
}

/// core `validateKubeFinalizerName` for each finalizer.
fn validate_kube_finalizers(path: &str, finalizers: &[String]) -> ErrorList {
    let mut errs = Vec::new();
    for (i, f) in finalizers.iter().enumerate() {
        let p = format!("{path}[{i}]");
        errs.extend(validate_qualified_name(&p, f));
        if !f.contains('/') && !STANDARD_FINALIZERS.contains(&f.as_str()) {
            errs.push(FieldError::invalid(
                p,
                BadValue::Str(f.clone()),
                "name is neither a standard finalizer name nor is it fully qualified",
            ));
        }
    }
    errs
}

/// The labels to validate as `metadata.labels`: the API server copies the template's labels
/// into an empty `metadata.labels` *before* generating the selector labels, while our
/// defaulting copies them after; the generated ones are left out here so that they are
/// reported once, under `spec.template.labels`, as upstream does.
pub fn own_labels(
    meta: &ObjectMeta,
    template_labels: Option<&BTreeMap<String, String>>,
    generated: &[(&str, &str)],
) -> Option<BTreeMap<String, String>> {
    let labels = meta.labels.as_ref()?;
    if Some(labels) != template_labels {
        return Some(labels.clone());
    }
    Some(crate::sort::collect_map(
        labels
            .iter()
            .filter(|(k, v)| !generated.iter().any(|(gk, gv)| gk == k && gv == v))
            .map(|(k, v)| (k.clone(), v.clone())),
    ))
}

/// `ValidateObjectMeta(meta, requiresNamespace=true, NameIsDNSSubdomain, "metadata")` plus
/// core's finalizer-name check. `labels` is what [`own_labels`] returned.
pub fn validate_object_meta(
    meta: &ObjectMeta,
    labels: Option<&BTreeMap<String, String>>,
) -> ErrorList {
    let mut errs = Vec::new();
    let generate_name = meta.generate_name.as_deref().unwrap_or("");
    if !generate_name.is_empty() {
        errs.extend(validate_with(
            "metadata.generateName",
            generate_name,
            name_is_dns_subdomain(generate_name, true),
        ));
    }
    match meta.name.as_deref().unwrap_or("") {
        "" if !generate_name.is_empty() => errs.push(FieldError::required(
            "metadata.name",
            format!(
                "the playground does not generate names: set metadata.name (generateName {} is not simulated)",
                crate::api::field::go_quote(generate_name)
            ),
        )),
        "" => errs.push(FieldError::required(
            "metadata.name",
            "name or generateName is required",
        )),
        name => errs.extend(validate_with(
            "metadata.name",
            name,
            name_is_dns_subdomain(name, false),
        )),
    }
    match meta.namespace.as_deref() {
        Some("") => errs.push(FieldError::required("metadata.namespace", "")),
        Some(ns) => errs.extend(validate_with(
            "metadata.namespace",
            ns,
            name_is_dns_label(ns, false),
        )),
        None => {}
    }
    errs.extend(validate_labels("metadata.labels", labels));
    errs.extend(validate_annotations(
        "metadata.annotations",
        meta.annotations.as_ref(),
    ));
    errs.extend(validate_owner_references(meta));
    let finalizers = meta.finalizers.as_deref().unwrap_or(&[]);
    errs.extend(validate_finalizers("metadata.finalizers", finalizers));
    errs.extend(validate_kube_finalizers("metadata.finalizers", finalizers));
    errs
}

/// `ValidateOwnerReferences` (owner references are only set by the CronJob controller here).
fn validate_owner_references(meta: &ObjectMeta) -> ErrorList {
    let path = "metadata.ownerReferences";
    let mut errs = Vec::new();
    let mut first_controller: Option<String> = None;
    for r in meta.owner_references.iter().flatten() {
        let version = r.api_version.rsplit('/').next().unwrap_or("");
        if version.is_empty() {
            errs.push(FieldError::invalid(
                format!("{path}.apiVersion"),
                BadValue::Str(r.api_version.clone()),
                "version must not be empty",
            ));
        }
        if r.kind.is_empty() {
            errs.push(FieldError::invalid(
                format!("{path}.kind"),
                BadValue::Str(r.kind.clone()),
                "kind must not be empty",
            ));
        }
        if r.name.is_empty() {
            errs.push(FieldError::invalid(
                format!("{path}.name"),
                BadValue::Str(r.name.clone()),
                "name must not be empty",
            ));
        }
        if r.uid.is_empty() {
            errs.push(FieldError::invalid(
                format!("{path}.uid"),
                BadValue::Str(r.uid.clone()),
                "uid must not be empty",
            ));
        }
        if r.controller == Some(true) {
            let cur = format!("{}/{}", r.kind, r.name);
            match &first_controller {
                Some(first) => errs.push(FieldError::invalid(
                    path,
                    BadValue::Omit,
                    format!("Only one reference can have Controller set to true. Found \"true\" in references for {first} and {cur}"),
                )),
                None => first_controller = Some(cur),
            }
        }
    }
    errs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_label_messages() {
        assert!(is_dns1123_label("pi-7").is_empty());
        assert_eq!(is_dns1123_label("a.b"), vec!["must not contain dots"]);
        assert_eq!(
            is_dns1123_label("Pi"),
            vec!["a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]
        );
        let long = "a".repeat(64);
        assert_eq!(
            is_dns1123_label(&long),
            vec!["must be no more than 63 characters"]
        );
        assert_eq!(
            is_dns1123_subdomain("-x"),
            vec!["a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]
        );
        assert!(name_is_dns_subdomain("pi-", true).is_empty());
        assert!(!name_is_dns_subdomain("pi-", false).is_empty());
    }

    #[test]
    fn qualified_names() {
        assert!(is_qualified_name("batch.kubernetes.io/job-name").is_empty());
        assert_eq!(
            is_qualified_name("/x"),
            vec!["prefix part must be non-empty"]
        );
        assert_eq!(
            is_qualified_name("a/b/c"),
            vec!["a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        );
        assert_eq!(is_qualified_name("").len(), 2);
        assert!(is_valid_label_value("").is_empty());
        assert_eq!(is_valid_label_value("-a").len(), 1);
    }

    #[test]
    fn env_names_and_paths() {
        assert!(is_relaxed_env_var_name("MY VAR-1.x").is_empty());
        assert_eq!(
            is_relaxed_env_var_name("A=B"),
            vec![RELAXED_ENV_ERR.to_string()]
        );
        assert!(is_domain_prefixed_path("p", "acme.io/foo").is_empty());
        assert_eq!(
            is_domain_prefixed_path("spec.managedBy", "foo")[0].to_string(),
            "spec.managedBy: Invalid value: \"foo\": must be a domain-prefixed path (such as \"acme.io/foo\")"
        );
        assert_eq!(
            is_domain_prefixed_path("spec.managedBy", "acme.io/a b")[0].to_string(),
            "spec.managedBy: Invalid value: \"a b\": Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')"
        );
    }
}
