//! `kubectl describe job` and `kubectl describe cronjob`, laid out as kubectl's
//! `describeJob` / `describeCronJob` (k8s.io/kubectl/pkg/describe) do: a
//! PrefixWriter over Go's tabwriter (padding 2), the pod template block with its
//! containers and volumes, then the Events table.

use super::common::{age, between, controller_of, go_quote, rfc1123z, scalar, selector_string};
use super::events::{api_events, sorted_for_describe};
use super::tabwriter::PrefixWriter;
use crate::api::{Container, CronJob, Job, PodTemplateSpec};
use crate::cluster::store::JobId;
use crate::cluster::Cluster;
use serde_json::Value;
use std::collections::BTreeMap;

/// kubectl's `maxAnnotationLen`.
const MAX_ANNOTATION_LEN: usize = 140;
/// Annotations kubectl never shows.
const SKIP_ANNOTATIONS: &[&str] = &["kubectl.kubernetes.io/last-applied-configuration"];

/// `kubectl describe job NAME` for a Job of the simulation (None once it left the API).
pub fn describe_job(c: &Cluster, id: JobId) -> Option<String> {
    let rec = c.store.live_job(id)?;
    let job = &rec.job;
    let mut w = PrefixWriter::default();
    write_job(&mut w, c, job);
    let recorded = c.store.events().iter().filter(|e| e.job == Some(id));
    describe_events(&mut w, c, recorded);
    Some(w.finish())
}

/// `kubectl describe cronjob NAME` (None when the simulation has no CronJob).
pub fn describe_cronjob(c: &Cluster) -> Option<String> {
    let cj = c.store.cronjob.as_ref()?;
    let mut w = PrefixWriter::default();
    write_cronjob(&mut w, c, cj);
    let object = format!("CronJob/{}", cj.name());
    let recorded = c
        .store
        .events()
        .iter()
        .filter(|e| e.job.is_none() && e.object == object);
    describe_events(&mut w, c, recorded);
    Some(w.finish())
}

fn write_job(w: &mut PrefixWriter, c: &Cluster, job: &Job) {
    let spec = &job.spec;
    let status = &job.status;
    w.write(0, &format!("Name:\t{}\n", job.name()));
    w.write(0, &format!("Namespace:\t{}\n", job.metadata.namespace()));
    let selector = spec
        .selector
        .as_ref()
        .map(selector_string)
        .unwrap_or_default();
    w.write(0, &format!("Selector:\t{selector}\n"));
    print_labels(w, "Labels", job.metadata.labels.as_ref());
    print_annotations(w, "Annotations", job.metadata.annotations.as_ref());
    if let Some(owner) = controller_of(&job.metadata) {
        w.write(0, &format!("Controlled By:\t{owner}\n"));
    }
    if let Some(p) = spec.parallelism {
        w.write(0, &format!("Parallelism:\t{p}\n"));
    }
    match spec.completions {
        Some(n) => w.write(0, &format!("Completions:\t{n}\n")),
        None => w.write(0, "Completions:\t<unset>\n"),
    }
    if let Some(m) = &spec.completion_mode {
        w.write(0, &format!("Completion Mode:\t{m}\n"));
    }
    if let Some(s) = spec.suspend {
        w.write(0, &format!("Suspend:\t{s}\n"));
    }
    if let Some(b) = spec.backoff_limit {
        w.write(0, &format!("Backoff Limit:\t{b}\n"));
    }
    if let Some(ttl) = spec.ttl_seconds_after_finished {
        w.write(0, &format!("TTL Seconds After Finished:\t{ttl}\n"));
    }
    if let Some(t) = status.start_time {
        w.write(0, &format!("Start Time:\t{}\n", rfc1123z(c, t)));
    }
    if let Some(t) = status.completion_time {
        w.write(0, &format!("Completed At:\t{}\n", rfc1123z(c, t)));
    }
    if let (Some(s), Some(e)) = (status.start_time, status.completion_time) {
        w.write(0, &format!("Duration:\t{}\n", between(s, e)));
    }
    if let Some(ads) = spec.active_deadline_seconds {
        w.write(0, &format!("Active Deadline Seconds:\t{ads}s\n"));
    }
    match status.ready {
        None => w.write(
            0,
            &format!(
                "Pods Statuses:\t{} Active / {} Succeeded / {} Failed\n",
                status.active, status.succeeded, status.failed
            ),
        ),
        Some(r) => w.write(
            0,
            &format!(
                "Pods Statuses:\t{} Active ({r} Ready) / {} Succeeded / {} Failed\n",
                status.active, status.succeeded, status.failed
            ),
        ),
    }
    if spec.is_indexed() {
        let idx = status.completed_indexes.as_deref().unwrap_or("");
        w.write(
            0,
            &format!(
                "Completed Indexes:\t{}\n",
                cap_indexes_list_or_none(idx, 50)
            ),
        );
    }
    describe_pod_template(w, spec.template.as_ref());
}

