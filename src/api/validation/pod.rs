//! The pod template checks of core validation (`ValidatePodTemplateSpec`,
//! `ValidatePodSpec`, `validateContainers`, `validateInitContainers`,
//! `validateContainerCommon`, `ValidateEnv`, volume names and mounts) in upstream order.
//! Deep checks of volume sources, resources, probes, security contexts, affinity,
//! tolerations and topology spread constraints are left out (see `mod.rs`).

use super::names::{
    max_len_error, name_is_dns_subdomain, regex_error, validate_annotations,
    validate_dns1123_label, validate_labels, validate_qualified_name, validate_with,
};
use super::{render, ErrorList};
use crate::api::field::{go_quote, BadValue, ErrorType, FieldError};
use crate::api::pod::{Container, EnvVar, PodSpec, PodTemplateSpec, RestartPolicy};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

/// `field.NotSupported` for a value of a named string type (rendered as JSON since 1.34).
pub fn not_supported(path: impl Into<String>, value: &str, supported: &[&str]) -> FieldError {
    let list = supported
        .iter()
        .map(|s| go_quote(s))
        .collect::<Vec<_>>()
        .join(", ");
    FieldError::new(
        ErrorType::Unsupported,
        path,
        BadValue::Raw(render::json_string(value)),
        format!("supported values: {list}"),
    )
}

/// An opaque value as a string, if it is one.
fn as_str(v: Option<&Value>) -> Option<&str> {
    v.and_then(|v| v.as_str())
}

/// A defaulted empty pod spec: what the API server validates when `template.spec` is absent.
pub fn defaulted_empty_spec() -> PodSpec {
    let mut s = PodSpec::default();
    crate::api::defaults::default_pod_spec(&mut s);
    s
}

/// `ValidatePodTemplateSpec(template, path)`.
pub fn validate_pod_template_spec(path: &str, t: Option<&PodTemplateSpec>) -> ErrorList {
    let mut errs = Vec::new();
    let meta = t.and_then(|t| t.metadata.as_ref());
    let empty = defaulted_empty_spec();
    let spec = t.and_then(|t| t.spec.as_ref()).unwrap_or(&empty);
    errs.extend(validate_labels(
        &format!("{path}.labels"),
        meta.and_then(|m| m.labels.as_ref()),
    ));
    let annotations = meta.and_then(|m| m.annotations.as_ref());
    errs.extend(validate_annotations(
        &format!("{path}.annotations"),
        annotations,
    ));
    errs.extend(pod_specific_annotations(
        &format!("{path}.annotations"),
        annotations,
        spec,
    ));
    let spec_path = format!("{path}.spec");
    errs.extend(validate_pod_spec(&spec_path, spec));
    if spec
        .ephemeral_containers
        .as_ref()
        .and_then(|v| v.as_array())
        .is_some_and(|a| !a.is_empty())
    {
        errs.push(FieldError::forbidden(
            format!("{spec_path}.ephemeralContainers"),
            "ephemeral containers not allowed in pod template",
        ));
    }
    errs
}

const MIRROR_POD_ANNOTATION: &str = "kubernetes.io/config.mirror";
const POD_DELETION_COST: &str = "controller.kubernetes.io/pod-deletion-cost";

/// `ValidatePodSpecificAnnotations`: mirror-pod and deletion-cost annotations.
fn pod_specific_annotations(
    path: &str,
    ann: Option<&BTreeMap<String, String>>,
    spec: &PodSpec,
) -> ErrorList {
    let mut errs = Vec::new();
    let Some(ann) = ann else {
        return errs;
    };
    if let Some(v) = ann.get(MIRROR_POD_ANNOTATION) {
        if spec.node_name.as_deref().unwrap_or("").is_empty() {
            errs.push(FieldError::invalid(
                format!("{path}[{MIRROR_POD_ANNOTATION}]"),
                BadValue::Str(v.clone()),
                "must set spec.nodeName if mirror pod annotation is set",
            ));
        }
    }
    if let Some(v) = ann.get(POD_DELETION_COST) {
        // Values with a leading plus sign or leading zeros are not valid.
        let first_ok = matches!(v.as_bytes(), [b'-', ..] | [b'0'] | [b'1'..=b'9', ..]);
        if !first_ok || v.parse::<i32>().is_err() {
            errs.push(FieldError::invalid(
                format!("{path}[{POD_DELETION_COST}]"),
                BadValue::Str(v.clone()),
                "must be a 32bit integer",
            ));
        }
    }
    errs
}

