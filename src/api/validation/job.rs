//! Job validation of `pkg/apis/batch/validation` in upstream order: `ValidateJob`
//! (metadata, generated selector, `ValidateJobSpec`, the Indexed hostname rule),
//! `validateJobSpec` (counts and limits, completion mode, pod failure policy,
//! success policy, pod replacement policy, the pod template and its restart policy),
//! and the warnings of `WarningsOnCreate`.

use super::names::{
    is_dns1123_label, is_domain_prefixed_path, own_labels, validate_object_meta,
    validate_qualified_name,
};
use super::pod::{not_supported, validate_pod_template_spec};
use super::selector::{selector_matches, validate_has_label, validate_label_selector};
use super::{render, ErrorList};
use crate::api::defaults::{
    CONTROLLER_UID_LABEL, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL,
};
use crate::api::field::{BadValue, FieldError};
use crate::api::job::{
    CompletionMode, ExitCodeOperator, Job, JobSpec, OnExitCodesRequirement, PodFailurePolicyAction,
    PodFailurePolicyRule, PodReplacementPolicy, SuccessPolicyRule,
};
use crate::api::pod::RestartPolicy;
use std::collections::HashSet;

const MAX_PARALLELISM_FOR_INDEXED: i32 = 100_000;
const MAX_FAILED_INDEXES_FOR_INDEXED: i32 = 100_000;
const COMPLETIONS_SOFT_LIMIT: i32 = 100_000;
const PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS: i32 = 10_000;
const MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS: i32 = 10_000;
const MAX_POD_FAILURE_POLICY_RULES: usize = 20;
const MAX_ON_EXIT_CODES_VALUES: usize = 255;
const MAX_ON_POD_CONDITIONS_PATTERNS: usize = 20;
const MAX_MANAGED_BY_LENGTH: usize = 63;
const MAX_SUCCEEDED_INDEXES_LENGTH: usize = 64 * 1024;
const MAX_SUCCESS_POLICY_RULES: usize = 20;
/// `sets.List(supportedPodFailurePolicyActions)`: sorted.
const ACTIONS: &[&str] = &["Count", "FailIndex", "FailJob", "Ignore"];

/// Options of `JobValidationOptions` that depend on the old object.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Require the `batch.kubernetes.io/` selector labels on the template (always on create;
    /// on update only if the old template had them).
    pub require_prefixed_labels: bool,
}

fn nonnegative(errs: &mut ErrorList, path: &str, v: Option<i64>) {
    if let Some(v) = v.filter(|v| *v < 0) {
        errs.push(FieldError::invalid(
            path,
            BadValue::Int(v),
            "must be greater than or equal to 0",
        ));
    }
}

/// `ValidateJob`.
pub fn validate_job(job: &Job, opts: Options) -> ErrorList {
    let name = job.name();
    let uid = job.metadata.uid.as_deref().unwrap_or("");
    let template_labels = job
        .spec
        .template
        .as_ref()
        .and_then(|t| t.metadata.as_ref())
        .and_then(|m| m.labels.as_ref());
    let generated = [
        (LEGACY_JOB_NAME_LABEL, name),
        (JOB_NAME_LABEL, name),
        (LEGACY_CONTROLLER_UID_LABEL, uid),
        (CONTROLLER_UID_LABEL, uid),
    ];
    let labels = own_labels(&job.metadata, template_labels, &generated);
    let mut errs = validate_object_meta(&job.metadata, labels.as_ref());
    errs.extend(validate_generated_selector(job, opts));
    errs.extend(validate_job_spec_with_selector("spec", &job.spec));
    if job.spec.is_indexed() {
        if let Some(c) = job.spec.completions.filter(|c| *c > 0) {
            let hostname = format!("{name}-{}", c - 1);
            if !is_dns1123_label(&hostname).is_empty() {
                errs.push(FieldError::invalid(
                    "metadata.name",
                    BadValue::Str(name.to_string()),
                    format!("will not able to create pod with invalid DNS label: {hostname}"),
                ));
            }
        }
    }
    errs
}

