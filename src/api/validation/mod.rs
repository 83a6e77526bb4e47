//! Validation of Job and CronJob objects with the API server's messages, in the order the
//! API server emits them (kubectl prints them in that order, without duplicates).
//! Create validation runs on the defaulted object; update validation compares the old
//! and the new object.
//!
//! Upstream: `kubernetes/kubernetes` `pkg/apis/batch/validation/validation.go`,
//! `pkg/registry/batch/job/strategy.go`, `pkg/apis/core/validation/validation.go`,
//! apimachinery `pkg/api/validation`, `pkg/apis/meta/v1/validation`,
//! `pkg/util/validation` and `pkg/api/validate/content`, as of Kubernetes 1.34/1.35
//! (all Job features GA: pod failure policy, backoff limit per index, elastic Indexed
//! Jobs, success policy, pod replacement policy, managedBy; relaxed environment variable
//! names; composite bad values rendered as JSON, see [`render`]).
//!
//! Deliberately left out (the playground does not simulate them, or they need data the
//! playground does not have):
//! - the checks *inside* volume sources, resources (quantities, requests vs limits),
//!   probes, lifecycle hooks, security contexts, affinity, tolerations, topology spread
//!   constraints, host aliases, DNS config options, OS-specific fields, resource claims
//!   and host-port conflicts; volume names, mounts, ports and env vars are checked;
//! - seccomp and AppArmor annotations, the tolerations annotation;
//! - `metadata.resourceVersion` on update (no resource versions here) and
//!   `metadata.generation` (only the server writes it);
//! - status validation (status is never written by the user here).
//!
//! Where upstream walks a Go map (labels, annotations) the order is random there; here
//! keys are walked in sorted order. Where the API server would crash (a success policy
//! on an Indexed Job without completions dereferences a nil pointer) the other errors
//! are reported instead.

pub mod cronjob;
pub mod job;
pub mod names;
pub mod pod;
pub mod render;
pub mod selector;
pub mod update;

use super::cronjob::CronJob;
use super::field::FieldError;
use super::job::Job;
use std::collections::HashSet;

/// A list of field errors (apimachinery `field.ErrorList`).
pub type ErrorList = Vec<FieldError>;

/// Drop repeated errors, keeping the first: `ErrorList.ToAggregate` and kubectl do so, and
/// update validation reports the spec checks twice (`ValidateJob` and `ValidateJobUpdate`).
pub fn dedup(errs: ErrorList) -> ErrorList {
    let mut seen = HashSet::new();
    errs.into_iter()
        .filter(|e| seen.insert(e.to_string()))
        .collect()
}

/// Validate a defaulted Job on create (the Job strategy's `Validate`).
pub fn validate_job_create(job: &Job) -> Vec<FieldError> {
    dedup(job::validate_job(
        job,
        job::Options {
            require_prefixed_labels: true,
        },
    ))
}

/// Validate an update of a Job (immutable fields, mutable-in-tandem rules).
pub fn validate_job_update(old: &Job, new: &Job) -> Vec<FieldError> {
    dedup(update::validate_job_update(old, new))
}

/// Validate a defaulted CronJob on create.
pub fn validate_cronjob_create(cj: &CronJob) -> Vec<FieldError> {
    dedup(cronjob::validate_create(cj))
}

/// Validate an update of a CronJob.
pub fn validate_cronjob_update(old: &CronJob, new: &CronJob) -> Vec<FieldError> {
    dedup(cronjob::validate_update(old, new))
}

/// The warnings the API server returns with a created Job (`kubectl` prints them as
/// `Warning: ...`).
pub fn job_warnings(job: &Job) -> Vec<String> {
    job::job_warnings(job)
}

/// The warnings the API server returns with a created CronJob.
pub fn cronjob_warnings(cj: &CronJob) -> Vec<String> {
    let mut w = Vec::new();
    let msgs = names::is_dns1123_label(cj.name());
    if !msgs.is_empty() && !cj.name().is_empty() {
        w.push(format!(
            "metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [{}]",
            msgs.join(" ")
        ));
    }
    if let Some(spec) = cj.spec.job_template.as_ref().and_then(|t| t.spec.as_ref()) {
        w.extend(job::job_spec_warnings("spec.jobTemplate.spec", spec));
    }
    w
}
