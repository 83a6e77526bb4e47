//! `kubectl logs POD [-c CONTAINER]`: what the container printed, with the API
//! server's and kubelet's errors for pods and containers that have no logs.
//!
//! kubectl picks the pod's first container when none is named (saying so on
//! stderr when there are others); the kubelet serves the running container's
//! output, or the last one's while a container waits to restart
//! (`CrashLoopBackOff`), and refuses a container that never started.

use crate::api::{ContainerState, ContainerStatus, Time};
use crate::cluster::Cluster;

/// What `kubectl logs` printed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Logs {
    pub stdout: String,
    /// A notice on stderr (`Defaulted container ...`), printed before the logs.
    pub notice: String,
}

/// `kubectl logs POD [-c CONTAINER]` at the cluster's current time; the error is
/// kubectl's message (`Error from server (...): ...`).
pub fn logs(c: &Cluster, pod_name: &str, container: Option<&str>) -> Result<Logs, String> {
    let Some((idx, rec)) = c
        .store
        .pods()
        .find(|(_, p)| p.removed_at.is_none() && p.name() == pod_name)
    else {
        return Err(format!(
            "Error from server (NotFound): pods \"{pod_name}\" not found"
        ));
    };
    let pod = &rec.pod;
    let spec = &pod.spec;
    let mut notice = String::new();
    let (name, init) = match container {
        Some(n) => {
            if spec.containers().iter().any(|x| x.name() == n) {
                (n.to_string(), false)
            } else if spec.init_containers().iter().any(|x| x.name() == n) {
                (n.to_string(), true)
            } else {
                return Err(format!(
                    "Error from server (BadRequest): container {n} is not valid for pod {pod_name}"
                ));
            }
        }
        None => {
            let first = pod
                .metadata
                .annotation("kubectl.kubernetes.io/default-container")
                .filter(|d| spec.containers().iter().any(|x| x.name() == *d))
                .map(str::to_string)
                .or_else(|| spec.containers().first().map(|x| x.name().to_string()));
            let Some(first) = first else {
                return Err(format!(
                    "Error from server (BadRequest): a container name must be specified for pod {pod_name}"
                ));
            };
            if spec.containers().len() > 1 || !spec.init_containers().is_empty() {
                let mut all: Vec<String> = spec
                    .containers()
                    .iter()
                    .map(|x| x.name().to_string())
                    .collect();
                all.extend(
                    spec.init_containers()
                        .iter()
                        .map(|x| format!("{} (init)", x.name())),
                );
                notice = format!(
                    "Defaulted container \"{first}\" out of: {}\n",
                    all.join(", ")
                );
            }
            (first, false)
        }
    };
    let statuses = if init {
        &pod.status.init_container_statuses
    } else {
        &pod.status.container_statuses
    };
    let waiting = |reason: &str| {
        let why = match reason {
            "ErrImagePull" => "image can't be pulled".to_string(),
            "ImagePullBackOff" => "trying and failing to pull image".to_string(),
            r => r.to_string(),
        };
        Err(format!(
            "Error from server (BadRequest): container \"{name}\" in pod \"{pod_name}\" is waiting to start: {why}"
        ))
    };
    let Some(status) = statuses.iter().find(|s| s.name == name) else {
        return waiting("ContainerCreating");
    };
    if let ContainerState::Terminated { reason, .. } = &status.state {
        if reason == "ContainerStatusUnknown" && status.last_state.is_none() {
            return Err(format!(
                "Error from server (BadRequest): container \"{name}\" in pod \"{pod_name}\" is terminated"
            ));
        }
    }
    let Some((from, to)) = instance_window(status, c.now) else {
        return match &status.state {
            ContainerState::Waiting { reason, .. } => waiting(reason),
            _ => Err(format!(
                "Error from server (BadRequest): container \"{name}\" in pod \"{pod_name}\" is waiting to start - no logs yet"
            )),
        };
    };
    let index = if init {
        spec.init_containers().iter().position(|x| x.name() == name)
    } else {
        spec.containers().iter().position(|x| x.name() == name)
    };
    let mut stdout = String::new();
    let rt = c.kubelet.runtime(idx);
    let runtime = index.and_then(|i| {
        rt.and_then(|rt| {
            if init {
                rt.init_containers.get(i)
            } else {
                rt.containers.get(i)
            }
        })
    });
    for (t, line) in runtime.map(|r| r.logs.as_slice()).unwrap_or(&[]) {
        if *t >= from && *t <= to {
            stdout.push_str(&line.render());
            stdout.push('\n');
        }
    }
    Ok(Logs { stdout, notice })
}

/// The container instance `kubectl logs` reads (the kubelet's
/// `validateContainerLogStatus`): the running or terminated one, else the last
/// terminated one; None for a container that never ran.
fn instance_window(s: &ContainerStatus, now: Time) -> Option<(Time, Time)> {
    match (&s.state, &s.last_state) {
        (ContainerState::Running { started_at }, _) => Some((*started_at, now)),
        (
            ContainerState::Terminated {
                started_at,
                finished_at,
                ..
            },
            _,
        )
        | (
            _,
            Some(ContainerState::Terminated {
                started_at,
                finished_at,
                ..
            }),
        ) => Some((*started_at, *finished_at)),
        _ => None,
    }
}
