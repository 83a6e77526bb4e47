//! How the API server prints a composite bad value. Since Kubernetes 1.34
//! (apimachinery `field.Error.ErrorBody`, PR #132314) a value that is not a plain string,
//! integer or boolean is rendered with Go's `json.Marshal`. Validation runs on the
//! *internal* types, which carry no JSON tags: their fields print with Go names
//! (`{"Rules":[{"SucceededIndexes":"0-2","SucceededCount":null}]}`), while embedded
//! `metav1` types keep their tags (`{"matchLabels":{...}}`). Before 1.34 the same errors
//! printed Go's `%#v` (`core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{...`), as seen in
//! older kubectl transcripts.
//!
//! The pod template is rendered field by field for the fields the playground types know
//! (the internal `core.PodSpec` and `core.Container` of 1.34, in declaration order); fields
//! kept as opaque JSON (volumes, affinity, probes ...) are converted by capitalising their
//! keys, which matches upstream for simple values and approximates it for nested ones.

use crate::api::job::{PodFailurePolicy, SuccessPolicy};
use crate::api::meta::{LabelSelector, ObjectMeta};
use crate::api::pod::{Container, EnvVar, PodSpec, PodTemplateSpec};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write;

/// A string as Go's `encoding/json` writes it (HTML-safe escaping, as `json.Marshal` does).
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `["a","b"]`.
pub fn json_string_list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| json_string(s)).collect();
    format!("[{}]", parts.join(","))
}

/// A JSON value with Go's map-key ordering (sorted) and string escaping.
pub fn json_value(v: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, v);
    out
}

fn write_value(out: &mut String, v: &Value) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&crate::api::number::json_number(n)),
        Value::String(s) => out.push_str(&json_string(s)),
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, x);
            }
            out.push(']');
        }
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            crate::sort::sort(&mut keys);
            out.push('{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&json_string(k));
                out.push(':');
                if let Some(x) = m.get(*k) {
                    write_value(out, x);
                }
            }
            out.push('}');
        }
    }
}

/// A map of strings (`labels`): `{"a":"b"}`, or `null`.
pub fn string_map(m: Option<&BTreeMap<String, String>>) -> String {
    match m {
        None => "null".into(),
        Some(m) => {
            let parts: Vec<String> = m
                .iter()
                .map(|(k, v)| format!("{}:{}", json_string(k), json_string(v)))
                .collect();
            format!("{{{}}}", parts.join(","))
        }
    }
}

/// `[]int32` as JSON.
pub fn int_list(v: &[i32]) -> String {
    let parts: Vec<String> = v.iter().map(|i| i.to_string()).collect();
    format!("[{}]", parts.join(","))
}

/// A `*metav1.LabelSelector` (which has JSON tags).
pub fn label_selector(sel: Option<&LabelSelector>) -> String {
    let Some(sel) = sel else {
        return "null".into();
    };
    let mut fields = Vec::new();
    if let Some(ml) = sel.match_labels.as_ref().filter(|m| !m.is_empty()) {
        fields.push(format!("\"matchLabels\":{}", string_map(Some(ml))));
    }
    if let Some(me) = sel.match_expressions.as_ref().filter(|m| !m.is_empty()) {
        let items: Vec<String> = me
            .iter()
            .map(|r| {
                let mut s = format!(
                    "{{\"key\":{},\"operator\":{}",
                    json_string(&r.key),
                    json_string(&r.operator)
                );
                if let Some(v) = r.values.as_ref().filter(|v| !v.is_empty()) {
                    let _ = write!(s, ",\"values\":{}", json_string_list(v));
                }
                s.push('}');
                s
            })
            .collect();
        fields.push(format!("\"matchExpressions\":[{}]", items.join(",")));
    }
    format!("{{{}}}", fields.join(","))
}

fn opt_str(s: Option<&str>) -> String {
    s.map(json_string).unwrap_or_else(|| "null".into())
}

fn opt_num<T: ToString>(n: Option<T>) -> String {
    n.map(|n| n.to_string()).unwrap_or_else(|| "null".into())
}