/// `validateGeneratedSelector`.
fn validate_generated_selector(job: &Job, opts: Options) -> ErrorList {
    let mut errs = Vec::new();
    if job.spec.manual_selector == Some(true) || job.spec.selector.is_none() {
        return errs;
    }
    let uid = job.metadata.uid.as_deref().unwrap_or("");
    let name = job.name();
    if uid.is_empty() {
        errs.push(FieldError::required("metadata.uid", ""));
    }
    let labels = job
        .spec
        .template
        .as_ref()
        .and_then(|t| t.metadata.as_ref())
        .and_then(|m| m.labels.as_ref());
    let path = "spec.template.metadata";
    errs.extend(validate_has_label(
        path,
        labels,
        LEGACY_CONTROLLER_UID_LABEL,
        uid,
    ));
    errs.extend(validate_has_label(
        path,
        labels,
        LEGACY_JOB_NAME_LABEL,
        name,
    ));
    let mut expected = std::collections::BTreeMap::new();
    if opts.require_prefixed_labels {
        errs.extend(validate_has_label(path, labels, CONTROLLER_UID_LABEL, uid));
        errs.extend(validate_has_label(path, labels, JOB_NAME_LABEL, name));
        expected.insert(CONTROLLER_UID_LABEL.to_string(), uid.to_string());
        expected.insert(JOB_NAME_LABEL.to_string(), name.to_string());
    }
    expected.insert(LEGACY_CONTROLLER_UID_LABEL.to_string(), uid.to_string());
    expected.insert(LEGACY_JOB_NAME_LABEL.to_string(), name.to_string());
    if selector_matches(job.spec.selector.as_ref(), Some(&expected)) == Some(false) {
        errs.push(FieldError::invalid(
            "spec.selector",
            BadValue::Raw(render::label_selector(job.spec.selector.as_ref())),
            "`selector` not auto-generated",
        ));
    }
    errs
}

/// `ValidateJobSpec`: `validateJobSpec` plus the selector rules.
pub fn validate_job_spec_with_selector(path: &str, spec: &JobSpec) -> ErrorList {
    let mut errs = validate_job_spec(path, spec);
    let sel_path = format!("{path}.selector");
    match spec.selector.as_ref() {
        None => errs.push(FieldError::required(sel_path, "")),
        Some(s) => errs.extend(validate_label_selector(&sel_path, Some(s))),
    }
    let labels = spec
        .template
        .as_ref()
        .and_then(|t| t.metadata.as_ref())
        .and_then(|m| m.labels.as_ref());
    if selector_matches(spec.selector.as_ref(), labels) == Some(false) {
        errs.push(FieldError::invalid(
            format!("{path}.template.metadata.labels"),
            BadValue::Raw(render::string_map(labels)),
            "`selector` does not match template `labels`",
        ));
    }
    errs
}

