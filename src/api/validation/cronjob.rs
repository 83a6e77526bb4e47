//! CronJob validation of `pkg/apis/batch/validation`: `ValidateCronJobCreate`
//! (metadata, `validateCronJobSpec`, the 52-character name limit) and
//! `ValidateCronJobUpdate`, with the schedule parsed by the controller's own
//! robfig/cron parser and the time zone loaded from its zone database.

use super::job::validate_job_spec;
use super::names::validate_object_meta;
use super::pod::not_supported;
use super::update::validate_object_meta_update;
use super::{render, ErrorList};
use crate::api::cronjob::{ConcurrencyPolicy, CronJob, CronJobSpec};
use crate::api::field::{BadValue, ErrorType, FieldError};
use crate::api::job::JobSpec;
use crate::controller::cronjob::schedule::Schedule;
use crate::controller::cronjob::zone::Zone;

/// Longest CronJob name: Job names append `-` and up to 10 digits and must stay within 63.
pub const MAX_CRONJOB_NAME_LENGTH: usize = 52;

/// `ValidateCronJobCreate`.
pub fn validate_create(cj: &CronJob) -> ErrorList {
    let mut errs = validate_object_meta(&cj.metadata, cj.metadata.labels.as_ref());
    errs.extend(validate_spec(&cj.spec, None));
    if cj.name().len() > MAX_CRONJOB_NAME_LENGTH {
        errs.push(FieldError::invalid(
            "metadata.name",
            BadValue::Str(cj.name().to_string()),
            "must be no more than 52 characters",
        ));
    }
    errs
}

/// `ValidateCronJobUpdate` (the name length is not checked on update).
pub fn validate_update(old: &CronJob, new: &CronJob) -> ErrorList {
    let mut errs = validate_object_meta_update(&new.metadata, &old.metadata);
    errs.extend(validate_spec(&new.spec, Some(&old.spec)));
    errs
}

/// `validateCronJobSpec`.
fn validate_spec(spec: &CronJobSpec, old: Option<&CronJobSpec>) -> ErrorList {
    let mut errs = Vec::new();
    let schedule = spec.schedule.as_deref().unwrap_or("");
    if schedule.is_empty() {
        errs.push(FieldError::required("spec.schedule", ""));
    } else {
        let allow_tz = old.is_some_and(|o| o.schedule.as_deref().unwrap_or("").contains("TZ"));
        errs.extend(validate_schedule(
            schedule,
            allow_tz,
            spec.time_zone.is_some(),
        ));
    }
    if let Some(sds) = spec.starting_deadline_seconds.filter(|v| *v < 0) {
        errs.push(FieldError::invalid(
            "spec.startingDeadlineSeconds",
            BadValue::Int(sds),
            "must be greater than or equal to 0",
        ));
    }
    if old.is_none_or(|o| o.time_zone != spec.time_zone) {
        errs.extend(validate_time_zone(spec.time_zone.as_deref()));
    }
    let cp = "spec.concurrencyPolicy";
    match &spec.concurrency_policy {
        None => errs.push(FieldError::required(cp, "")),
        Some(ConcurrencyPolicy::Unknown(v)) if v.is_empty() => {
            errs.push(FieldError::required(cp, ""))
        }
        Some(ConcurrencyPolicy::Unknown(v)) => {
            errs.push(not_supported(cp, v, &["Allow", "Forbid", "Replace"]))
        }
        Some(_) => {}
    }
    let default_spec = JobSpec::default();
    let job_spec = spec
        .job_template
        .as_ref()
        .and_then(|t| t.spec.as_ref())
        .unwrap_or(&default_spec);
    errs.extend(validate_job_template_spec(job_spec));
    for (path, v) in [
        (
            "spec.successfulJobsHistoryLimit",
            spec.successful_jobs_history_limit,
        ),
        (
            "spec.failedJobsHistoryLimit",
            spec.failed_jobs_history_limit,
        ),
    ] {
        if let Some(v) = v.filter(|v| *v < 0) {
            errs.push(FieldError::invalid(
                path,
                BadValue::Int(v.into()),
                "must be greater than or equal to 0",
            ));
        }
    }
    errs
}

/// `ValidateJobTemplateSpec(spec.jobTemplate)`.
fn validate_job_template_spec(spec: &JobSpec) -> ErrorList {
    let mut errs = validate_job_spec("spec.jobTemplate.spec", spec);
    if let Some(sel) = &spec.selector {
        errs.push(FieldError::invalid(
            "spec.jobTemplate.spec.selector",
            BadValue::Raw(render::label_selector(Some(sel))),
            "`selector` will be auto-generated",
        ));
    }
    if spec.manual_selector == Some(true) {
        errs.push(FieldError::new(
            ErrorType::Unsupported,
            "spec.jobTemplate.spec.manualSelector",
            BadValue::Bool(true),
            "supported values: \"nil\", \"false\"",
        ));
    }
    errs
}

/// `validateScheduleFormat`.
fn validate_schedule(schedule: &str, allow_tz: bool, has_time_zone: bool) -> ErrorList {
    let mut errs = Vec::new();
    let value = || BadValue::Str(schedule.to_string());
    if let Err(e) = Schedule::parse(schedule) {
        errs.push(FieldError::invalid("spec.schedule", value(), e));
    }
    let has_tz = schedule.contains("TZ");
    if allow_tz && has_tz && has_time_zone {
        errs.push(FieldError::invalid(
            "spec.schedule",
            value(),
            "cannot use both timeZone field and TZ or CRON_TZ in schedule",
        ));
    } else if !allow_tz && has_tz {
        errs.push(FieldError::invalid(
            "spec.schedule",
            value(),
            "cannot use TZ or CRON_TZ in schedule, use timeZone field instead",
        ));
    }
    errs
}

fn valid_tz_part(part: &str) -> bool {
    (1..=14).contains(&part.len())
        && part
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'+'))
}

/// `validateTimeZone`.
fn validate_time_zone(tz: Option<&str>) -> ErrorList {
    let Some(tz) = tz else {
        return Vec::new();
    };
    let path = "spec.timeZone";
    let value = || BadValue::Raw(render::json_string(tz));
    if tz.is_empty() {
        return vec![FieldError::invalid(
            path,
            value(),
            "timeZone must be nil or non-empty string",
        )];
    }
    for part in tz.split('/') {
        if part == "." || part == ".." || part.starts_with('-') || !valid_tz_part(part) {
            return vec![FieldError::invalid(
                path,
                value(),
                format!("unknown time zone {tz}"),
            )];
        }
    }
    let mut errs = Vec::new();
    if tz.eq_ignore_ascii_case("Local") {
        errs.push(FieldError::invalid(
            path,
            value(),
            "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones",
        ));
    }
    // Go's time.LoadLocation("Local") succeeds (it is the server's zone); any other name
    // must be in the zone database.
    if tz != "Local" {
        if let Err(e) = Zone::load(tz) {
            errs.push(FieldError::invalid(path, value(), e));
        }
    }
    errs
}