/// Internal `batch.SuccessPolicy`.
pub fn success_policy(p: &SuccessPolicy) -> String {
    let rules: Vec<String> = p
        .rules
        .iter()
        .map(|r| {
            format!(
                "{{\"SucceededIndexes\":{},\"SucceededCount\":{}}}",
                opt_str(r.succeeded_indexes.as_deref()),
                opt_num(r.succeeded_count)
            )
        })
        .collect();
    format!("{{\"Rules\":{}}}", list_or_null(&rules))
}

fn list_or_null(items: &[String]) -> String {
    if items.is_empty() {
        "null".into()
    } else {
        format!("[{}]", items.join(","))
    }
}

/// Internal `batch.PodFailurePolicy`.
pub fn pod_failure_policy(p: Option<&PodFailurePolicy>) -> String {
    let Some(p) = p else {
        return "null".into();
    };
    let rules: Vec<String> = p
        .rules
        .iter()
        .map(|r| {
            let on_exit = match &r.on_exit_codes {
                None => "null".to_string(),
                Some(e) => format!(
                    "{{\"ContainerName\":{},\"Operator\":{},\"Values\":{}}}",
                    opt_str(e.container_name.as_deref()),
                    json_string(e.operator.as_ref().map(|o| o.as_str()).unwrap_or("")),
                    if e.values.is_empty() {
                        "null".to_string()
                    } else {
                        int_list(&e.values)
                    }
                ),
            };
            let on_cond = match &r.on_pod_conditions {
                None => "null".to_string(),
                Some(v) => {
                    let items: Vec<String> = v
                        .iter()
                        .map(|c| {
                            format!(
                                "{{\"Type\":{},\"Status\":{}}}",
                                json_string(&c.type_),
                                json_string(c.status.as_deref().unwrap_or(""))
                            )
                        })
                        .collect();
                    format!("[{}]", items.join(","))
                }
            };
            format!(
                "{{\"Action\":{},\"OnExitCodes\":{},\"OnPodConditions\":{}}}",
                json_string(r.action.as_ref().map(|a| a.as_str()).unwrap_or("")),
                on_exit,
                on_cond
            )
        })
        .collect();
    format!("{{\"Rules\":{}}}", list_or_null(&rules))
}

/// Go field name of a JSON key of an opaque (v1, camelCase) value.
fn go_name(key: &str) -> String {
    const SPECIAL: &[(&str, &str)] = &[
        ("ip", "IP"),
        ("ips", "IPs"),
        ("hostIP", "HostIP"),
        ("podIP", "PodIP"),
        ("fsGroup", "FSGroup"),
        ("fsGroupChangePolicy", "FSGroupChangePolicy"),
        ("seLinuxOptions", "SELinuxOptions"),
        ("seLinuxChangePolicy", "SELinuxChangePolicy"),
        ("tty", "TTY"),
        ("httpGet", "HTTPGet"),
        ("tcpSocket", "TCPSocket"),
        ("grpc", "GRPC"),
        ("httpHeaders", "HTTPHeaders"),
        ("uid", "UID"),
        ("apiVersion", "APIVersion"),
        ("nfs", "NFS"),
        ("iscsi", "ISCSI"),
        ("rbd", "RBD"),
        ("fc", "FC"),
        ("csi", "CSI"),
        ("cephfs", "CephFS"),
        ("dnsConfig", "DNSConfig"),
        ("hostIPC", "HostIPC"),
        ("hostPID", "HostPID"),
        ("preStop", "PreStop"),
        ("os", "OS"),
        ("gmsaCredentialSpec", "GMSACredentialSpec"),
    ];
    if let Some((_, g)) = SPECIAL.iter().find(|(k, _)| *k == key) {
        return g.to_string();
    }
    let mut c = key.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// An opaque v1 value with Go field names (best effort, see the module comment).
fn opaque(v: Option<&Value>) -> String {
    match v {
        None => "null".into(),
        Some(v) => json_value(&go_named(v)),
    }
}

fn go_named(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(crate::sort::collect_map(
            m.iter().map(|(k, x)| (go_name(k), go_named(x))),
        )),
        Value::Array(a) => Value::Array(a.iter().map(go_named).collect()),
        other => other.clone(),
    }
}