fn write_cronjob(w: &mut PrefixWriter, c: &Cluster, cj: &CronJob) {
    let spec = &cj.spec;
    w.write(0, &format!("Name:\t{}\n", cj.name()));
    w.write(0, &format!("Namespace:\t{}\n", cj.metadata.namespace()));
    print_labels(w, "Labels", cj.metadata.labels.as_ref());
    print_annotations(w, "Annotations", cj.metadata.annotations.as_ref());
    w.write(
        0,
        &format!("Schedule:\t{}\n", spec.schedule.as_deref().unwrap_or("")),
    );
    let policy = spec
        .concurrency_policy
        .as_ref()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    w.write(0, &format!("Concurrency Policy:\t{policy}\n"));
    w.write(0, &format!("Suspend:\t{}\n", bool_ptr(spec.suspend)));
    match spec.successful_jobs_history_limit {
        Some(n) => w.write(0, &format!("Successful Job History Limit:\t{n}\n")),
        None => w.write(0, "Successful Job History Limit:\t<unset>\n"),
    }
    match spec.failed_jobs_history_limit {
        Some(n) => w.write(0, &format!("Failed Job History Limit:\t{n}\n")),
        None => w.write(0, "Failed Job History Limit:\t<unset>\n"),
    }
    match spec.starting_deadline_seconds {
        Some(n) => w.write(0, &format!("Starting Deadline Seconds:\t{n}s\n")),
        None => w.write(0, "Starting Deadline Seconds:\t<unset>\n"),
    }
    // describeJobTemplate.
    let jspec = spec.job_template.as_ref().and_then(|t| t.spec.as_ref());
    match jspec.and_then(|s| s.selector.as_ref()) {
        Some(sel) => w.write(0, &format!("Selector:\t{}\n", selector_string(sel))),
        None => w.write(0, "Selector:\t<unset>\n"),
    }
    match jspec.and_then(|s| s.parallelism) {
        Some(p) => w.write(0, &format!("Parallelism:\t{p}\n")),
        None => w.write(0, "Parallelism:\t<unset>\n"),
    }
    match jspec.and_then(|s| s.completions) {
        Some(n) => w.write(0, &format!("Completions:\t{n}\n")),
        None => w.write(0, "Completions:\t<unset>\n"),
    }
    if let Some(ads) = jspec.and_then(|s| s.active_deadline_seconds) {
        w.write(0, &format!("Active Deadline Seconds:\t{ads}s\n"));
    }
    // A template-less Job template still prints an (empty) pod template.
    let empty = PodTemplateSpec::default();
    describe_pod_template(
        w,
        Some(jspec.and_then(|s| s.template.as_ref()).unwrap_or(&empty)),
    );
    match cj.status.last_schedule_time {
        Some(t) => w.write(0, &format!("Last Schedule Time:\t{}\n", rfc1123z(c, t))),
        None => w.write(0, "Last Schedule Time:\t<unset>\n"),
    }
    w.write(0, "Active Jobs:\t");
    if cj.status.active.is_empty() {
        w.line("<none>");
    } else {
        let names: Vec<&str> = cj.status.active.iter().map(|r| r.name.as_str()).collect();
        w.write(0, &names.join(", "));
        w.line("");
    }
}

