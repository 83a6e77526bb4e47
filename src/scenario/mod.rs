//! The Scenario document (`playground/v1` `Scenario`, see
//! `../shared/docs/scenario-format.md`): how simulated pods behave and which timed
//! actions happen to the workload. Also the scenario *file* (a workload plus an
//! optional Scenario), how container commands are read, and the digits of pi.

pub mod command;
pub mod duration;
pub mod file;
pub mod pi;
pub mod python;
pub mod selector;
pub mod validate;
pub mod walkthrough;

pub use duration::Seconds;
pub use file::{Diagnostic, ScenarioFile, Severity, Workload};
pub use selector::OrdinalList;

use crate::api::meta::ObjectMeta;
use serde::Serialize;

/// `apiVersion` of the Scenario document.
pub const API_VERSION: &str = "playground/v1";

/// A Scenario document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scenario {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub metadata: ObjectMeta,
    pub spec: ScenarioSpec,
}

impl Scenario {
    pub fn description(&self) -> Option<&str> {
        self.metadata.annotation("description")
    }
}

/// `spec` of a Scenario.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioSpec {
    /// Seeds pod-name suffixes, uids and any random choice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    /// Pod created -> Running (scheduling and image pull). Default 1 s.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_seconds: Option<Seconds>,
    /// Stop simulating at this virtual time if the workload has not finished. Default 3600 s.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop_after_seconds: Option<Seconds>,
    /// The virtual wall clock at t = 0 (RFC 3339, UTC). Default 2026-01-01T00:00:00Z.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pods: Vec<PodRule>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue: Option<WorkQueue>,
    /// A guided walk-through for workshops (a playground extension, see `walkthrough`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub walkthrough: Vec<walkthrough::Step>,
}

/// `spec.pods[]`: which pods a rule matches and what they do.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodRule {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<OrdinalList>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pod: Option<OrdinalList>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restart: Option<OrdinalList>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job: Option<OrdinalList>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub run_seconds: Option<Seconds>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop_seconds: Option<Seconds>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evicted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logs: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub never_starts: Option<bool>,
}

impl PodRule {
    pub fn has_selector(&self) -> bool {
        self.index.is_some() || self.pod.is_some() || self.restart.is_some() || self.job.is_some()
    }
}

/// `spec.actions[]`: a timed intervention.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Seconds>,
    /// A JSON merge patch on the workload, validated like an update.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub patch: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suspend: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delete_pod: Option<PodSelector>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evict_pod: Option<PodSelector>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub add_pod_condition: Option<AddPodCondition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delete_job: Option<DeleteJob>,
}

/// What an action does, once validated.
#[derive(Clone, Debug, PartialEq)]
pub enum ActionKind {
    Patch(serde_json::Value),
    Suspend(bool),
    DeletePod(PodSelector),
    EvictPod(PodSelector),
    AddPodCondition(AddPodCondition),
    DeleteJob(DeleteJob),
}

impl Action {
    /// The one thing this action does; `None` when it names none or several.
    pub fn kind(&self) -> Option<ActionKind> {
        let mut kinds = Vec::new();
        if let Some(p) = &self.patch {
            kinds.push(ActionKind::Patch(p.clone()));
        }
        if let Some(s) = self.suspend {
            kinds.push(ActionKind::Suspend(s));
        }
        if let Some(s) = &self.delete_pod {
            kinds.push(ActionKind::DeletePod(s.clone()));
        }
        if let Some(s) = &self.evict_pod {
            kinds.push(ActionKind::EvictPod(s.clone()));
        }
        if let Some(s) = &self.add_pod_condition {
            kinds.push(ActionKind::AddPodCondition(s.clone()));
        }
        if let Some(s) = &self.delete_job {
            kinds.push(ActionKind::DeleteJob(s.clone()));
        }
        if kinds.len() == 1 {
            kinds.pop()
        } else {
            None
        }
    }
}

/// Which pods an action acts on.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodSelector {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<OrdinalList>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pod: Option<OrdinalList>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job: Option<OrdinalList>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all: Option<bool>,
}

/// `addPodCondition`: a condition written on pods by another actor.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AddPodCondition {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<OrdinalList>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pod: Option<OrdinalList>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job: Option<OrdinalList>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all: Option<bool>,
    #[serde(rename = "type")]
    pub type_: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl AddPodCondition {
    pub fn selector(&self) -> PodSelector {
        PodSelector {
            name: self.name.clone(),
            index: self.index.clone(),
            pod: self.pod.clone(),
            job: self.job.clone(),
            all: self.all,
        }
    }
}

/// `deleteJob`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteJob {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub propagation_policy: Option<String>,
}

/// `spec.queue`: the work queue that work-queue Jobs drain.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkQueue {
    pub items: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seconds_per_item: Option<Seconds>,
}

// Strict decoding from YAML (see `api::decode`).
crate::from_node!(Scenario {
    api_version,
    kind,
    metadata,
    spec
});
crate::from_node!(ScenarioSpec {
    seed,
    start_seconds,
    stop_after_seconds,
    start_time,
    pods,
    actions,
    queue,
    walkthrough
});
crate::from_node!(PodRule {
    index,
    pod,
    restart,
    job,
    run_seconds,
    exit_code,
    reason,
    container,
    stop_seconds,
    evicted,
    logs,
    never_starts
});
crate::from_node!(Action {
    at,
    patch,
    suspend,
    delete_pod,
    evict_pod,
    add_pod_condition,
    delete_job
});
crate::from_node!(PodSelector {
    name,
    index,
    pod,
    job,
    all
});
crate::from_node!(AddPodCondition { name, index, pod, job, all, type_ = "type", status, reason, message });
crate::from_node!(DeleteJob { propagation_policy });
crate::from_node!(WorkQueue {
    items,
    seconds_per_item
});