/// `metav1.ObjectMeta` embedded in a template (JSON tags, omitempty; creationTimestamp always).
fn object_meta_fields(m: Option<&ObjectMeta>) -> String {
    let empty = ObjectMeta::default();
    let m = m.unwrap_or(&empty);
    let mut out = String::new();
    let mut field = |k: &str, v: String| {
        let _ = write!(out, "{}:{},", json_string(k), v);
    };
    if let Some(n) = m.name.as_deref().filter(|s| !s.is_empty()) {
        field("name", json_string(n));
    }
    if let Some(n) = m.generate_name.as_deref().filter(|s| !s.is_empty()) {
        field("generateName", json_string(n));
    }
    if let Some(n) = m.namespace.as_deref().filter(|s| !s.is_empty()) {
        field("namespace", json_string(n));
    }
    field("creationTimestamp", "null".into());
    if let Some(l) = m.labels.as_ref().filter(|l| !l.is_empty()) {
        field("labels", string_map(Some(l)));
    }
    if let Some(a) = m.annotations.as_ref().filter(|l| !l.is_empty()) {
        field("annotations", string_map(Some(a)));
    }
    if let Some(f) = m.finalizers.as_ref().filter(|l| !l.is_empty()) {
        field("finalizers", json_string_list(f));
    }
    out
}

fn str_list(v: Option<&Vec<String>>) -> String {
    match v {
        None => "null".into(),
        Some(v) => json_string_list(v),
    }
}

fn env(v: Option<&Vec<EnvVar>>) -> String {
    match v {
        None => "null".into(),
        Some(v) => {
            let items: Vec<String> = v
                .iter()
                .map(|e| {
                    format!(
                        "{{\"Name\":{},\"Value\":{},\"ValueFrom\":{}}}",
                        json_string(&e.name),
                        json_string(e.value.as_deref().unwrap_or("")),
                        opaque(e.value_from.as_ref())
                    )
                })
                .collect();
            format!("[{}]", items.join(","))
        }
    }
}

fn value_str(v: Option<&Value>) -> String {
    json_string(v.and_then(|v| v.as_str()).unwrap_or(""))
}

fn value_bool(v: Option<&Value>) -> &'static str {
    if v.and_then(|v| v.as_bool()).unwrap_or(false) {
        "true"
    } else {
        "false"
    }
}

fn resources(v: Option<&Value>) -> String {
    let get = |k: &str| opaque(v.and_then(|v| v.get(k)));
    format!(
        "{{\"Limits\":{},\"Requests\":{},\"Claims\":{}}}",
        get("limits"),
        get("requests"),
        get("claims")
    )
}

fn container(c: &Container) -> String {
    let mut out = String::from("{");
    let mut f = |k: &str, v: String| {
        if out.len() > 1 {
            out.push(',');
        }
        let _ = write!(out, "\"{k}\":{v}");
    };
    f("Name", json_string(c.name()));
    f("Image", json_string(c.image.as_deref().unwrap_or("")));
    f("Command", str_list(c.command.as_ref()));
    f("Args", str_list(c.args.as_ref()));
    f(
        "WorkingDir",
        json_string(c.working_dir.as_deref().unwrap_or("")),
    );
    f("Ports", opaque(c.ports.as_deref()));
    f("EnvFrom", opaque(c.env_from.as_deref()));
    f("Env", env(c.env.as_ref()));
    f("Resources", resources(c.resources.as_deref()));
    f("ResizePolicy", opaque(c.resize_policy.as_deref()));
    f("RestartPolicy", opt_str(c.restart_policy.as_deref()));
    f(
        "RestartPolicyRules",
        opaque(c.restart_policy_rules.as_deref()),
    );
    f("VolumeMounts", opaque(c.volume_mounts.as_deref()));
    f("VolumeDevices", opaque(c.volume_devices.as_deref()));
    f("LivenessProbe", opaque(c.liveness_probe.as_deref()));
    f("ReadinessProbe", opaque(c.readiness_probe.as_deref()));
    f("StartupProbe", opaque(c.startup_probe.as_deref()));
    f("Lifecycle", opaque(c.lifecycle.as_deref()));
    f(
        "TerminationMessagePath",
        value_str(c.termination_message_path.as_deref()),
    );
    f(
        "TerminationMessagePolicy",
        value_str(c.termination_message_policy.as_deref()),
    );
    f(
        "ImagePullPolicy",
        json_string(c.image_pull_policy.as_deref().unwrap_or("")),
    );
    f("SecurityContext", opaque(c.security_context.as_deref()));
    f("Stdin", value_bool(c.stdin.as_deref()).into());
    f("StdinOnce", value_bool(c.stdin_once.as_deref()).into());
    f("TTY", value_bool(c.tty.as_deref()).into());
    out.push('}');
    out
}