/// `validateJobSpec` (shared by Jobs and CronJob job templates).
pub fn validate_job_spec(path: &str, spec: &JobSpec) -> ErrorList {
    let mut errs = Vec::new();
    let p = |f: &str| format!("{path}.{f}");
    nonnegative(
        &mut errs,
        &p("parallelism"),
        spec.parallelism.map(i64::from),
    );
    nonnegative(
        &mut errs,
        &p("completions"),
        spec.completions.map(i64::from),
    );
    nonnegative(
        &mut errs,
        &p("activeDeadlineSeconds"),
        spec.active_deadline_seconds,
    );
    nonnegative(
        &mut errs,
        &p("backoffLimit"),
        spec.backoff_limit.map(i64::from),
    );
    nonnegative(
        &mut errs,
        &p("ttlSecondsAfterFinished"),
        spec.ttl_seconds_after_finished.map(i64::from),
    );
    nonnegative(
        &mut errs,
        &p("backoffLimitPerIndex"),
        spec.backoff_limit_per_index.map(i64::from),
    );
    if let Some(mfi) = spec.max_failed_indexes {
        nonnegative(&mut errs, &p("maxFailedIndexes"), Some(mfi.into()));
        if spec.backoff_limit_per_index.is_none() {
            errs.push(FieldError::required(
                p("backoffLimitPerIndex"),
                "when maxFailedIndexes is specified",
            ));
        }
    }
    if let Some(mb) = &spec.managed_by {
        errs.extend(is_domain_prefixed_path(&p("managedBy"), mb));
        if mb.len() > MAX_MANAGED_BY_LENGTH {
            errs.push(FieldError::too_long(p("managedBy"), MAX_MANAGED_BY_LENGTH));
        }
    }
    let indexed = spec.completion_mode == Some(CompletionMode::Indexed);
    if let Some(mode) = &spec.completion_mode {
        if let CompletionMode::Unknown(v) = mode {
            errs.push(not_supported(
                p("completionMode"),
                v,
                &["NonIndexed", "Indexed"],
            ));
        }
        if indexed {
            if spec.completions.is_none() {
                errs.push(FieldError::required(
                    p("completions"),
                    "when completion mode is Indexed",
                ));
            }
            if let Some(par) = spec
                .parallelism
                .filter(|v| *v > MAX_PARALLELISM_FOR_INDEXED)
            {
                errs.push(FieldError::invalid(
                    p("parallelism"),
                    BadValue::Int(par.into()),
                    format!("must be less than or equal to {MAX_PARALLELISM_FOR_INDEXED} when completion mode is Indexed"),
                ));
            }
            if let (Some(c), Some(m)) = (spec.completions, spec.max_failed_indexes) {
                if m > c {
                    errs.push(FieldError::invalid(
                        p("maxFailedIndexes"),
                        BadValue::Int(m.into()),
                        "must be less than or equal to completions",
                    ));
                }
            }
            if let Some(m) = spec
                .max_failed_indexes
                .filter(|m| *m > MAX_FAILED_INDEXES_FOR_INDEXED)
            {
                errs.push(FieldError::invalid(
                    p("maxFailedIndexes"),
                    BadValue::Int(m.into()),
                    format!("must be less than or equal to {MAX_FAILED_INDEXES_FOR_INDEXED}"),
                ));
            }
            if spec.completions.is_some_and(|c| c > COMPLETIONS_SOFT_LIMIT)
                && spec.backoff_limit_per_index.is_some()
            {
                if spec.max_failed_indexes.is_none() {
                    errs.push(FieldError::required(
                        p("maxFailedIndexes"),
                        format!(
                            "must be specified when completions is above {COMPLETIONS_SOFT_LIMIT}"
                        ),
                    ));
                }
                if let Some(par) = spec
                    .parallelism
                    .filter(|v| *v > PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS)
                {
                    errs.push(FieldError::invalid(
                        p("parallelism"),
                        BadValue::Int(par.into()),
                        format!("must be less than or equal to {PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS} when completions are above {COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index"),
                    ));
                }
                if let Some(m) = spec
                    .max_failed_indexes
                    .filter(|m| *m > MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS)
                {
                    errs.push(FieldError::invalid(
                        p("maxFailedIndexes"),
                        BadValue::Int(m.into()),
                        format!("must be less than or equal to {MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS} when completions are above {COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index"),
                    ));
                }
            }
        }
    }
    if matches!(
        spec.completion_mode,
        None | Some(CompletionMode::NonIndexed)
    ) {
        if let Some(b) = spec.backoff_limit_per_index {
            errs.push(FieldError::invalid(
                p("backoffLimitPerIndex"),
                BadValue::Int(b.into()),
                "requires indexed completion mode",
            ));
        }
        if let Some(m) = spec.max_failed_indexes {
            errs.push(FieldError::invalid(
                p("maxFailedIndexes"),
                BadValue::Int(m.into()),
                "requires indexed completion mode",
            ));
        }
    }
    if spec.pod_failure_policy.is_some() {
        errs.extend(validate_pod_failure_policy(&p("podFailurePolicy"), spec));
    }
    if let Some(sp) = &spec.success_policy {
        if !indexed {
            errs.push(FieldError::invalid(
                p("successPolicy"),
                BadValue::Raw(render::success_policy(sp)),
                "requires indexed completion mode",
            ));
        } else {
            errs.extend(validate_success_policy(
                &p("successPolicy"),
                spec,
                &sp.rules,
            ));
        }
    }
    if let Some(prp) = &spec.pod_replacement_policy {
        let rp = p("podReplacementPolicy");
        if spec.pod_failure_policy.is_some() {
            if *prp != PodReplacementPolicy::Failed {
                errs.push(not_supported(rp, prp.as_str(), &["Failed"]));
            }
        } else if let PodReplacementPolicy::Unknown(v) = prp {
            errs.push(not_supported(rp, v, &["Failed", "TerminatingOrFailed"]));
        }
    }
    errs.extend(validate_pod_template_spec(
        &p("template"),
        spec.template.as_ref(),
    ));
    let restart = spec
        .template
        .as_ref()
        .and_then(|t| t.spec.as_ref())
        .map_or(Some(&RestartPolicy::Always), |s| s.restart_policy.as_ref());
    let rpath = p("template.spec.restartPolicy");
    match restart {
        None | Some(RestartPolicy::Always) => errs.push(FieldError::required(
            rpath,
            r#"valid values: "OnFailure", "Never""#,
        )),
        Some(RestartPolicy::Unknown(v)) if v.is_empty() => errs.push(FieldError::required(
            rpath,
            r#"valid values: "OnFailure", "Never""#,
        )),
        Some(RestartPolicy::Unknown(v)) => {
            errs.push(not_supported(rpath, v, &["OnFailure", "Never"]))
        }
        Some(RestartPolicy::OnFailure) if spec.pod_failure_policy.is_some() => {
            errs.push(FieldError::invalid(
                rpath,
                BadValue::Raw(render::json_string("OnFailure")),
                r#"only "Never" is supported when podFailurePolicy is specified"#,
            ))
        }
        Some(_) => {}
    }
    errs
}