fn bool_ptr(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "True",
        Some(false) => "False",
        None => "<unset>",
    }
}

/// `capIndexesListOrNone`: cut a long interval list after the first comma at or
/// past `soft_limit` characters.
pub fn cap_indexes_list_or_none(indexes: &str, soft_limit: usize) -> String {
    if indexes.is_empty() {
        return "<none>".into();
    }
    let bytes = indexes.as_bytes();
    let mut ix = soft_limit;
    while ix < bytes.len() && bytes.get(ix) != Some(&b',') {
        ix += 1;
    }
    if ix >= bytes.len() {
        return indexes.to_string();
    }
    format!("{}...", indexes.get(..=ix).unwrap_or(indexes))
}

/// `printLabelsMultiline`.
fn print_labels(w: &mut PrefixWriter, title: &str, labels: Option<&BTreeMap<String, String>>) {
    w.write(0, &format!("{title}:\t"));
    let labels = match labels {
        Some(l) if !l.is_empty() => l,
        _ => {
            w.line("<none>");
            return;
        }
    };
    for (i, (k, v)) in labels.iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        w.write(0, &format!("{k}={v}\n"));
    }
}

/// `printAnnotationsMultiline`.
fn print_annotations(
    w: &mut PrefixWriter,
    title: &str,
    annotations: Option<&BTreeMap<String, String>>,
) {
    w.write(0, &format!("{title}:\t"));
    let keys: Vec<(&String, &String)> = annotations
        .into_iter()
        .flatten()
        .filter(|(k, _)| !SKIP_ANNOTATIONS.contains(&k.as_str()))
        .collect();
    if keys.is_empty() {
        w.line("<none>");
        return;
    }
    for (i, (k, v)) in keys.into_iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        let value = v.strip_suffix('\n').unwrap_or(v);
        if value.len() + k.len() + 2 > MAX_ANNOTATION_LEN || value.contains('\n') {
            w.write(0, &format!("{k}:\n"));
            for s in value.split('\n') {
                w.write(0, &format!("\t  {}\n", shorten(s, MAX_ANNOTATION_LEN - 2)));
            }
        } else {
            w.write(0, &format!("{k}: {value}\n"));
        }
    }
}

/// Go's `shorten`: cut at a byte length (kept on a character boundary here).
fn shorten(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", s.get(..end).unwrap_or(s))
}

/// `DescribePodTemplate`.
fn describe_pod_template(w: &mut PrefixWriter, template: Option<&PodTemplateSpec>) {
    w.write(0, "Pod Template:\n");
    let Some(t) = template else {
        w.write(1, "<unset>");
        return;
    };
    let meta = t.metadata.as_ref();
    print_labels(w, "  Labels", meta.and_then(|m| m.labels.as_ref()));
    if let Some(a) = meta.and_then(|m| m.annotations.as_ref()) {
        if !a.is_empty() {
            print_annotations(w, "  Annotations", Some(a));
        }
    }
    let default_spec = Default::default();
    let spec = t.spec.as_ref().unwrap_or(&default_spec);
    if let Some(sa) = spec
        .service_account_name
        .as_deref()
        .filter(|s| !s.is_empty())
    {
        w.write(1, &format!("Service Account:\t{sa}\n"));
    }
    if !spec.init_containers().is_empty() {
        describe_containers(w, "Init Containers", spec.init_containers());
    }
    describe_containers(w, "Containers", spec.containers());
    describe_volumes(w, spec.volumes.as_deref());
    describe_topology_spread(w, spec.topology_spread_constraints.as_deref());
    if let Some(pc) = spec
        .priority_class_name
        .as_deref()
        .filter(|s| !s.is_empty())
    {
        w.write(1, &format!("Priority Class Name:\t{pc}\n"));
    }
    print_labels(w, "  Node-Selectors", spec.node_selector.as_ref());
    print_tolerations(w, "  Tolerations", spec.tolerations.as_deref());
}

