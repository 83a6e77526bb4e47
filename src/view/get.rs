//! `kubectl get pods`, `kubectl get jobs` and `kubectl get cronjobs`: the rows of
//! kubectl's table printers (pkg/printers/internalversion `printPod`, `printJob`,
//! `printCronJob`), listed in name order as the API server lists them, laid out
//! by Go's tabwriter as kubectl's human-readable printer does.

use super::common::{age, between, selector_string};
use super::tabwriter::{escape_terminal, TabWriter};
use crate::api::{ContainerState, Job, JobConditionType, Pod, PodPhase};
use crate::cluster::Cluster;

/// A table: header and rows of cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The table as kubectl prints it; empty when there are no rows (kubectl then
    /// says `No resources found in NS namespace.` on stderr).
    pub fn render(&self) -> String {
        if self.rows.is_empty() {
            return String::new();
        }
        let mut tw = TabWriter::table();
        for line in std::iter::once(&self.header).chain(self.rows.iter()) {
            let cells: Vec<String> = line.iter().map(|c| escape_terminal(c)).collect();
            tw.write(&cells.join("\t"));
            tw.write("\n");
        }
        tw.finish()
    }
}

/// The namespace the simulation's objects live in.
pub fn namespace(c: &Cluster) -> String {
    match c.root {
        crate::cluster::Root::Job(j) => c.store.job(j).job.metadata.namespace().to_string(),
        crate::cluster::Root::CronJob => c
            .store
            .cronjob
            .as_ref()
            .map(|cj| cj.metadata.namespace().to_string())
            .unwrap_or_else(|| "default".into()),
    }
}

/// kubectl's message for an empty list.
pub fn no_resources(c: &Cluster) -> String {
    format!("No resources found in {} namespace.\n", namespace(c))
}

/// `kubectl get pods`: every pod still in the API.
pub fn pods(c: &Cluster) -> Table {
    let mut list: Vec<&Pod> = c
        .store
        .pods()
        .map(|(_, p)| p)
        .filter(|p| p.removed_at.is_none() && p.created_at <= c.now)
        .map(|p| &*p.pod)
        .collect();
    crate::sort::sort_by(&mut list, |a, b| a.metadata.name().cmp(b.metadata.name()));
    Table {
        header: ["NAME", "READY", "STATUS", "RESTARTS", "AGE"]
            .map(String::from)
            .to_vec(),
        rows: list.into_iter().map(|p| pod_row(p, c)).collect(),
    }
}

