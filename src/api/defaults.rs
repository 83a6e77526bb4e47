//! Defaulting as the API server applies it on create (`pkg/apis/batch/v1/defaults.go`,
//! the core/v1 PodSpec defaults, and the Job registry strategy's selector generation).

use super::cronjob::{ConcurrencyPolicy, CronJob};
use super::job::{CompletionMode, Job, JobSpec, JobStatus, PodReplacementPolicy};
use super::meta::LabelSelector;
use super::pod::{PodSpec, PodTemplateSpec, RestartPolicy};
use std::collections::BTreeMap;

pub const CONTROLLER_UID_LABEL: &str = "batch.kubernetes.io/controller-uid";
pub const JOB_NAME_LABEL: &str = "batch.kubernetes.io/job-name";
pub const LEGACY_CONTROLLER_UID_LABEL: &str = "controller-uid";
pub const LEGACY_JOB_NAME_LABEL: &str = "job-name";
pub const JOB_COMPLETION_INDEX: &str = "batch.kubernetes.io/job-completion-index";
pub const JOB_INDEX_FAILURE_COUNT: &str = "batch.kubernetes.io/job-index-failure-count";
pub const JOB_INDEX_IGNORED_FAILURE_COUNT: &str =
    "batch.kubernetes.io/job-index-ignored-failure-count";
pub const JOB_TRACKING_FINALIZER: &str = "batch.kubernetes.io/job-tracking";
pub const CRONJOB_SCHEDULED_TIMESTAMP: &str = "batch.kubernetes.io/cronjob-scheduled-timestamp";

/// `SetDefaults_Job`: completions/parallelism, backoffLimit, completionMode, suspend,
/// podReplacementPolicy, pod failure policy condition status, Job labels from the template.
pub fn default_job_spec(spec: &mut JobSpec) {
    if spec.completions.is_none() && spec.parallelism.is_none() {
        spec.completions = Some(1);
        spec.parallelism = Some(1);
    }
    if spec.parallelism.is_none() {
        spec.parallelism = Some(1);
    }
    if spec.backoff_limit.is_none() {
        spec.backoff_limit = Some(if spec.backoff_limit_per_index.is_some() {
            i32::MAX
        } else {
            6
        });
    }
    if spec.completion_mode.is_none() {
        spec.completion_mode = Some(CompletionMode::NonIndexed);
    }
    if spec.suspend.is_none() {
        spec.suspend = Some(false);
    }
    if let Some(pfp) = spec.pod_failure_policy.as_mut() {
        for rule in &mut pfp.rules {
            for pattern in rule.on_pod_conditions.iter_mut().flatten() {
                if pattern.status.as_deref().unwrap_or("").is_empty() {
                    pattern.status = Some("True".into());
                }
            }
        }
    }
    if spec.pod_replacement_policy.is_none() {
        spec.pod_replacement_policy = Some(if spec.pod_failure_policy.is_some() {
            PodReplacementPolicy::Failed
        } else {
            PodReplacementPolicy::TerminatingOrFailed
        });
    }
    if let Some(t) = spec.template.as_mut() {
        default_pod_template(t);
    }
}

/// The core/v1 defaults of a pod template that a Job's output shows.
pub fn default_pod_template(t: &mut PodTemplateSpec) {
    if let Some(spec) = t.spec.as_mut() {
        default_pod_spec(spec);
    }
}

pub fn default_pod_spec(spec: &mut PodSpec) {
    if spec.restart_policy.is_none() {
        spec.restart_policy = Some(RestartPolicy::Always);
    }
    if spec.termination_grace_period_seconds.is_none() {
        spec.termination_grace_period_seconds = Some(30);
    }
    if spec.dns_policy.is_none() {
        spec.dns_policy = Some(Box::new(serde_json::Value::String("ClusterFirst".into())));
    }
    if spec.scheduler_name.is_none() {
        spec.scheduler_name = Some("default-scheduler".into());
    }
    if spec.security_context.is_none() {
        spec.security_context = Some(Box::new(serde_json::Value::Object(Default::default())));
    }
    for c in spec.containers_mut() {
        if c.image_pull_policy.is_none() {
            let image = c.image.as_deref().unwrap_or("");
            let last = image.rsplit('/').next().unwrap_or(image);
            let tag = if image.contains('@') {
                Some("digest")
            } else {
                last.split_once(':').map(|(_, t)| t)
            };
            c.image_pull_policy = Some(match tag {
                None | Some("latest") => "Always".into(),
                Some(_) => "IfNotPresent".into(),
            });
        }
        if c.termination_message_path.is_none() {
            c.termination_message_path = Some(Box::new(serde_json::Value::String(
                "/dev/termination-log".into(),
            )));
        }
        if c.termination_message_policy.is_none() {
            c.termination_message_policy = Some(Box::new(serde_json::Value::String("File".into())));
        }
    }
}