/// `validatePodFailurePolicy`.
fn validate_pod_failure_policy(path: &str, spec: &JobSpec) -> ErrorList {
    let mut errs = Vec::new();
    let Some(pfp) = &spec.pod_failure_policy else {
        return errs;
    };
    let rules_path = format!("{path}.rules");
    if pfp.rules.len() > MAX_POD_FAILURE_POLICY_RULES {
        errs.push(FieldError::too_many(
            rules_path.clone(),
            pfp.rules.len(),
            MAX_POD_FAILURE_POLICY_RULES,
        ));
    }
    let mut names: HashSet<&str> = HashSet::new();
    if let Some(ts) = spec.template_spec() {
        names.extend(ts.containers().iter().map(|c| c.name()));
        names.extend(ts.init_containers().iter().map(|c| c.name()));
    }
    for (i, rule) in pfp.rules.iter().enumerate() {
        errs.extend(validate_pfp_rule(
            &format!("{rules_path}[{i}]"),
            spec,
            rule,
            &names,
        ));
    }
    errs
}

fn validate_pfp_rule(
    path: &str,
    spec: &JobSpec,
    rule: &PodFailurePolicyRule,
    names: &HashSet<&str>,
) -> ErrorList {
    let mut errs = Vec::new();
    let action_path = format!("{path}.action");
    match &rule.action {
        None => errs.push(FieldError::required_one_of(action_path, ACTIONS)),
        Some(PodFailurePolicyAction::Unknown(v)) if v.is_empty() => {
            errs.push(FieldError::required_one_of(action_path, ACTIONS))
        }
        Some(PodFailurePolicyAction::FailIndex) => {
            if spec.backoff_limit_per_index.is_none() {
                errs.push(FieldError::invalid(
                    action_path,
                    BadValue::Raw(render::json_string("FailIndex")),
                    "requires the backoffLimitPerIndex to be set",
                ));
            }
        }
        Some(PodFailurePolicyAction::Unknown(v)) => {
            errs.push(not_supported(action_path, v, ACTIONS))
        }
        Some(_) => {}
    }
    if let Some(oec) = &rule.on_exit_codes {
        errs.extend(validate_on_exit_codes(
            &format!("{path}.onExitCodes"),
            oec,
            names,
        ));
    }
    let conditions = rule.on_pod_conditions.as_deref().unwrap_or(&[]);
    if !conditions.is_empty() {
        let cpath = format!("{path}.onPodConditions");
        if conditions.len() > MAX_ON_POD_CONDITIONS_PATTERNS {
            errs.push(FieldError::too_many(
                cpath.clone(),
                conditions.len(),
                MAX_ON_POD_CONDITIONS_PATTERNS,
            ));
        }
        for (j, pat) in conditions.iter().enumerate() {
            let pp = format!("{cpath}[{j}]");
            errs.extend(validate_qualified_name(&format!("{pp}.type"), &pat.type_));
            let status_path = format!("{pp}.status");
            match pat.status.as_deref().unwrap_or("") {
                "" => errs.push(FieldError::required_one_of(
                    status_path,
                    &["False", "True", "Unknown"],
                )),
                "True" | "False" | "Unknown" => {}
                other => errs.push(not_supported(
                    status_path,
                    other,
                    &["False", "True", "Unknown"],
                )),
            }
        }
    }
    if rule.on_exit_codes.is_some() && !conditions.is_empty() {
        errs.push(FieldError::invalid(
            path,
            BadValue::Omit,
            "specifying both OnExitCodes and OnPodConditions is not supported",
        ));
    }
    if rule.on_exit_codes.is_none() && conditions.is_empty() {
        errs.push(FieldError::invalid(
            path,
            BadValue::Omit,
            "specifying one of OnExitCodes and OnPodConditions is required",
        ));
    }
    errs
}