fn containers(v: Option<&Vec<Container>>) -> String {
    match v {
        None => "null".into(),
        Some(v) => format!(
            "[{}]",
            v.iter().map(container).collect::<Vec<_>>().join(",")
        ),
    }
}

/// Internal `core.PodSecurityContext`: the v1 pod-level host namespace fields live here.
fn pod_security_context(s: &PodSpec) -> String {
    let Some(sc) = s.security_context.as_deref() else {
        return "null".into();
    };
    let get = |k: &str| opaque(sc.get(k));
    let flag = |b: Option<bool>| if b.unwrap_or(false) { "true" } else { "false" };
    format!(
        "{{\"HostNetwork\":{},\"HostPID\":{},\"HostIPC\":{},\"ShareProcessNamespace\":{},\"HostUsers\":{},\"SELinuxOptions\":{},\"WindowsOptions\":{},\"RunAsUser\":{},\"RunAsGroup\":{},\"RunAsNonRoot\":{},\"SupplementalGroups\":{},\"SupplementalGroupsPolicy\":{},\"FSGroup\":{},\"FSGroupChangePolicy\":{},\"Sysctls\":{},\"SeccompProfile\":{},\"AppArmorProfile\":{},\"SELinuxChangePolicy\":{}}}",
        flag(s.host_network.as_deref().and_then(|v| v.as_bool())),
        flag(s.host_pid),
        flag(s.host_ipc),
        opaque(s.share_process_namespace.as_deref()),
        opaque(s.host_users.as_deref()),
        get("seLinuxOptions"),
        get("windowsOptions"),
        get("runAsUser"),
        get("runAsGroup"),
        get("runAsNonRoot"),
        get("supplementalGroups"),
        get("supplementalGroupsPolicy"),
        get("fsGroup"),
        get("fsGroupChangePolicy"),
        get("sysctls"),
        get("seccompProfile"),
        get("appArmorProfile"),
        get("seLinuxChangePolicy"),
    )
}

fn str_map(m: Option<&BTreeMap<String, String>>) -> String {
    string_map(m)
}