/// The volume source fields, in the order `validateVolumeSource` checks them, with the
/// path segment it names when a second source is given (upstream spells two oddly).
const VOLUME_SOURCES: &[(&str, &str)] = &[
    ("emptyDir", "emptyDir"),
    ("hostPath", "hostPath"),
    ("gitRepo", "gitRepo"),
    ("gcePersistentDisk", "gcePersistentDisk"),
    ("awsElasticBlockStore", "awsElasticBlockStore"),
    ("secret", "secret"),
    ("nfs", "nfs"),
    ("iscsi", "iscsi"),
    ("glusterfs", "glusterfs"),
    ("flocker", "flocker"),
    ("persistentVolumeClaim", "persistentVolumeClaim"),
    ("rbd", "rbd"),
    ("cinder", "cinder"),
    ("cephfs", "cephFS"),
    ("quobyte", "quobyte"),
    ("downwardAPI", "downwarAPI"),
    ("fc", "fc"),
    ("flexVolume", "flexVolume"),
    ("configMap", "configMap"),
    ("azureFile", "azureFile"),
    ("vsphereVolume", "vsphereVolume"),
    ("photonPersistentDisk", "photonPersistentDisk"),
    ("portworxVolume", "portworxVolume"),
    ("azureDisk", "azureDisk"),
    ("storageos", "storageos"),
    ("projected", "projected"),
    ("scaleIO", "scaleIO"),
    ("csi", "csi"),
    ("ephemeral", "ephemeral"),
    ("image", "image"),
];

/// `ValidateVolumes`, without the checks inside each volume source; returns the names of
/// the volumes that validated.
fn validate_volumes(path: &str, volumes: Option<&Value>) -> (HashSet<String>, ErrorList) {
    let mut errs = Vec::new();
    let mut names = HashSet::new();
    let Some(list) = volumes.and_then(|v| v.as_array()) else {
        return (names, errs);
    };
    for (i, vol) in list.iter().enumerate() {
        let p = format!("{path}[{i}]");
        let mut el = Vec::new();
        let mut count = 0;
        for (key, forbidden_as) in VOLUME_SOURCES {
            if vol.get(*key).is_some_and(|v| !v.is_null()) {
                if count > 0 {
                    el.push(FieldError::forbidden(
                        format!("{p}.{forbidden_as}"),
                        "may not specify more than 1 volume type",
                    ));
                } else {
                    count += 1;
                }
            }
        }
        if count == 0 {
            el.push(FieldError::required(
                p.clone(),
                "must specify a volume type",
            ));
        }
        let name = as_str(vol.get("name")).unwrap_or("");
        if name.is_empty() {
            el.push(FieldError::required(format!("{p}.name"), ""));
        } else {
            el.extend(validate_dns1123_label(&format!("{p}.name"), name));
        }
        if names.contains(name) {
            el.push(FieldError::duplicate(
                format!("{p}.name"),
                BadValue::Str(name.to_string()),
            ));
        }
        if el.is_empty() {
            names.insert(name.to_string());
        } else {
            errs.extend(el);
        }
    }
    (names, errs)
}