fn describe_containers(w: &mut PrefixWriter, label: &str, containers: &[Container]) {
    let none = if containers.is_empty() { " <none>" } else { "" };
    w.write(0, &format!("  {label}:{none}\n"));
    for c in containers {
        w.write(1, &format!(" {}:\n", c.name()));
        w.write(
            2,
            &format!("Image:\t{}\n", c.image.as_deref().unwrap_or("")),
        );
        let ports = arr(c.ports.as_deref());
        let port_of = |p: &Value, field: &str| {
            format!(
                "{}/{}",
                p.get(field).and_then(Value::as_i64).unwrap_or(0),
                p.get("protocol").and_then(Value::as_str).unwrap_or("TCP")
            )
        };
        let port_string = ports
            .iter()
            .map(|p| port_of(p, "containerPort"))
            .collect::<Vec<_>>()
            .join(", ");
        if port_string.contains(',') {
            w.write(2, &format!("Ports:\t{port_string}\n"));
        } else {
            w.write(2, &format!("Port:\t{}\n", or_none(&port_string)));
        }
        let host_ports = ports
            .iter()
            .map(|p| port_of(p, "hostPort"))
            .collect::<Vec<_>>()
            .join(", ");
        if host_ports.contains(',') {
            w.write(2, &format!("Host Ports:\t{host_ports}\n"));
        } else {
            w.write(2, &format!("Host Port:\t{}\n", or_none(&host_ports)));
        }
        if let Some(sp) = c
            .security_context
            .as_ref()
            .and_then(|s| s.get("seccompProfile"))
        {
            let ty = sp.get("type").map(scalar).unwrap_or_default();
            w.write(2, &format!("SeccompProfile:\t{ty}\n"));
            if ty == "Localhost" {
                let p = sp.get("localhostProfile").map(scalar).unwrap_or_default();
                w.write(3, &format!("LocalhostProfile:\t{p}\n"));
            }
        }
        let command = c.command.as_deref().unwrap_or(&[]);
        if !command.is_empty() {
            w.write(2, "Command:\n");
            for s in command.iter().flat_map(|x| x.split('\n')) {
                w.write(3, &format!("{s}\n"));
            }
        }
        let args = c.args.as_deref().unwrap_or(&[]);
        if !args.is_empty() {
            w.write(2, "Args:\n");
            for s in args.iter().flat_map(|x| x.split('\n')) {
                w.write(3, &format!("{s}\n"));
            }
        }
        describe_resources(w, c.resources.as_deref());
        for (title, probe) in [
            ("Liveness", &c.liveness_probe),
            ("Readiness", &c.readiness_probe),
            ("Startup", &c.startup_probe),
        ] {
            if let Some(p) = probe {
                w.write(2, &format!("{title}:\t{}\n", describe_probe(p)));
            }
        }
        let env_from = arr(c.env_from.as_deref());
        if !env_from.is_empty() {
            w.write(2, "Environment Variables from:\n");
            for e in env_from {
                let (from, r) = if let Some(r) = e.get("configMapRef") {
                    ("ConfigMap", Some(r))
                } else if let Some(r) = e.get("secretRef") {
                    ("Secret", Some(r))
                } else {
                    ("", None)
                };
                let name = r
                    .and_then(|r| r.get("name"))
                    .map(scalar)
                    .unwrap_or_default();
                let optional = r
                    .and_then(|r| r.get("optional"))
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                match e.get("prefix").map(scalar).filter(|p| !p.is_empty()) {
                    None => w.write(3, &format!("{name}\t{from}\tOptional: {optional}\n")),
                    Some(p) => w.write(
                        3,
                        &format!("{name}\t{from} with prefix '{p}'\tOptional: {optional}\n"),
                    ),
                }
            }
        }
        describe_env(w, c);
        describe_mounts(w, c);
    }
}

