//! The batch/v1 CronJob type: schedule, concurrency, history limits and the
//! Job template, and the status the CronJob controller writes.

use super::job::JobSpec;
use super::meta::{string_enum, ObjectMeta, Time};
use serde::Serialize;

string_enum! {
    /// `spec.concurrencyPolicy`.
    ConcurrencyPolicy { Allow = "Allow", Forbid = "Forbid", Replace = "Replace" }
}

/// A batch/v1 CronJob.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CronJob {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub metadata: ObjectMeta,
    pub spec: CronJobSpec,
    pub status: CronJobStatus,
}

impl CronJob {
    pub fn name(&self) -> &str {
        self.metadata.name()
    }
}

/// `spec` of a CronJob.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CronJobSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starting_deadline_seconds: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concurrency_policy: Option<ConcurrencyPolicy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suspend: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_template: Option<JobTemplateSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successful_jobs_history_limit: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed_jobs_history_limit: Option<i32>,
}

/// `spec.jobTemplate`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobTemplateSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<JobSpec>,
}

/// A reference to an active Job in `status.active`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectReference {
    pub api_version: String,
    pub kind: String,
    pub name: String,
    pub namespace: String,
    pub uid: String,
}

/// `status` of a CronJob.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CronJobStatus {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub active: Vec<ObjectReference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_schedule_time: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_successful_time: Option<Time>,
}

// Strict decoding from YAML (see `api::decode`).
crate::from_node!(CronJob { api_version, kind, metadata, spec, status[server] });
crate::from_node!(CronJobSpec {
    schedule,
    time_zone,
    starting_deadline_seconds,
    concurrency_policy,
    suspend,
    job_template,
    successful_jobs_history_limit,
    failed_jobs_history_limit
});
crate::from_node!(JobTemplateSpec { metadata, spec });