/// `ValidatePodSpec(spec, nil, path)`.
pub fn validate_pod_spec(path: &str, spec: &PodSpec) -> ErrorList {
    let mut errs = Vec::new();
    if spec.termination_grace_period_seconds.is_none() {
        errs.push(FieldError::required(
            format!("{path}.terminationGracePeriodSeconds"),
            "",
        ));
    }
    let (volumes, verrs) = validate_volumes(&format!("{path}.volumes"), spec.volumes.as_deref());
    errs.extend(verrs);
    errs.extend(validate_containers(
        &format!("{path}.containers"),
        spec.containers.as_deref().map(Vec::as_slice),
        &volumes,
    ));
    errs.extend(validate_init_containers(
        &format!("{path}.initContainers"),
        spec.init_containers(),
        spec.containers(),
        &volumes,
    ));
    let rp = format!("{path}.restartPolicy");
    match &spec.restart_policy {
        None => errs.push(FieldError::required(rp, "")),
        Some(RestartPolicy::Unknown(v)) if v.is_empty() => errs.push(FieldError::required(rp, "")),
        Some(RestartPolicy::Unknown(v)) => {
            errs.push(not_supported(rp, v, &["Always", "OnFailure", "Never"]))
        }
        Some(_) => {}
    }
    errs.extend(validate_dns_policy(path, spec));
    errs.extend(validate_labels(
        &format!("{path}.nodeSelector"),
        spec.node_selector.as_ref(),
    ));
    errs.extend(validate_dns_config(path, spec));
    errs.extend(validate_readiness_gates(
        path,
        spec.readiness_gates.as_deref(),
    ));
    errs.extend(validate_scheduling_gates(
        path,
        spec.scheduling_gates.as_deref(),
    ));
    if let Some(sa) = spec
        .service_account_name
        .as_deref()
        .filter(|s| !s.is_empty())
    {
        errs.extend(validate_with(
            &format!("{path}.serviceAccountName"),
            sa,
            name_is_dns_subdomain(sa, false),
        ));
    }
    if let Some(n) = spec.node_name.as_deref().filter(|s| !s.is_empty()) {
        errs.extend(validate_with(
            &format!("{path}.nodeName"),
            n,
            name_is_dns_subdomain(n, false),
        ));
    }
    if let Some(ads) = spec.active_deadline_seconds {
        if !(1..=i32::MAX as i64).contains(&ads) {
            errs.push(FieldError::invalid(
                format!("{path}.activeDeadlineSeconds"),
                BadValue::Int(ads),
                "must be between 1 and 2147483647, inclusive",
            ));
        }
    }
    if let Some(h) = spec.hostname.as_deref().filter(|s| !s.is_empty()) {
        errs.extend(validate_dns1123_label(&format!("{path}.hostname"), h));
    }
    if let Some(s) = spec.subdomain.as_deref().filter(|s| !s.is_empty()) {
        errs.extend(validate_dns1123_label(&format!("{path}.subdomain"), s));
    }
    if let Some(pc) = spec
        .priority_class_name
        .as_deref()
        .filter(|s| !s.is_empty())
    {
        errs.extend(validate_with(
            &format!("{path}.priorityClassName"),
            pc,
            name_is_dns_subdomain(pc, false),
        ));
    }
    if let Some(rc) = as_str(spec.runtime_class_name.as_deref()) {
        errs.extend(validate_with(
            &format!("{path}.runtimeClassName"),
            rc,
            name_is_dns_subdomain(rc, false),
        ));
    }
    if let Some(pp) = spec.preemption_policy.as_deref().filter(|v| !v.is_null()) {
        let p = format!("{path}.preemptionPolicy");
        match pp.as_str() {
            Some("PreemptLowerPriority") | Some("Never") => {}
            Some("") => errs.push(FieldError::required(p, "")),
            _ => errs.push(FieldError::new(
                ErrorType::Unsupported,
                p,
                BadValue::Raw(render::json_value(pp)),
                "supported values: \"PreemptLowerPriority\", \"Never\"",
            )),
        }
    }
    errs
}