/// Internal `core.PodSpec` (1.34 field order).
pub fn pod_spec(s: &PodSpec) -> String {
    let mut out = String::from("{");
    let mut f = |k: &str, v: String| {
        if out.len() > 1 {
            out.push(',');
        }
        let _ = write!(out, "\"{k}\":{v}");
    };
    f("Volumes", opaque(s.volumes.as_deref()));
    f("InitContainers", containers(s.init_containers.as_deref()));
    f("Containers", containers(s.containers.as_deref()));
    f(
        "EphemeralContainers",
        opaque(s.ephemeral_containers.as_deref()),
    );
    f(
        "RestartPolicy",
        json_string(s.restart_policy.as_ref().map(|r| r.as_str()).unwrap_or("")),
    );
    f(
        "TerminationGracePeriodSeconds",
        opt_num(s.termination_grace_period_seconds),
    );
    f("ActiveDeadlineSeconds", opt_num(s.active_deadline_seconds));
    f("DNSPolicy", value_str(s.dns_policy.as_deref()));
    f("NodeSelector", str_map(s.node_selector.as_ref()));
    let sa = s
        .service_account_name
        .as_deref()
        .or(s.service_account.as_deref().and_then(|v| v.as_str()))
        .unwrap_or("");
    f("ServiceAccountName", json_string(sa));
    f(
        "AutomountServiceAccountToken",
        opaque(s.automount_service_account_token.as_deref()),
    );
    f(
        "NodeName",
        json_string(s.node_name.as_deref().unwrap_or("")),
    );
    f("SecurityContext", pod_security_context(s));
    f("ImagePullSecrets", opaque(s.image_pull_secrets.as_deref()));
    f("Hostname", json_string(s.hostname.as_deref().unwrap_or("")));
    f(
        "Subdomain",
        json_string(s.subdomain.as_deref().unwrap_or("")),
    );
    f("SetHostnameAsFQDN", opt_num(s.set_hostname_as_fqdn));
    f("Affinity", opaque(s.affinity.as_deref()));
    f(
        "SchedulerName",
        json_string(s.scheduler_name.as_deref().unwrap_or("")),
    );
    f("Tolerations", opaque(s.tolerations.as_deref()));
    f("HostAliases", opaque(s.host_aliases.as_deref()));
    f(
        "PriorityClassName",
        json_string(s.priority_class_name.as_deref().unwrap_or("")),
    );
    f("Priority", opaque(s.priority.as_deref()));
    f("PreemptionPolicy", opaque(s.preemption_policy.as_deref()));
    f("DNSConfig", opaque(s.dns_config.as_deref()));
    f("ReadinessGates", opaque(s.readiness_gates.as_deref()));
    f("RuntimeClassName", opaque(s.runtime_class_name.as_deref()));
    f("Overhead", opaque(s.overhead.as_deref()));
    f(
        "EnableServiceLinks",
        opaque(s.enable_service_links.as_deref()),
    );
    f(
        "TopologySpreadConstraints",
        opaque(s.topology_spread_constraints.as_deref()),
    );
    f("OS", opaque(s.os.as_deref()));
    f("SchedulingGates", opaque(s.scheduling_gates.as_deref()));
    f("ResourceClaims", opaque(s.resource_claims.as_deref()));
    f("Resources", opaque(s.resources.as_deref()));
    f("HostnameOverride", opaque(s.hostname_override.as_deref()));
    out.push('}');
    out
}

/// Internal `core.PodTemplateSpec`: the embedded ObjectMeta's fields, then `Spec`.
pub fn pod_template(t: &PodTemplateSpec, defaulted_empty: &PodSpec) -> String {
    let spec = t.spec.as_ref().unwrap_or(defaulted_empty);
    format!(
        "{{{}\"Spec\":{}}}",
        object_meta_fields(t.metadata.as_ref()),
        pod_spec(spec)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_as_go_does() {
        assert_eq!(
            json_string("a<b>&\"\n"),
            "\"a\\u003cb\\u003e\\u0026\\\"\\n\""
        );
        assert_eq!(json_string("\u{1}"), "\"\\u0001\"");
    }

    #[test]
    fn selectors_and_policies() {
        let sel = LabelSelector {
            match_labels: Some([("a".to_string(), "b".to_string())].into()),
            ..Default::default()
        };
        assert_eq!(
            label_selector(Some(&sel)),
            "{\"matchLabels\":{\"a\":\"b\"}}"
        );
        assert_eq!(label_selector(None), "null");
        let p = SuccessPolicy {
            rules: vec![crate::api::job::SuccessPolicyRule {
                succeeded_indexes: Some("0-2".into()),
                succeeded_count: None,
            }],
        };
        assert_eq!(
            success_policy(&p),
            "{\"Rules\":[{\"SucceededIndexes\":\"0-2\",\"SucceededCount\":null}]}"
        );
    }
}