fn validate_on_exit_codes(
    path: &str,
    oec: &OnExitCodesRequirement,
    names: &HashSet<&str>,
) -> ErrorList {
    let mut errs = Vec::new();
    let op_path = format!("{path}.operator");
    match &oec.operator {
        None => errs.push(FieldError::required_one_of(op_path, &["In", "NotIn"])),
        Some(ExitCodeOperator::Unknown(v)) if v.is_empty() => {
            errs.push(FieldError::required_one_of(op_path, &["In", "NotIn"]))
        }
        Some(ExitCodeOperator::Unknown(v)) => {
            errs.push(not_supported(op_path, v, &["In", "NotIn"]))
        }
        Some(_) => {}
    }
    if let Some(cn) = &oec.container_name {
        if !names.contains(cn.as_str()) {
            errs.push(FieldError::invalid(
                format!("{path}.containerName"),
                BadValue::Str(cn.clone()),
                "must be one of the container or initContainer names in the pod template",
            ));
        }
    }
    let values_path = format!("{path}.values");
    if oec.values.is_empty() {
        errs.push(FieldError::invalid(
            values_path.clone(),
            BadValue::Raw("null".into()),
            "at least one value is required",
        ));
    } else if oec.values.len() > MAX_ON_EXIT_CODES_VALUES {
        errs.push(FieldError::too_many(
            values_path.clone(),
            oec.values.len(),
            MAX_ON_EXIT_CODES_VALUES,
        ));
    }
    let is_in = oec.operator == Some(ExitCodeOperator::In);
    let mut seen = HashSet::new();
    let mut ordered = true;
    for (j, v) in oec.values.iter().enumerate() {
        let vp = format!("{values_path}[{j}]");
        if is_in && *v == 0 {
            errs.push(FieldError::invalid(
                vp.clone(),
                BadValue::Int(0),
                "must not be 0 for the In operator",
            ));
        }
        if !seen.insert(*v) {
            errs.push(FieldError::duplicate(vp, BadValue::Int((*v).into())));
        }
        if j > 0 && oec.values.get(j - 1).is_some_and(|prev| prev > v) {
            ordered = false;
        }
    }
    if !ordered {
        errs.push(FieldError::invalid(
            values_path,
            BadValue::Raw(render::int_list(&oec.values)),
            "must be ordered",
        ));
    }
    errs
}

/// `validateSuccessPolicy`.
fn validate_success_policy(path: &str, spec: &JobSpec, rules: &[SuccessPolicyRule]) -> ErrorList {
    let mut errs = Vec::new();
    let rules_path = format!("{path}.rules");
    if rules.is_empty() {
        errs.push(FieldError::required(
            rules_path.clone(),
            "at least one rules must be specified when the successPolicy is specified",
        ));
    }
    if rules.len() > MAX_SUCCESS_POLICY_RULES {
        errs.push(FieldError::too_many(
            rules_path.clone(),
            rules.len(),
            MAX_SUCCESS_POLICY_RULES,
        ));
    }
    // Upstream dereferences spec.completions here (an API server panic when it is unset,
    // which validateJobSpec already reports); 0 keeps the other checks meaningful.
    let completions = spec.completions.unwrap_or(0);
    for (i, rule) in rules.iter().enumerate() {
        let rp = format!("{rules_path}[{i}]");
        if rule.succeeded_count.is_none() && rule.succeeded_indexes.is_none() {
            errs.push(FieldError::required(
                rp.clone(),
                "at least one of succeededCount or succeededIndexes must be specified",
            ));
        }
        let mut total: i64 = 0;
        if let Some(si) = &rule.succeeded_indexes {
            let sp = format!("{rp}.succeededIndexes");
            if si.len() > MAX_SUCCEEDED_INDEXES_LENGTH {
                errs.push(FieldError::too_long(
                    sp.clone(),
                    MAX_SUCCEEDED_INDEXES_LENGTH,
                ));
            }
            match validate_indexes_format(si, completions) {
                Ok(t) => total = t,
                Err(e) => errs.push(FieldError::invalid(
                    sp,
                    BadValue::Str(si.clone()),
                    format!("error parsing succeededIndexes: {e}"),
                )),
            }
        }
        if let Some(count) = rule.succeeded_count {
            let cp = format!("{rp}.succeededCount");
            nonnegative(&mut errs, &cp, Some(count.into()));
            if count > completions {
                errs.push(FieldError::invalid(
                    cp.clone(),
                    BadValue::Int(count.into()),
                    format!("must be less than or equal to {completions} (the number of specified completions)"),
                ));
            }
            if rule.succeeded_indexes.is_some() && i64::from(count) > total {
                errs.push(FieldError::invalid(
                    cp,
                    BadValue::Int(count.into()),
                    format!("must be less than or equal to {total} (the number of indexes in the specified succeededIndexes field)"),
                ));
            }
        }
    }
    errs
}