fn validate_dns_policy(path: &str, spec: &PodSpec) -> ErrorList {
    let p = format!("{path}.dnsPolicy");
    match spec.dns_policy.as_deref() {
        None => vec![FieldError::required(p, "")],
        Some(v) => match v.as_str() {
            Some("ClusterFirstWithHostNet") | Some("ClusterFirst") | Some("Default")
            | Some("None") => Vec::new(),
            Some("") => vec![FieldError::required(p, "")],
            _ => vec![FieldError::new(
                ErrorType::Unsupported,
                p,
                BadValue::Raw(render::json_value(v)),
                "supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\"",
            )],
        },
    }
}

/// The `dnsPolicy: None` requirements of `validatePodDNSConfig`.
fn validate_dns_config(path: &str, spec: &PodSpec) -> ErrorList {
    if as_str(spec.dns_policy.as_deref()) != Some("None") {
        return Vec::new();
    }
    let cfg = spec.dns_config.as_deref().filter(|v| !v.is_null());
    match cfg {
        None => vec![FieldError::required(
            format!("{path}.dnsConfig"),
            "must provide `dnsConfig` when `dnsPolicy` is None",
        )],
        Some(c) => {
            let n = c
                .get("nameservers")
                .and_then(|v| v.as_array())
                .map_or(0, |a| a.len());
            if n == 0 {
                vec![FieldError::required(
                    format!("{path}.dnsConfig.nameservers"),
                    "must provide at least one DNS nameserver when `dnsPolicy` is None",
                )]
            } else {
                Vec::new()
            }
        }
    }
}

fn validate_readiness_gates(path: &str, gates: Option<&Value>) -> ErrorList {
    let mut errs = Vec::new();
    for (i, g) in gates
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .enumerate()
    {
        let t = as_str(g.get("conditionType")).unwrap_or("");
        errs.extend(validate_qualified_name(
            &format!("{path}.readinessGates[{i}].conditionType"),
            t,
        ));
    }
    errs
}

fn validate_scheduling_gates(path: &str, gates: Option<&Value>) -> ErrorList {
    let mut errs = Vec::new();
    let mut seen = HashSet::new();
    for (i, g) in gates
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .enumerate()
    {
        let p = format!("{path}.schedulingGates[{i}]");
        let name = as_str(g.get("name")).unwrap_or("");
        errs.extend(validate_qualified_name(&p, name));
        if !seen.insert(name.to_string()) {
            errs.push(FieldError::duplicate(p, BadValue::Str(name.to_string())));
        }
    }
    errs
}

/// `validateContainers`.
fn validate_containers(
    path: &str,
    containers: Option<&[Container]>,
    volumes: &HashSet<String>,
) -> ErrorList {
    let containers = containers.unwrap_or(&[]);
    if containers.is_empty() {
        return vec![FieldError::required(path, "")];
    }
    let mut errs = Vec::new();
    let mut names = HashSet::new();
    for (i, c) in containers.iter().enumerate() {
        let p = format!("{path}[{i}]");
        errs.extend(validate_container_common(&p, c, volumes));
        if !names.insert(c.name()) {
            errs.push(FieldError::duplicate(
                format!("{p}.name"),
                BadValue::Str(c.name().to_string()),
            ));
        }
        if c.restart_policy.is_some() {
            errs.push(FieldError::forbidden(
                format!("{p}.restartPolicy"),
                "may not be set for non-init containers",
            ));
        }
    }
    errs
}

