//! The batch/v1 Job type: spec fields (as decoded from YAML, before defaults),
//! pod failure and success policies, and the status the controller writes.

use super::meta::{string_enum, LabelSelector, ObjectMeta, Time};
use super::pod::PodTemplateSpec;
use serde::Serialize;

string_enum! {
    /// `spec.completionMode`.
    CompletionMode { NonIndexed = "NonIndexed", Indexed = "Indexed" }
}
string_enum! {
    /// `spec.podReplacementPolicy`.
    PodReplacementPolicy { TerminatingOrFailed = "TerminatingOrFailed", Failed = "Failed" }
}
string_enum! {
    /// `spec.podFailurePolicy.rules[].action`.
    PodFailurePolicyAction { Count = "Count", FailIndex = "FailIndex", FailJob = "FailJob", Ignore = "Ignore" }
}
string_enum! {
    /// `spec.podFailurePolicy.rules[].onExitCodes.operator`.
    ExitCodeOperator { In = "In", NotIn = "NotIn" }
}

/// The controller that manages Jobs unless `spec.managedBy` names another one.
pub const JOB_CONTROLLER_NAME: &str = "kubernetes.io/job-controller";

/// A batch/v1 Job.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Job {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub metadata: ObjectMeta,
    pub spec: JobSpec,
    /// Written by the controller only; a status in the input is dropped.
    pub status: JobStatus,
}

impl Job {
    pub fn name(&self) -> &str {
        self.metadata.name()
    }
}

/// `spec` of a Job.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parallelism: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completions: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active_deadline_seconds: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pod_failure_policy: Option<PodFailurePolicy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success_policy: Option<SuccessPolicy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backoff_limit: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backoff_limit_per_index: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_failed_indexes: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selector: Option<LabelSelector>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manual_selector: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<PodTemplateSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ttl_seconds_after_finished: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion_mode: Option<CompletionMode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suspend: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pod_replacement_policy: Option<PodReplacementPolicy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub managed_by: Option<String>,
}

impl JobSpec {
    pub fn is_indexed(&self) -> bool {
        self.completion_mode == Some(CompletionMode::Indexed)
    }
    pub fn parallelism(&self) -> i32 {
        self.parallelism.unwrap_or(1)
    }
    pub fn backoff_limit(&self) -> i32 {
        self.backoff_limit.unwrap_or(6)
    }
    pub fn is_suspended(&self) -> bool {
        self.suspend == Some(true)
    }
    /// Whether only pods in phase Failed are replaced (policy `Failed`, explicit or via a pod failure policy).
    pub fn only_replace_failed(&self) -> bool {
        self.pod_failure_policy.is_some()
            || self.pod_replacement_policy == Some(PodReplacementPolicy::Failed)
    }
    pub fn managed_by_builtin(&self) -> bool {
        self.managed_by
            .as_deref()
            .is_none_or(|m| m == JOB_CONTROLLER_NAME)
    }
    pub fn template_spec(&self) -> Option<&super::pod::PodSpec> {
        self.template.as_ref()?.spec.as_ref()
    }
}

/// `spec.podFailurePolicy`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodFailurePolicy {
    pub rules: Vec<PodFailurePolicyRule>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodFailurePolicyRule {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<PodFailurePolicyAction>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_exit_codes: Option<OnExitCodesRequirement>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_pod_conditions: Option<Vec<OnPodConditionsPattern>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OnExitCodesRequirement {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<ExitCodeOperator>,
    pub values: Vec<i32>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OnPodConditionsPattern {
    #[serde(rename = "type", default)]
    pub type_: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// `spec.successPolicy`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SuccessPolicy {
    pub rules: Vec<SuccessPolicyRule>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SuccessPolicyRule {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub succeeded_indexes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub succeeded_count: Option<i32>,
}

string_enum! {
    /// Types of Job conditions.
    JobConditionType {
        Suspended = "Suspended",
        FailureTarget = "FailureTarget",
        SuccessCriteriaMet = "SuccessCriteriaMet",
        Complete = "Complete",
        Failed = "Failed",
    }
}

/// `status.conditions[]` of a Job.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobCondition {
    #[serde(rename = "type")]
    pub type_: JobConditionType,
    pub status: String,
    pub reason: String,
    pub message: String,
    pub last_probe_time: Time,
    pub last_transition_time: Time,
}

impl JobCondition {
    pub fn is_true(&self) -> bool {
        self.status == "True"
    }
}

/// `status.uncountedTerminatedPods`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UncountedTerminatedPods {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub succeeded: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failed: Vec<String>,
}

/// `status` of a Job, as the controller writes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobStatus {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<JobCondition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion_time: Option<Time>,
    #[serde(skip_serializing_if = "is_zero")]
    pub active: i32,
    #[serde(skip_serializing_if = "is_zero")]
    pub succeeded: i32,
    #[serde(skip_serializing_if = "is_zero")]
    pub failed: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terminating: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed_indexes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed_indexes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncounted_terminated_pods: Option<UncountedTerminatedPods>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ready: Option<i32>,
}

fn is_zero(v: &i32) -> bool {
    *v == 0
}

impl JobStatus {
    pub fn condition(&self, t: &JobConditionType) -> Option<&JobCondition> {
        self.conditions.iter().find(|c| &c.type_ == t)
    }
    pub fn has_true(&self, t: &JobConditionType) -> bool {
        self.condition(t).is_some_and(|c| c.is_true())
    }
    /// The terminal condition (Complete or Failed) with status True, if any.
    pub fn finished(&self) -> Option<&JobCondition> {
        self.conditions.iter().find(|c| {
            c.is_true()
                && matches!(
                    c.type_,
                    JobConditionType::Complete | JobConditionType::Failed
                )
        })
    }
}

// Strict decoding from YAML (see `api::decode`).
crate::from_node!(Job { api_version, kind, metadata, spec, status[server] });
crate::from_node!(JobSpec {
    parallelism,
    completions,
    active_deadline_seconds,
    pod_failure_policy,
    success_policy,
    backoff_limit,
    backoff_limit_per_index,
    max_failed_indexes,
    selector,
    manual_selector,
    template,
    ttl_seconds_after_finished,
    completion_mode,
    suspend,
    pod_replacement_policy,
    managed_by
});
crate::from_node!(PodFailurePolicy { rules });
crate::from_node!(PodFailurePolicyRule {
    action,
    on_exit_codes,
    on_pod_conditions
});
crate::from_node!(OnExitCodesRequirement {
    container_name,
    operator,
    values
});
crate::from_node!(OnPodConditionsPattern { type_ = "type", status });
crate::from_node!(SuccessPolicy { rules });
crate::from_node!(SuccessPolicyRule {
    succeeded_indexes,
    succeeded_count
});