fn arr(v: Option<&Value>) -> Vec<&Value> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn or_none(s: &str) -> &str {
    if s.is_empty() {
        "<none>"
    } else {
        s
    }
}

fn describe_resources(w: &mut PrefixWriter, resources: Option<&Value>) {
    let Some(r) = resources else { return };
    for (title, field) in [("Limits", "limits"), ("Requests", "requests")] {
        let Some(map) = r.get(field).and_then(Value::as_object) else {
            continue;
        };
        if map.is_empty() {
            continue;
        }
        w.write(2, &format!("{title}:\n"));
        let mut names: Vec<&String> = map.keys().collect();
        crate::sort::sort(&mut names);
        for n in names {
            let q = map.get(n).map(scalar).unwrap_or_default();
            w.write(3, &format!("{n}:\t{q}\n"));
        }
    }
}

/// `DescribeProbe`, with the API defaults for unset numbers.
fn describe_probe(p: &Value) -> String {
    let num = |f: &str, d: i64| p.get(f).and_then(Value::as_i64).unwrap_or(d);
    let attrs = format!(
        "delay={}s timeout={}s period={}s #success={} #failure={}",
        num("initialDelaySeconds", 0),
        num("timeoutSeconds", 1),
        num("periodSeconds", 10),
        num("successThreshold", 1),
        num("failureThreshold", 3)
    );
    if let Some(e) = p.get("exec") {
        let cmd: Vec<String> = arr(e.get("command")).into_iter().map(scalar).collect();
        return format!("exec [{}] {attrs}", cmd.join(" "));
    }
    if let Some(h) = p.get("httpGet") {
        let scheme = h
            .get("scheme")
            .map(scalar)
            .unwrap_or_else(|| "HTTP".into())
            .to_lowercase();
        let host = h.get("host").map(scalar).unwrap_or_default();
        let port = h.get("port").map(scalar).unwrap_or_default();
        let hostport = if port.is_empty() {
            host
        } else if host.contains(':') {
            format!("[{host}]:{port}")
        } else {
            format!("{host}:{port}")
        };
        let path = h.get("path").map(scalar).unwrap_or_default();
        return format!("http-get {scheme}://{hostport}{path} {attrs}");
    }
    if let Some(t) = p.get("tcpSocket") {
        let host = t.get("host").map(scalar).unwrap_or_default();
        let port = t.get("port").map(scalar).unwrap_or_default();
        return format!("tcp-socket {host}:{port} {attrs}");
    }
    if let Some(g) = p.get("grpc") {
        let port = g.get("port").map(scalar).unwrap_or_default();
        let service = g.get("service").map(scalar).unwrap_or_default();
        return format!("grpc <pod>:{port} {service} {attrs}");
    }
    format!("unknown {attrs}")
}

/// `describeContainerEnvVars` for a template (values from the downward API are
/// not resolved: kubectl shows them empty).
fn describe_env(w: &mut PrefixWriter, c: &Container) {
    let env = c.env();
    let none = if env.is_empty() { "\t<none>" } else { "" };
    w.write(2, &format!("Environment:{none}\n"));
    for e in env {
        let Some(from) = &e.value_from else {
            let value = e.value.as_deref().unwrap_or("");
            for (i, s) in value.split('\n').enumerate() {
                if i == 0 {
                    w.write(3, &format!("{}:\t{s}\n", e.name));
                } else {
                    w.write(3, &format!("\t{s}\n"));
                }
            }
            continue;
        };
        if let Some(f) = from.get("fieldRef") {
            let api = f
                .get("apiVersion")
                .map(scalar)
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "v1".into());
            let path = f.get("fieldPath").map(scalar).unwrap_or_default();
            w.write(3, &format!("{}:\t ({api}:{path})\n", e.name));
        } else if let Some(r) = from.get("resourceFieldRef") {
            let resource = r.get("resource").map(scalar).unwrap_or_default();
            let value = container_resource_value(c, &resource);
            let value = if value == "0" && (resource == "limits.cpu" || resource == "limits.memory")
            {
                "node allocatable".to_string()
            } else {
                value
            };
            w.write(3, &format!("{}:\t{value} ({resource})\n", e.name));
        } else if let Some(s) = from.get("secretKeyRef") {
            let key = s.get("key").map(scalar).unwrap_or_default();
            let name = s.get("name").map(scalar).unwrap_or_default();
            let optional = s.get("optional").and_then(Value::as_bool).unwrap_or(false);
            w.write(
                3,
                &format!(
                    "{}:\t<set to the key '{key}' in secret '{name}'>\tOptional: {optional}\n",
                    e.name
                ),
            );
        } else if let Some(s) = from.get("configMapKeyRef") {
            let key = s.get("key").map(scalar).unwrap_or_default();
            let name = s.get("name").map(scalar).unwrap_or_default();
            let optional = s.get("optional").and_then(Value::as_bool).unwrap_or(false);
            w.write(
                3,
                &format!(
                    "{}:\t<set to the key '{key}' of config map '{name}'>\tOptional: {optional}\n",
                    e.name
                ),
            );
        }
    }
}