/// `validateInitContainers`.
fn validate_init_containers(
    path: &str,
    inits: &[Container],
    regular: &[Container],
    volumes: &HashSet<String>,
) -> ErrorList {
    let mut errs = Vec::new();
    let mut names: HashSet<&str> = regular.iter().map(|c| c.name()).collect();
    for (i, c) in inits.iter().enumerate() {
        let p = format!("{path}[{i}]");
        errs.extend(validate_container_common(&p, c, volumes));
        let mut restart_always = false;
        if let Some(rp) = c.restart_policy.as_deref() {
            if rp == "Always" {
                restart_always = true;
            } else {
                errs.push(not_supported(format!("{p}.restartPolicy"), rp, &["Always"]));
            }
        }
        if names.contains(c.name()) {
            errs.push(FieldError::duplicate(
                format!("{p}.name"),
                BadValue::Str(c.name().to_string()),
            ));
        } else if !c.name().is_empty() {
            names.insert(c.name());
        }
        if !restart_always {
            for (field, v) in [
                ("lifecycle", &c.lifecycle),
                ("livenessProbe", &c.liveness_probe),
                ("readinessProbe", &c.readiness_probe),
                ("startupProbe", &c.startup_probe),
            ] {
                if v.as_ref().is_some_and(|v| !v.is_null()) {
                    errs.push(FieldError::forbidden(
                        format!("{p}.{field}"),
                        "may not be set for init containers without restartPolicy=Always",
                    ));
                }
            }
        }
    }
    errs
}

/// `validateContainerCommon`.
fn validate_container_common(path: &str, c: &Container, volumes: &HashSet<String>) -> ErrorList {
    let mut errs = Vec::new();
    let name_path = format!("{path}.name");
    if c.name().is_empty() {
        errs.push(FieldError::required(name_path, ""));
    } else {
        errs.extend(validate_dns1123_label(&name_path, c.name()));
    }
    if c.image.as_deref().unwrap_or("").is_empty() {
        errs.push(FieldError::required(format!("{path}.image"), ""));
    }
    let tmp = format!("{path}.terminationMessagePolicy");
    match c.termination_message_policy.as_deref() {
        None => errs.push(FieldError::required(tmp, "")),
        Some(v) => match v.as_str() {
            Some("File") | Some("FallbackToLogsOnError") => {}
            Some("") => errs.push(FieldError::required(tmp, "")),
            _ => errs.push(FieldError::new(
                ErrorType::Unsupported,
                tmp,
                BadValue::Raw(render::json_value(v)),
                "supported values: \"File\", \"FallbackToLogsOnError\"",
            )),
        },
    }
    errs.extend(validate_ports(&format!("{path}.ports"), c.ports.as_deref()));
    errs.extend(validate_env(&format!("{path}.env"), c.env()));
    errs.extend(validate_env_from(
        &format!("{path}.envFrom"),
        c.env_from.as_deref(),
    ));
    errs.extend(validate_volume_mounts(
        &format!("{path}.volumeMounts"),
        c.volume_mounts.as_deref(),
        volumes,
    ));
    let pp = format!("{path}.imagePullPolicy");
    match c.image_pull_policy.as_deref() {
        None | Some("") => errs.push(FieldError::required(pp, "")),
        Some("Always") | Some("IfNotPresent") | Some("Never") => {}
        Some(v) => errs.push(not_supported(pp, v, &["Always", "IfNotPresent", "Never"])),
    }
    errs
}

/// `IsValidPortName`.
fn port_name_errors(name: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if name.len() > 15 {
        errs.push(max_len_error(15));
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        || name.is_empty()
    {
        errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)".into());
    }
    if !name.bytes().any(|b| b.is_ascii_lowercase()) {
        errs.push("must contain at least one letter (a-z)".into());
    }
    if name.contains("--") {
        errs.push("must not contain consecutive hyphens".into());
    }
    if name.starts_with('-') || name.ends_with('-') {
        errs.push("must not begin or end with a hyphen".into());
    }
    errs
}

