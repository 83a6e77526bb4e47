//! Validation of the Scenario document: times, selectors, actions (each `patch`
//! checked as the API server checks an update), and the work queue. Errors use
//! the API server's field-error shapes under the Scenario's own field paths.

use super::file::{ScenarioFile, Workload};
use super::{ActionKind, OrdinalList, Seconds};
use crate::api::{self, BadValue, FieldError};

fn check_seconds(errs: &mut Vec<FieldError>, path: &str, v: Option<Seconds>) {
    if let Some(s) = v {
        if !s.is_valid() {
            let shown = if s.0.fract() == 0.0 && s.0.is_finite() {
                BadValue::Int(s.0 as i64)
            } else {
                BadValue::Raw(s.0.to_string())
            };
            errs.push(FieldError::invalid(
                path,
                shown,
                "must be a time between 0 and 10 years, in seconds",
            ));
        }
    }
}

fn check_list(errs: &mut Vec<FieldError>, path: &str, v: &Option<OrdinalList>) {
    if let Some(l) = v {
        if l.set.is_none() {
            errs.push(FieldError::invalid(
                path,
                BadValue::Str(l.text.clone()),
                "must be a list of non-negative numbers and ranges such as \"0,2-4\"",
            ));
        }
    }
}

/// Validate the Scenario of a parsed file against its workload.
pub fn validate(file: &ScenarioFile) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let spec = &file.scenario.spec;
    check_seconds(&mut errs, "spec.startSeconds", spec.start_seconds);
    check_seconds(&mut errs, "spec.stopAfterSeconds", spec.stop_after_seconds);
    if let Some(s) = spec.stop_after_seconds.filter(|s| s.is_valid()) {
        use crate::cluster::limits::MAX_VIRTUAL_SECONDS;
        if s.0 > MAX_VIRTUAL_SECONDS as f64 {
            errs.push(FieldError::invalid(
                "spec.stopAfterSeconds",
                if s.0.fract() == 0.0 {
                    BadValue::Int(s.0 as i64)
                } else {
                    BadValue::Raw(s.0.to_string())
                },
                format!(
                    "must be at most {MAX_VIRTUAL_SECONDS} (366 days), the most virtual time one run may simulate (limit: virtual time per run)"
                ),
            ));
        }
    }
    if let Some(t) = &spec.start_time {
        if crate::cluster::wallclock::parse_rfc3339(t).is_none() {
            errs.push(FieldError::invalid(
                "spec.startTime",
                BadValue::Str(t.clone()),
                "must be an RFC 3339 time such as \"2026-01-01T00:00:00Z\"",
            ));
        }
    }
    let indexed = matches!(&file.workload, Workload::Job(j) if j.spec.is_indexed());
    for (i, rule) in spec.pods.iter().enumerate() {
        let p = format!("spec.pods[{i}]");
        check_list(&mut errs, &format!("{p}.index"), &rule.index);
        check_list(&mut errs, &format!("{p}.pod"), &rule.pod);
        check_list(&mut errs, &format!("{p}.restart"), &rule.restart);
        check_list(&mut errs, &format!("{p}.job"), &rule.job);
        check_seconds(&mut errs, &format!("{p}.runSeconds"), rule.run_seconds);
        check_seconds(&mut errs, &format!("{p}.stopSeconds"), rule.stop_seconds);
        if rule.index.is_some() && !indexed {
            errs.push(FieldError::invalid(
                format!("{p}.index"),
                BadValue::Str(
                    rule.index
                        .as_ref()
                        .map(|l| l.text.clone())
                        .unwrap_or_default(),
                ),
                "selects completion indexes, which only an Indexed Job has",
            ));
        }
        if let Some(code) = rule.exit_code {
            if !(0..=255).contains(&code) {
                errs.push(FieldError::invalid(
                    format!("{p}.exitCode"),
                    BadValue::Int(code as i64),
                    "must be between 0 and 255",
                ));
            }
        }
        if let Some(c) = &rule.container {
            let names = container_names(&file.workload);
            if !names.iter().any(|n| n == c) {
                let list = names
                    .iter()
                    .map(|n| api::field::go_quote(n))
                    .collect::<Vec<_>>()
                    .join(", ");
                errs.push(FieldError::invalid(
                    format!("{p}.container"),
                    BadValue::Str(c.clone()),
                    format!("must name a container of the pod template: {list}"),
                ));
            }
        }
    }
    let mut current = file.workload.clone();
    let mut suspended = match &current {
        Workload::Job(j) => j.spec.is_suspended(),
        Workload::CronJob(_) => false,
    };
    let mut started = !suspended;
    let mut actions: Vec<(usize, &super::Action)> = spec.actions.iter().enumerate().collect();
    crate::sort::sort_by(&mut actions, |a, b| {
        let ta = a.1.at.map(|s| s.0).unwrap_or(0.0);
        let tb = b.1.at.map(|s| s.0).unwrap_or(0.0);
        ta.partial_cmp(&tb)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.0.cmp(&b.0))
    });
    for (i, action) in actions {
        let p = format!("spec.actions[{i}]");
        match action.at {
            None => errs.push(FieldError::required(
                format!("{p}.at"),
                "the virtual time of the action, in seconds",
            )),
            Some(_) => check_seconds(&mut errs, &format!("{p}.at"), action.at),
        }
        match action.kind() {
            None => errs.push(FieldError::invalid(
                p.clone(),
                BadValue::Omit,
                "must have exactly one of patch, suspend, deletePod, evictPod, addPodCondition, deleteJob",
            )),
            Some(ActionKind::Patch(patch)) => match api::patch::apply_to_workload(&current, &patch) {
                Err(msg) => errs.push(FieldError::invalid(format!("{p}.patch"), BadValue::Omit, msg)),
                Ok(next) => {
                    let update_errs = match (&current, &next) {
                        (Workload::Job(old), Workload::Job(new)) => {
                            let mut old = old.clone();
                            if started {
                                old.status.start_time = Some(api::Time::ZERO);
                            }
                            api::validation::validate_job_update(&old, new)
                        }
                        (Workload::CronJob(old), Workload::CronJob(new)) => api::validation::validate_cronjob_update(old, new),
                        _ => Vec::new(),
                    };
                    if update_errs.is_empty() {
                        if let Workload::Job(j) = &next {
                            suspended = j.spec.is_suspended();
                            started |= !suspended;
                        }
                        current = next;
                    } else {
                        let kind = current.kind();
                        let inv = api::Invalid { kind: kind.to_string(), name: current.name().to_string(), errors: update_errs };
                        errs.push(FieldError::invalid(format!("{p}.patch"), BadValue::Omit, format!("the API server rejects this update: {inv}")));
                    }
                }
            },
            Some(ActionKind::Suspend(s)) => {
                if let Workload::Job(j) = &mut current {
                    j.spec.suspend = Some(s);
                }
                suspended = s;
                started |= !suspended;
                if let Workload::CronJob(c) = &mut current {
                    c.spec.suspend = Some(s);
                }
            }
            Some(ActionKind::DeletePod(sel)) | Some(ActionKind::EvictPod(sel)) => {
                let which = if action.delete_pod.is_some() { "deletePod" } else { "evictPod" };
                check_selector(&mut errs, &format!("{p}.{which}"), &sel, indexed);
            }
            Some(ActionKind::AddPodCondition(c)) => {
                check_selector(&mut errs, &format!("{p}.addPodCondition"), &c.selector(), indexed);
                if c.type_.is_empty() {
                    errs.push(FieldError::required(format!("{p}.addPodCondition.type"), "the condition type, e.g. ConfigIssue"));
                }
                if let Some(s) = &c.status {
                    if !matches!(s.as_str(), "True" | "False" | "Unknown") {
                        errs.push(FieldError::unsupported(format!("{p}.addPodCondition.status"), s, &["True", "False", "Unknown"]));
                    }
                }
            }
            Some(ActionKind::DeleteJob(d)) => {
                if let Some(pp) = &d.propagation_policy {
                    if !matches!(pp.as_str(), "Background" | "Foreground" | "Orphan") {
                        errs.push(FieldError::unsupported(
                            format!("{p}.deleteJob.propagationPolicy"),
                            pp,
                            &["Background", "Foreground", "Orphan"],
                        ));
                    }
                }
            }
        }
    }
    if let Some(q) = &spec.queue {
        check_seconds(&mut errs, "spec.queue.secondsPerItem", q.seconds_per_item);
        if q.items > 1_000_000 {
            errs.push(FieldError::invalid(
                "spec.queue.items",
                BadValue::Int(q.items as i64),
                "must be at most 1000000",
            ));
        }
    }
    for (i, step) in file.scenario.spec.walkthrough.iter().enumerate() {
        let p = format!("spec.walkthrough[{i}]");
        check_seconds(&mut errs, &format!("{p}.at"), step.at);
        if step.text.trim().is_empty() {
            errs.push(FieldError::required(
                format!("{p}.text"),
                "what the step explains or asks",
            ));
        }
        for (j, e) in step.expect.iter().enumerate() {
            let q = format!("{p}.expect[{j}]");
            match e.meaning() {
                Err(("required", msg)) => errs.push(FieldError::required(q.clone(), msg)),
                Err((field, msg)) => {
                    let (path, value) = match field {
                        "path" => (
                            format!("{q}.path"),
                            BadValue::Str(e.path.clone().unwrap_or_default()),
                        ),
                        "outcome" => (
                            format!("{q}.outcome"),
                            BadValue::Str(e.outcome.clone().unwrap_or_default()),
                        ),
                        _ => (q.clone(), BadValue::Omit),
                    };
                    errs.push(FieldError::invalid(path, value, msg));
                }
                Ok(_) => {
                    if e.outcome.is_some() && !matches!(file.workload, Workload::Job(_)) {
                        errs.push(FieldError::invalid(
                            format!("{q}.outcome"),
                            BadValue::Str(e.outcome.clone().unwrap_or_default()),
                            "applies to a Job; for a CronJob, check a path such as jobs[0].status.succeeded",
                        ));
                    }
                }
            }
        }
    }
    errs
}