/// The container's own value of `limits.cpu`, `requests.memory` ... ("0" if unset).
fn container_resource_value(c: &Container, resource: &str) -> String {
    let Some((kind, name)) = resource.split_once('.') else {
        return String::new();
    };
    c.resources
        .as_ref()
        .and_then(|r| r.get(kind))
        .and_then(|m| m.get(name))
        .map(scalar)
        .unwrap_or_else(|| "0".into())
}

fn describe_mounts(w: &mut PrefixWriter, c: &Container) {
    let mut mounts = arr(c.volume_mounts.as_deref());
    let none = if mounts.is_empty() { "\t<none>" } else { "" };
    w.write(2, &format!("Mounts:{none}\n"));
    let path = |m: &Value| m.get("mountPath").map(scalar).unwrap_or_default();
    super::gosort::sort(&mut mounts, |a, b| path(a) < path(b));
    for m in mounts {
        let mut flags = vec![
            if m.get("readOnly").and_then(Value::as_bool) == Some(true) {
                "ro".to_string()
            } else {
                "rw".to_string()
            },
        ];
        if let Some(sp) = m.get("subPath").map(scalar).filter(|s| !s.is_empty()) {
            flags.push(format!("path={}", go_quote(&sp)));
        }
        let name = m.get("name").map(scalar).unwrap_or_default();
        w.write(
            3,
            &format!("{} from {name} ({})\n", path(m), flags.join(",")),
        );
    }
    let mut devices = arr(c.volume_devices.as_deref());
    if !devices.is_empty() {
        w.write(2, "Devices:\n");
        let dpath = |d: &Value| d.get("devicePath").map(scalar).unwrap_or_default();
        super::gosort::sort(&mut devices, |a, b| dpath(a) < dpath(b));
        for d in devices {
            let name = d.get("name").map(scalar).unwrap_or_default();
            w.write(3, &format!("{} from {name}\n", dpath(d)));
        }
    }
}