/// `validateContainerPorts` (the protocol is checked only when given: v1 defaults it to TCP).
fn validate_ports(path: &str, ports: Option<&Value>) -> ErrorList {
    let mut errs = Vec::new();
    let mut names = HashSet::new();
    for (i, port) in ports
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .enumerate()
    {
        let p = format!("{path}[{i}]");
        if let Some(name) = as_str(port.get("name")).filter(|n| !n.is_empty()) {
            let msgs = port_name_errors(name);
            if !msgs.is_empty() {
                errs.extend(validate_with(&format!("{p}.name"), name, msgs));
            } else if !names.insert(name.to_string()) {
                errs.push(FieldError::duplicate(
                    format!("{p}.name"),
                    BadValue::Str(name.to_string()),
                ));
            }
        }
        let cp = port
            .get("containerPort")
            .and_then(|v| v.as_i64())
            .unwrap_or(0);
        if cp == 0 {
            errs.push(FieldError::required(format!("{p}.containerPort"), ""));
        } else if !(1..=65535).contains(&cp) {
            errs.push(FieldError::invalid(
                format!("{p}.containerPort"),
                BadValue::Int(cp),
                "must be between 1 and 65535, inclusive",
            ));
        }
        let hp = port.get("hostPort").and_then(|v| v.as_i64()).unwrap_or(0);
        if hp != 0 && !(1..=65535).contains(&hp) {
            errs.push(FieldError::invalid(
                format!("{p}.hostPort"),
                BadValue::Int(hp),
                "must be between 1 and 65535, inclusive",
            ));
        }
        if let Some(proto) = as_str(port.get("protocol")) {
            let pp = format!("{p}.protocol");
            match proto {
                "" => errs.push(FieldError::required(pp, "")),
                "TCP" | "UDP" | "SCTP" => {}
                other => errs.push(not_supported(pp, other, &["SCTP", "TCP", "UDP"])),
            }
        }
    }
    errs
}

const ENV_FIELD_PATHS: &[&str] = &[
    "metadata.name",
    "metadata.namespace",
    "metadata.uid",
    "spec.nodeName",
    "spec.serviceAccountName",
    "status.hostIP",
    "status.hostIPs",
    "status.podIP",
    "status.podIPs",
];
const DOWNWARD_LABELS: &[&str] = &[
    "metadata.annotations",
    "metadata.labels",
    "metadata.name",
    "metadata.namespace",
    "metadata.uid",
    "spec.nodeName",
    "spec.restartPolicy",
    "spec.serviceAccountName",
    "spec.schedulerName",
    "status.phase",
    "status.hostIP",
    "status.hostIPs",
    "status.podIP",
    "status.podIPs",
];
const RESOURCE_FIELDS: &[&str] = &[
    "limits.cpu",
    "limits.ephemeral-storage",
    "limits.memory",
    "requests.cpu",
    "requests.ephemeral-storage",
    "requests.memory",
];

/// `fieldpath.SplitMaybeSubscriptedPath`.
fn split_subscript(path: &str) -> Option<(&str, &str)> {
    let s = path.strip_suffix("']")?;
    let (a, b) = s.split_once("['")?;
    (!a.is_empty()).then_some((a, b))
}

/// `IsConfigMapKey`.
fn config_map_key_errors(key: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if key.len() > 253 {
        errs.push(max_len_error(253));
    }
    if key.is_empty()
        || !key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'))
    {
        errs.push(regex_error(
            "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
            "[-._a-zA-Z0-9]+",
            &["key.name", "KEY_NAME", "key-name"],
        ));
    }
    match key {
        "." => errs.push("must not be '.'".into()),
        ".." => errs.push("must not be '..'".into()),
        k if k.starts_with("..") => errs.push("must not start with '..'".into()),
        _ => {}
    }
    errs
}

fn validate_key_selector(path: &str, sel: &Value) -> ErrorList {
    let mut errs = Vec::new();
    let name = as_str(sel.get("name")).unwrap_or("");
    errs.extend(validate_with(
        &format!("{path}.name"),
        name,
        name_is_dns_subdomain(name, false),
    ));
    let key = as_str(sel.get("key")).unwrap_or("");
    if key.is_empty() {
        errs.push(FieldError::required(format!("{path}.key"), ""));
    } else {
        errs.extend(validate_with(
            &format!("{path}.key"),
            key,
            config_map_key_errors(key),
        ));
    }
    errs
}