fn check_selector(errs: &mut Vec<FieldError>, p: &str, sel: &super::PodSelector, indexed: bool) {
    check_list(errs, &format!("{p}.index"), &sel.index);
    check_list(errs, &format!("{p}.pod"), &sel.pod);
    check_list(errs, &format!("{p}.job"), &sel.job);
    if sel.index.is_some() && !indexed {
        errs.push(FieldError::invalid(
            format!("{p}.index"),
            BadValue::Omit,
            "selects completion indexes, which only an Indexed Job has",
        ));
    }
    if sel.name.is_none() && sel.index.is_none() && sel.pod.is_none() && sel.all != Some(true) {
        errs.push(FieldError::required(
            p.to_string(),
            "one of name, index, pod or all: true",
        ));
    }
}

fn container_names(w: &Workload) -> Vec<String> {
    let spec = match w {
        Workload::Job(j) => j.spec.template_spec(),
        Workload::CronJob(c) => c
            .spec
            .job_template
            .as_ref()
            .and_then(|t| t.spec.as_ref())
            .and_then(|s| s.template_spec()),
    };
    spec.map(|s| {
        s.containers()
            .iter()
            .chain(s.init_containers())
            .map(|c| c.name().to_string())
            .collect()
    })
    .unwrap_or_default()
}