fn copy_template_labels(job: &mut Job) {
    let template_labels = job
        .spec
        .template
        .as_ref()
        .and_then(|t| t.metadata.as_ref())
        .and_then(|m| m.labels.clone());
    if let Some(l) = template_labels {
        if !l.is_empty() && job.metadata.labels.as_ref().is_none_or(|j| j.is_empty()) {
            job.metadata.labels = Some(l);
        }
    }
}

/// Registry `generateSelector`: the selector on the Job's uid and the four labels on the template.
pub fn generate_selector(job: &mut Job) {
    let uid = job.metadata.uid.clone().unwrap_or_default();
    let name = job.metadata.name.clone().unwrap_or_default();
    let template = job.spec.template.get_or_insert_with(Default::default);
    let meta = template.metadata.get_or_insert_with(Default::default);
    let labels = meta.labels.get_or_insert_with(BTreeMap::new);
    for key in [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL] {
        labels
            .entry(key.to_string())
            .or_insert_with(|| name.clone());
    }
    for key in [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL] {
        labels.entry(key.to_string()).or_insert_with(|| uid.clone());
    }
    let selector = job.spec.selector.get_or_insert_with(LabelSelector::default);
    selector
        .match_labels
        .get_or_insert_with(BTreeMap::new)
        .entry(CONTROLLER_UID_LABEL.to_string())
        .or_insert(uid);
}

/// `metadata.generateName` without a name: the API server appends 5 random characters
/// (from the seed here) to the prefix, cut to 58 characters so that names stay within 63.
pub fn generate_name(meta: &mut super::meta::ObjectMeta, seed: u64) {
    if meta.name.as_deref().unwrap_or("").is_empty() {
        if let Some(base) = meta.generate_name.as_deref().filter(|g| !g.is_empty()) {
            let cut: String = base.chars().take(58).collect();
            let mut rng =
                crate::cluster::ids::Rng::new(seed ^ crate::cluster::ids::fnv1a(base.as_bytes()));
            meta.name = Some(format!("{cut}{}", rng.name_suffix()));
        }
    }
}

/// Everything the API server does to a new Job before validating it.
pub fn prepare_job_for_create(job: &mut Job, uid: &str) {
    default_job_spec(&mut job.spec);
    copy_template_labels(job);
    job.status = JobStatus::default();
    job.metadata.uid = Some(uid.to_string());
    if job.metadata.namespace.is_none() {
        job.metadata.namespace = Some("default".into());
    }
    job.metadata.generation = Some(1);
    if job.spec.manual_selector != Some(true) {
        generate_selector(job);
    }
    // Defaulting runs again whenever the object is read back: labels then come from the
    // template with the generated labels, as `kubectl describe job` shows them.
    copy_template_labels(job);
}

/// `SetDefaults_CronJob` and the nested pod template defaults.
pub fn prepare_cronjob_for_create(cj: &mut CronJob, uid: &str) {
    let spec = &mut cj.spec;
    if spec.concurrency_policy.is_none() {
        spec.concurrency_policy = Some(ConcurrencyPolicy::Allow);
    }
    if spec.suspend.is_none() {
        spec.suspend = Some(false);
    }
    if spec.successful_jobs_history_limit.is_none() {
        spec.successful_jobs_history_limit = Some(3);
    }
    if spec.failed_jobs_history_limit.is_none() {
        spec.failed_jobs_history_limit = Some(1);
    }
    if let Some(t) = spec
        .job_template
        .as_mut()
        .and_then(|t| t.spec.as_mut())
        .and_then(|s| s.template.as_mut())
    {
        default_pod_template(t);
    }
    cj.status = Default::default();
    cj.metadata.uid = Some(uid.to_string());
    if cj.metadata.namespace.is_none() {
        cj.metadata.namespace = Some("default".into());
    }
    cj.metadata.generation = Some(1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_defaults() {
        let mut job = Job::default();
        job.metadata.name = Some("pi".into());
        job.spec.template = Some(PodTemplateSpec {
            metadata: None,
            spec: Some(PodSpec::default()),
        });
        prepare_job_for_create(&mut job, "u-1");
        let s = &job.spec;
        assert_eq!(
            (s.completions, s.parallelism, s.backoff_limit),
            (Some(1), Some(1), Some(6))
        );
        assert_eq!(s.completion_mode, Some(CompletionMode::NonIndexed));
        assert_eq!(
            s.pod_replacement_policy,
            Some(PodReplacementPolicy::TerminatingOrFailed)
        );
        assert_eq!(
            s.selector.as_ref().unwrap().to_display(),
            "batch.kubernetes.io/controller-uid=u-1"
        );
        let labels = job.metadata.labels.as_ref().unwrap();
        assert_eq!(labels.get(JOB_NAME_LABEL).map(String::as_str), Some("pi"));
        assert_eq!(labels.len(), 4);
    }

    #[test]
    fn work_queue_keeps_completions_unset() {
        let mut spec = JobSpec {
            parallelism: Some(5),
            backoff_limit_per_index: Some(1),
            ..Default::default()
        };
        default_job_spec(&mut spec);
        assert_eq!(spec.completions, None);
        assert_eq!(spec.backoff_limit, Some(i32::MAX));
    }
}