/// `describeVolumes` for a pod template (indented by two spaces).
fn describe_volumes(w: &mut PrefixWriter, volumes: Option<&Value>) {
    let volumes = arr(volumes);
    if volumes.is_empty() {
        w.write(0, "  Volumes:\t<none>\n");
        return;
    }
    w.write(0, "  Volumes:\n");
    for v in volumes {
        let name = v.get("name").map(scalar).unwrap_or_default();
        w.write(1, &format!(" {name}:\n"));
        let s = |o: &Value, f: &str| o.get(f).map(scalar).unwrap_or_default();
        let b = |o: &Value, f: &str| o.get(f).and_then(Value::as_bool).unwrap_or(false);
        if let Some(h) = v.get("hostPath") {
            let ty = h.get("type").map(scalar).unwrap_or_else(|| "<none>".into());
            w.write(
                2,
                &format!(
                    "Type:\tHostPath (bare host directory volume)\n    Path:\t{}\n    HostPathType:\t{ty}\n",
                    s(h, "path")
                ),
            );
        } else if let Some(e) = v.get("emptyDir") {
            let size = e
                .get("sizeLimit")
                .map(scalar)
                .filter(|x| !x.is_empty() && x != "0")
                .unwrap_or_else(|| "<unset>".into());
            w.write(
                2,
                &format!(
                    "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t{}\n    SizeLimit:\t{size}\n",
                    s(e, "medium")
                ),
            );
        } else if let Some(x) = v.get("secret") {
            w.write(
                2,
                &format!(
                    "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t{}\n    Optional:\t{}\n",
                    s(x, "secretName"),
                    b(x, "optional")
                ),
            );
        } else if let Some(x) = v.get("configMap") {
            w.write(
                2,
                &format!(
                    "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t{}\n    Optional:\t{}\n",
                    s(x, "name"),
                    b(x, "optional")
                ),
            );
        } else if let Some(x) = v.get("nfs") {
            w.write(
                2,
                &format!(
                    "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t{}\n    Path:\t{}\n    ReadOnly:\t{}\n",
                    s(x, "server"),
                    s(x, "path"),
                    b(x, "readOnly")
                ),
            );
        } else if let Some(x) = v.get("persistentVolumeClaim") {
            w.write(
                2,
                &format!(
                    "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t{}\n    ReadOnly:\t{}\n",
                    s(x, "claimName"),
                    b(x, "readOnly")
                ),
            );
        } else if v.get("ephemeral").is_some() {
            w.write(
                2,
                "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n",
            );
        } else if let Some(x) = v.get("downwardAPI") {
            w.write(
                2,
                "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n",
            );
            for item in arr(x.get("items")) {
                let path = s(item, "path");
                if let Some(f) = item.get("fieldRef") {
                    w.write(3, &format!("{} -> {path}\n", s(f, "fieldPath")));
                }
                if let Some(r) = item.get("resourceFieldRef") {
                    w.write(3, &format!("{} -> {path}\n", s(r, "resource")));
                }
            }
        } else if let Some(x) = v.get("projected") {
            w.write(
                2,
                "Type:\tProjected (a volume that contains injected data from multiple sources)\n",
            );
            for src in arr(x.get("sources")) {
                if let Some(sec) = src.get("secret") {
                    w.write(
                        2,
                        &format!(
                            "SecretName:\t{}\n    Optional:\t{}\n",
                            s(sec, "name"),
                            b(sec, "optional")
                        ),
                    );
                } else if src.get("downwardAPI").is_some() {
                    w.write(2, "DownwardAPI:\ttrue\n");
                } else if let Some(cm) = src.get("configMap") {
                    w.write(
                        2,
                        &format!(
                            "ConfigMapName:\t{}\n    Optional:\t{}\n",
                            s(cm, "name"),
                            b(cm, "optional")
                        ),
                    );
                } else if let Some(t) = src.get("serviceAccountToken") {
                    let exp = t
                        .get("expirationSeconds")
                        .and_then(Value::as_i64)
                        .unwrap_or(3600);
                    w.write(2, &format!("TokenExpirationSeconds:\t{exp}\n"));
                }
            }
        } else if let Some(x) = v.get("csi") {
            w.write(
                2,
                &format!(
                    "Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t{}\n    FSType:\t{}\n    ReadOnly:\t{}\n",
                    s(x, "driver"),
                    s(x, "fsType"),
                    b(x, "readOnly")
                ),
            );
        } else if let Some(x) = v.get("image") {
            w.write(
                2,
                &format!(
                    "Type:\tImage (a container image or OCI artifact)\n    Reference:\t{}\n    PullPolicy:\t{}\n",
                    s(x, "reference"),
                    s(x, "pullPolicy")
                ),
            );
        } else {
            w.write(1, "<unknown>\n");
        }
    }
}