/// `validateEnvVarValueFrom`.
fn validate_value_from(path: &str, ev: &EnvVar) -> ErrorList {
    let mut errs = Vec::new();
    let Some(vf) = ev.value_from.as_ref().filter(|v| !v.is_null()) else {
        return errs;
    };
    let present = |k: &str| vf.get(k).filter(|v| !v.is_null());
    let mut sources = 0;
    if let Some(fr) = present("fieldRef") {
        sources += 1;
        let p = format!("{path}.fieldRef");
        let fp = as_str(fr.get("fieldPath")).unwrap_or("");
        let version = as_str(fr.get("apiVersion")).unwrap_or("v1");
        if fp.is_empty() {
            errs.push(FieldError::required(format!("{p}.fieldPath"), ""));
        } else if version != "v1" && !version.is_empty() {
            errs.push(FieldError::invalid(
                format!("{p}.fieldPath"),
                BadValue::Str(fp.to_string()),
                format!("error converting fieldPath: unsupported pod version: {version}"),
            ));
        } else if let Some((base, sub)) = split_subscript(fp) {
            match base {
                "metadata.annotations" => {
                    errs.extend(validate_qualified_name(&p, &sub.to_lowercase()))
                }
                "metadata.labels" => errs.extend(validate_qualified_name(&p, sub)),
                _ => errs.push(FieldError::invalid(
                    format!("{p}.fieldPath"),
                    BadValue::Str(fp.to_string()),
                    format!(
                        "error converting fieldPath: field label does not support subscript: {fp}"
                    ),
                )),
            }
        } else {
            let internal = if fp == "spec.host" {
                "spec.nodeName"
            } else {
                fp
            };
            if !DOWNWARD_LABELS.contains(&internal) {
                errs.push(FieldError::invalid(
                    format!("{p}.fieldPath"),
                    BadValue::Str(fp.to_string()),
                    format!("error converting fieldPath: field label not supported: {fp}"),
                ));
            } else if !ENV_FIELD_PATHS.contains(&internal) {
                let mut sorted = ENV_FIELD_PATHS.to_vec();
                crate::sort::sort(&mut sorted);
                errs.push(FieldError::unsupported(
                    format!("{p}.fieldPath"),
                    internal,
                    &sorted,
                ));
            }
        }
    }
    if let Some(rf) = present("resourceFieldRef") {
        sources += 1;
        let p = format!("{path}.resourceFieldRef");
        let res = as_str(rf.get("resource")).unwrap_or("");
        if res.is_empty() {
            errs.push(FieldError::required(format!("{p}.resource"), ""));
        } else if !RESOURCE_FIELDS.contains(&res)
            && !res.starts_with("requests.hugepages-")
            && !res.starts_with("limits.hugepages-")
        {
            errs.push(FieldError::unsupported(
                format!("{p}.resource"),
                res,
                RESOURCE_FIELDS,
            ));
        }
    }
    if let Some(s) = present("configMapKeyRef") {
        sources += 1;
        errs.extend(validate_key_selector(&format!("{path}.configMapKeyRef"), s));
    }
    if let Some(s) = present("secretKeyRef") {
        sources += 1;
        errs.extend(validate_key_selector(&format!("{path}.secretKeyRef"), s));
    }
    let empty = BadValue::Str(String::new());
    if sources == 0 {
        errs.push(FieldError::invalid(
            path,
            empty,
            "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`",
        ));
    } else if !ev.value.as_deref().unwrap_or("").is_empty() {
        errs.push(FieldError::invalid(
            path,
            empty,
            "may not be specified when `value` is not empty",
        ));
    } else if sources > 1 {
        errs.push(FieldError::invalid(
            path,
            empty,
            "may not have more than one field specified at a time",
        ));
    }
    errs
}