/// One row of `kubectl get pods` (`printPod`).
pub fn pod_row(pod: &Pod, c: &Cluster) -> Vec<String> {
    let now = c.now;
    let st = &pod.status;
    let init_specs = pod.spec.init_containers();
    let restartable = |name: &str| {
        init_specs
            .iter()
            .any(|ic| ic.name() == name && ic.restart_policy.as_deref() == Some("Always"))
    };
    let mut restarts: i64 = 0;
    let mut restartable_restarts: i64 = 0;
    let mut total = pod.spec.containers().len();
    let mut ready = 0usize;
    let mut last_restart: Option<crate::api::Time> = None;
    let mut last_restartable_restart: Option<crate::api::Time> = None;
    let later = |a: Option<crate::api::Time>, b: crate::api::Time| {
        // Go compares whole-second timestamps with Before.
        match a {
            Some(x) if x.0 / 1000 >= b.0 / 1000 => Some(x),
            _ => Some(b),
        }
    };
    let mut reason = st.phase.as_str().to_string();
    if let Some(r) = st.reason.as_deref().filter(|r| !r.is_empty()) {
        reason = r.to_string();
    }
    if st
        .conditions
        .iter()
        .any(|c| c.type_ == "PodScheduled" && c.reason.as_deref() == Some("SchedulingGated"))
    {
        reason = "SchedulingGated".into();
    }
    total += init_specs
        .iter()
        .filter(|ic| ic.restart_policy.as_deref() == Some("Always"))
        .count();

    let mut initializing = false;
    let n_init = init_specs.len();
    for (i, cs) in st.init_container_statuses.iter().enumerate() {
        restarts += cs.restart_count as i64;
        if let Some(ContainerState::Terminated { finished_at, .. }) = &cs.last_state {
            last_restart = later(last_restart, *finished_at);
        }
        let is_restartable = restartable(&cs.name);
        if is_restartable {
            restartable_restarts += cs.restart_count as i64;
            if let Some(ContainerState::Terminated { finished_at, .. }) = &cs.last_state {
                last_restartable_restart = later(last_restartable_restart, *finished_at);
            }
        }
        match &cs.state {
            ContainerState::Terminated { exit_code: 0, .. } => continue,
            _ if is_restartable && cs.started => {
                if cs.ready {
                    ready += 1;
                }
                continue;
            }
            ContainerState::Terminated {
                exit_code,
                reason: r,
                ..
            } => {
                reason = if r.is_empty() {
                    format!("Init:ExitCode:{exit_code}")
                } else {
                    format!("Init:{r}")
                };
                initializing = true;
            }
            ContainerState::Waiting { reason: r, .. }
                if !r.is_empty() && r != "PodInitializing" =>
            {
                reason = format!("Init:{r}");
                initializing = true;
            }
            _ => {
                reason = format!("Init:{i}/{n_init}");
                initializing = true;
            }
        }
        break;
    }

    let initialized = st
        .conditions
        .iter()
        .any(|c| c.type_ == "Initialized" && c.status == "True");
    if !initializing || initialized {
        restarts = restartable_restarts;
        last_restart = last_restartable_restart;
        let mut has_running = false;
        for cs in st.container_statuses.iter().rev() {
            restarts += cs.restart_count as i64;
            if let Some(ContainerState::Terminated { finished_at, .. }) = &cs.last_state {
                last_restart = later(last_restart, *finished_at);
            }
            match &cs.state {
                ContainerState::Waiting { reason: r, .. } if !r.is_empty() => {
                    reason = r.clone();
                }
                ContainerState::Terminated {
                    reason: r,
                    exit_code,
                    ..
                } => {
                    reason = if r.is_empty() {
                        format!("ExitCode:{exit_code}")
                    } else {
                        r.clone()
                    };
                }
                ContainerState::Running { .. } if cs.ready => {
                    has_running = true;
                    ready += 1;
                }
                _ => {}
            }
        }
        if reason == "Completed" && has_running {
            reason = if st.is_ready() {
                "Running".into()
            } else {
                "NotReady".into()
            };
        }
    }

    let deleting = pod.metadata.deletion_timestamp.is_some();
    if deleting && st.reason.as_deref() == Some("NodeLost") {
        reason = "Unknown".into();
    } else if deleting && !matches!(st.phase, PodPhase::Succeeded | PodPhase::Failed) {
        reason = "Terminating".into();
    }

    let restarts_str = match last_restart {
        Some(t) if restarts != 0 => format!("{restarts} ({} ago)", age(now, t)),
        _ => restarts.to_string(),
    };
    vec![
        pod.metadata.name().to_string(),
        format!("{ready}/{total}"),
        reason,
        restarts_str,
        age(now, pod.metadata.creation_timestamp.unwrap_or_default()),
    ]
}

/// `kubectl get jobs` (kubectl ≥ 1.30 columns); `wide` adds CONTAINERS, IMAGES, SELECTOR.
pub fn jobs(c: &Cluster, wide: bool) -> Table {
    let mut list: Vec<&Job> = c
        .store
        .jobs()
        .map(|(_, j)| j)
        .filter(|j| j.removed_at.is_none())
        .map(|j| &j.job)
        .collect();
    crate::sort::sort_by(&mut list, |a, b| a.name().cmp(b.name()));
    let mut header: Vec<String> = ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"]
        .map(String::from)
        .to_vec();
    if wide {
        header.extend(["CONTAINERS", "IMAGES", "SELECTOR"].map(String::from));
    }
    Table {
        header,
        rows: list.into_iter().map(|j| job_row(j, c, wide)).collect(),
    }
}

/// kubectl's `hasJobCondition`: the first condition of that type decides.
fn has_condition(job: &Job, t: JobConditionType) -> bool {
    job.status
        .conditions
        .iter()
        .find(|c| c.type_ == t)
        .is_some_and(|c| c.status == "True")
}