fn describe_topology_spread(w: &mut PrefixWriter, tscs: Option<&Value>) {
    let mut tscs = arr(tscs);
    if tscs.is_empty() {
        return;
    }
    let key = |t: &Value| t.get("topologyKey").map(scalar).unwrap_or_default();
    super::gosort::sort(&mut tscs, |a, b| key(a) < key(b));
    w.write(0, "  Topology Spread Constraints:\t");
    for (i, t) in tscs.into_iter().enumerate() {
        if i != 0 {
            w.write(0, "  \t");
        }
        w.write(0, &format!("{}:", key(t)));
        w.write(
            0,
            &t.get("whenUnsatisfiable").map(scalar).unwrap_or_default(),
        );
        w.write(
            0,
            &format!(
                " when max skew {} is exceeded",
                t.get("maxSkew").and_then(Value::as_i64).unwrap_or(0)
            ),
        );
        if let Some(sel) = t.get("labelSelector").and_then(|s| {
            crate::api::decode::decode::<crate::api::LabelSelector>(&crate::api::decode::from_json(
                s,
            ))
            .ok()
            .map(|(sel, _)| sel)
        }) {
            let text = selector_string(&sel);
            let text = if text.is_empty() {
                "<none>".into()
            } else {
                text
            };
            w.write(0, &format!(" for selector {text}"));
        }
        w.write(0, "\n");
    }
}

/// `printTolerationsMultilineWithIndent`.
fn print_tolerations(w: &mut PrefixWriter, title: &str, tolerations: Option<&Value>) {
    w.write(0, &format!("{title}:\t"));
    let mut list = arr(tolerations);
    if list.is_empty() {
        w.line("<none>");
        return;
    }
    let key = |t: &Value| t.get("key").map(scalar).unwrap_or_default();
    super::gosort::sort(&mut list, |a, b| key(a) < key(b));
    for (i, t) in list.into_iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        let k = key(t);
        let value = t.get("value").map(scalar).unwrap_or_default();
        let effect = t.get("effect").map(scalar).unwrap_or_default();
        let mut s = k.clone();
        if !value.is_empty() {
            s.push_str(&format!("={value}"));
        }
        if !effect.is_empty() {
            s.push_str(&format!(":{effect}"));
        }
        if t.get("operator").map(scalar).as_deref() == Some("Exists") && value.is_empty() {
            if !k.is_empty() || !effect.is_empty() {
                s.push_str(" op=Exists");
            } else {
                s.push_str("op=Exists");
            }
        }
        if let Some(secs) = t.get("tolerationSeconds").and_then(Value::as_i64) {
            s.push_str(&format!(" for {secs}s"));
        }
        w.write(0, &format!("{s}\n"));
    }
}

/// `DescribeEvents`: the Events about the object as the API holds them now.
fn describe_events<'a>(
    w: &mut PrefixWriter,
    c: &Cluster,
    recorded: impl Iterator<Item = &'a crate::cluster::store::Event>,
) {
    let list = sorted_for_describe(api_events(recorded, c.now));
    if list.is_empty() {
        w.write(0, "Events:\t<none>\n");
        return;
    }
    w.flush();
    w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
    w.write(1, "----\t------\t----\t----\t-------\n");
    for e in list {
        let first = age(c.now, e.first_timestamp);
        let interval = if e.count > 1 {
            format!(
                "{} (x{} over {first})",
                age(c.now, e.last_timestamp),
                e.count
            )
        } else {
            first
        };
        w.write(
            1,
            &format!(
                "{}\t{}\t{interval}\t{}\t{}\n",
                e.type_,
                e.reason,
                e.source,
                e.message.trim()
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completed_indexes_are_capped_at_a_comma() {
        assert_eq!(cap_indexes_list_or_none("", 50), "<none>");
        assert_eq!(cap_indexes_list_or_none("0-9", 50), "0-9");
        let long: Vec<String> = (0..40).map(|i| (i * 2).to_string()).collect();
        let long = long.join(",");
        let capped = cap_indexes_list_or_none(&long, 50);
        assert!(capped.ends_with(",..."));
        assert_eq!(
            capped,
            format!("{}...", &long[..=long[50..].find(',').unwrap() + 50])
        );
    }
}