/// Go's `strconv.Atoi` on a 64-bit platform.
fn atoi(s: &str) -> Option<i64> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<i64>().ok()
}

/// `parseIndexInterval`.
fn parse_index_interval(interval: &str, completions: i32) -> Result<(i64, i64), String> {
    let limits: Vec<&str> = interval.split('-').collect();
    if limits.len() > 2 {
        return Err(format!(
            "the fragment {} violates the requirement that an index interval can have at most two parts separated by '-'",
            crate::api::field::go_quote(interval)
        ));
    }
    let first = limits.first().copied().unwrap_or("");
    let q = crate::api::field::go_quote;
    let x = atoi(first)
        .ok_or_else(|| format!("cannot convert string to integer for index: {}", q(first)))?;
    if x >= i64::from(completions) {
        return Err(format!("too large index: {}", q(first)));
    }
    if let Some(second) = limits.get(1) {
        let y = atoi(second)
            .ok_or_else(|| format!("cannot convert string to integer for index: {}", q(second)))?;
        if y >= i64::from(completions) {
            return Err(format!("too large index: {}", q(second)));
        }
        if x >= y {
            return Err(format!("non-increasing order, previous: {x}, current: {y}"));
        }
        return Ok((x, y));
    }
    Ok((x, x))
}

/// `validateIndexesFormat`: the number of indexes, or the parse error.
pub fn validate_indexes_format(s: &str, completions: i32) -> Result<i64, String> {
    if s.is_empty() {
        return Ok(0);
    }
    let mut last: Option<i64> = None;
    let mut total: i64 = 0;
    for interval in s.split(',') {
        let (x, y) = parse_index_interval(interval, completions)?;
        if let Some(l) = last.filter(|l| *l >= x) {
            return Err(format!("non-increasing order, previous: {l}, current: {x}"));
        }
        total += y - x + 1;
        last = Some(y);
    }
    Ok(total)
}

/// `WarningsOnCreate` of the Job strategy (subset: name, Indexed limits, pod template).
pub fn job_warnings(job: &Job) -> Vec<String> {
    let mut w = Vec::new();
    let msgs = is_dns1123_label(job.name());
    if !msgs.is_empty() && !job.name().is_empty() {
        w.push(format!(
            "metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [{}]",
            msgs.join(" ")
        ));
    }
    w.extend(job_spec_warnings("spec", &job.spec));
    w
}

/// `WarningsForJobSpec` (subset).
pub fn job_spec_warnings(path: &str, spec: &JobSpec) -> Vec<String> {
    let mut w = Vec::new();
    if spec.is_indexed()
        && spec.completions.unwrap_or(0) > COMPLETIONS_SOFT_LIMIT
        && spec.parallelism.unwrap_or(0) > PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS
    {
        w.push(format!("{path}: In Indexed Jobs with a number of completions higher than 10^5 and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes when a big number of indexes fail"));
    }
    w.extend(super::pod::template_warnings(
        &format!("{path}.template"),
        spec.template.as_ref(),
    ));
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_format_errors() {
        assert_eq!(validate_indexes_format("0,2-3", 5), Ok(3));
        assert_eq!(validate_indexes_format("", 5), Ok(0));
        assert_eq!(
            validate_indexes_format("1-0", 5),
            Err("non-increasing order, previous: 1, current: 0".into())
        );
        assert_eq!(
            validate_indexes_format("a", 5),
            Err("cannot convert string to integer for index: \"a\"".into())
        );
        assert_eq!(
            validate_indexes_format("5", 5),
            Err("too large index: \"5\"".into())
        );
        assert_eq!(
            validate_indexes_format("3,1", 5),
            Err("non-increasing order, previous: 3, current: 1".into())
        );
        assert_eq!(
            validate_indexes_format("1-2-3", 5),
            Err("the fragment \"1-2-3\" violates the requirement that an index interval can have at most two parts separated by '-'".into())
        );
        assert_eq!(
            validate_indexes_format("0,,1", 5),
            Err("cannot convert string to integer for index: \"\"".into())
        );
        assert_eq!(validate_indexes_format("+1", 5), Ok(1));
    }
}