/// `ValidateEnv` with relaxed names (GA in 1.34).
fn validate_env(path: &str, env: &[EnvVar]) -> ErrorList {
    let mut errs = Vec::new();
    for (i, ev) in env.iter().enumerate() {
        let p = format!("{path}[{i}]");
        if ev.name.is_empty() {
            errs.push(FieldError::required(format!("{p}.name"), ""));
        } else {
            errs.extend(validate_with(
                &format!("{p}.name"),
                &ev.name,
                super::names::is_relaxed_env_var_name(&ev.name),
            ));
        }
        errs.extend(validate_value_from(&format!("{p}.valueFrom"), ev));
    }
    errs
}

/// `ValidateEnvFrom` (prefix names and the one-source rule).
fn validate_env_from(path: &str, env_from: Option<&Value>) -> ErrorList {
    let mut errs = Vec::new();
    for (i, ev) in env_from
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .enumerate()
    {
        let p = format!("{path}[{i}]");
        if let Some(prefix) = as_str(ev.get("prefix")).filter(|s| !s.is_empty()) {
            errs.extend(validate_with(
                &format!("{p}.prefix"),
                prefix,
                super::names::is_relaxed_env_var_name(prefix),
            ));
        }
        let mut sources = 0;
        for key in ["configMapRef", "secretRef"] {
            if let Some(src) = ev.get(key).filter(|v| !v.is_null()) {
                sources += 1;
                let name = as_str(src.get("name")).unwrap_or("");
                let np = format!("{p}.{key}.name");
                if name.is_empty() {
                    errs.push(FieldError::required(np, ""));
                } else {
                    errs.extend(validate_with(&np, name, name_is_dns_subdomain(name, true)));
                }
            }
        }
        if sources == 0 {
            errs.push(FieldError::invalid(
                path,
                BadValue::Str(String::new()),
                "must specify one of: `configMapRef` or `secretRef`",
            ));
        } else if sources > 1 {
            errs.push(FieldError::invalid(
                path,
                BadValue::Str(String::new()),
                "may not have more than one field specified at a time",
            ));
        }
    }
    errs
}

/// `ValidateVolumeMounts` (names, paths and uniqueness).
fn validate_volume_mounts(
    path: &str,
    mounts: Option<&Value>,
    volumes: &HashSet<String>,
) -> ErrorList {
    let mut errs = Vec::new();
    let mut paths = HashSet::new();
    for (i, m) in mounts
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .enumerate()
    {
        let p = format!("{path}[{i}]");
        let name = as_str(m.get("name")).unwrap_or("");
        if name.is_empty() {
            errs.push(FieldError::required(format!("{p}.name"), ""));
        }
        if !volumes.contains(name) {
            errs.push(FieldError::new(
                ErrorType::NotFound,
                format!("{p}.name"),
                BadValue::Str(name.to_string()),
                "",
            ));
        }
        let mp = as_str(m.get("mountPath")).unwrap_or("");
        if mp.is_empty() {
            errs.push(FieldError::required(format!("{p}.mountPath"), ""));
        }
        if !paths.insert(mp.to_string()) {
            errs.push(FieldError::invalid(
                format!("{p}.mountPath"),
                BadValue::Str(mp.to_string()),
                "must be unique",
            ));
        }
    }
    errs
}

/// Warnings the API server returns for a pod template (`GetWarningsForPodTemplate`, subset).
pub fn template_warnings(path: &str, t: Option<&PodTemplateSpec>) -> Vec<String> {
    let mut w = Vec::new();
    if let Some(g) = t
        .and_then(|t| t.spec.as_ref())
        .and_then(|s| s.termination_grace_period_seconds)
    {
        if g < 0 {
            w.push(format!(
                "{path}.spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1"
            ));
        }
    }
    w
}