/// One row of `kubectl get jobs` (`printJob`).
pub fn job_row(job: &Job, c: &Cluster, wide: bool) -> Vec<String> {
    let spec = &job.spec;
    let st = &job.status;
    let completions = match spec.completions {
        Some(n) => format!("{}/{n}", st.succeeded),
        None => {
            let p = spec.parallelism.unwrap_or(0);
            if p > 1 {
                format!("{}/1 of {p}", st.succeeded)
            } else {
                format!("{}/1", st.succeeded)
            }
        }
    };
    let duration = match (st.start_time, st.completion_time) {
        (None, _) => String::new(),
        (Some(s), None) => age(c.now, s),
        (Some(s), Some(e)) => between(s, e),
    };
    let status = if has_condition(job, JobConditionType::Complete) {
        "Complete"
    } else if has_condition(job, JobConditionType::Failed) {
        "Failed"
    } else if job.metadata.deletion_timestamp.is_some() {
        "Terminating"
    } else if has_condition(job, JobConditionType::Suspended) {
        "Suspended"
    } else if has_condition(job, JobConditionType::FailureTarget) {
        "FailureTarget"
    } else {
        "Running"
    };
    let mut row = vec![
        job.name().to_string(),
        status.to_string(),
        completions,
        duration,
        age(c.now, job.metadata.creation_timestamp.unwrap_or_default()),
    ];
    if wide {
        let containers = spec.template_spec().map(|s| s.containers()).unwrap_or(&[]);
        let (names, images) = container_cells(containers);
        row.push(names);
        row.push(images);
        row.push(
            spec.selector
                .as_ref()
                .map(format_label_selector)
                .unwrap_or_else(|| "<none>".into()),
        );
    }
    row
}

/// `metav1.FormatLabelSelector`.
fn format_label_selector(sel: &crate::api::LabelSelector) -> String {
    let s = selector_string(sel);
    if s.is_empty() {
        "<none>".into()
    } else {
        s
    }
}

/// `layoutContainerCells`: names and images joined with commas.
fn container_cells(containers: &[crate::api::Container]) -> (String, String) {
    let names: Vec<&str> = containers.iter().map(|c| c.name()).collect();
    let images: Vec<&str> = containers
        .iter()
        .map(|c| c.image.as_deref().unwrap_or(""))
        .collect();
    (names.join(","), images.join(","))
}

/// `kubectl get cronjobs`; `wide` adds CONTAINERS, IMAGES, SELECTOR.
pub fn cronjobs(c: &Cluster, wide: bool) -> Table {
    let mut header: Vec<String> = [
        "NAME",
        "SCHEDULE",
        "TIMEZONE",
        "SUSPEND",
        "ACTIVE",
        "LAST SCHEDULE",
        "AGE",
    ]
    .map(String::from)
    .to_vec();
    if wide {
        header.extend(["CONTAINERS", "IMAGES", "SELECTOR"].map(String::from));
    }
    let rows = c
        .store
        .cronjob
        .iter()
        .map(|cj| {
            let spec = &cj.spec;
            let mut row = vec![
                cj.name().to_string(),
                spec.schedule.clone().unwrap_or_default(),
                spec.time_zone.clone().unwrap_or_else(|| "<none>".into()),
                match spec.suspend {
                    Some(true) => "True".into(),
                    Some(false) => "False".into(),
                    None => "<unset>".into(),
                },
                cj.status.active.len().to_string(),
                cj.status
                    .last_schedule_time
                    .map(|t| age(c.now, t))
                    .unwrap_or_else(|| "<none>".into()),
                age(c.now, cj.metadata.creation_timestamp.unwrap_or_default()),
            ];
            if wide {
                let jspec = spec.job_template.as_ref().and_then(|t| t.spec.as_ref());
                let containers = jspec
                    .and_then(|s| s.template_spec())
                    .map(|s| s.containers())
                    .unwrap_or(&[]);
                let (names, images) = container_cells(containers);
                row.push(names);
                row.push(images);
                row.push(
                    jspec
                        .and_then(|s| s.selector.as_ref())
                        .map(format_label_selector)
                        .unwrap_or_else(|| "<none>".into()),
                );
            }
            row
        })
        .collect();
    Table { header, rows }
}
