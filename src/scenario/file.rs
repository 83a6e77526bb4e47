//! A scenario file: one workload (a batch/v1 Job or CronJob) and at most one
//! Scenario, in a multi-document YAML text. Parsing decodes, defaults and
//! validates everything as the API server would, and returns every problem as a
//! [`Diagnostic`] with its line, so the page can mark it and the CLI can print it.

use super::Scenario;
use crate::api::yaml::{self, DecodeError, Doc};
use crate::api::{self, CronJob, FieldError, Invalid, Job};
use std::fmt;

/// The object the scenario simulates.
#[derive(Clone, Debug, PartialEq)]
pub enum Workload {
    Job(Box<Job>),
    CronJob(Box<CronJob>),
}

impl Workload {
    pub fn kind(&self) -> &'static str {
        match self {
            Workload::Job(_) => "Job",
            Workload::CronJob(_) => "CronJob",
        }
    }
    pub fn name(&self) -> &str {
        match self {
            Workload::Job(j) => j.name(),
            Workload::CronJob(c) => c.name(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A problem with the input, placed at a line of the whole file where known.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// 1-based line and column in the whole file.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The field path the problem is about, e.g. `spec.parallelism`.
    pub path: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            line: None,
            column: None,
            path: None,
        }
    }
    fn from_decode(e: DecodeError) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: e.message,
            line: e.line,
            column: e.column,
            path: None,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "line {l}, column {c}: {}", self.message),
            (Some(l), None) => write!(f, "line {l}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

/// Everything wrong with an input: printed as the API server and kubectl would print it.
#[derive(Clone, Debug, PartialEq)]
pub struct InputError {
    /// The text a real cluster would print (e.g. `The Job "pi" is invalid: ...`).
    pub message: String,
    /// The same problems, one per field, with lines.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl InputError {
    fn single(d: Diagnostic) -> Self {
        let message = d.to_string();
        InputError {
            message,
            diagnostics: vec![d],
        }
    }
}

/// A parsed, defaulted and validated scenario file.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioFile {
    pub workload: Workload,
    pub scenario: Scenario,
    /// Whether the file held a Scenario document.
    pub has_scenario: bool,
    /// Notes that do not stop the run (YAML 1.1 readings and the like).
    pub warnings: Vec<Diagnostic>,
    /// 1-based first line of the workload document and of the Scenario document.
    pub workload_line: usize,
    pub scenario_line: Option<usize>,
}

/// Default seed when the Scenario gives none.
pub const DEFAULT_SEED: u64 = 1;

impl ScenarioFile {
    pub fn seed(&self) -> u64 {
        self.scenario.spec.seed.unwrap_or(DEFAULT_SEED)
    }

    /// Parse, default and validate a scenario file.
    pub fn parse(text: &str) -> Result<ScenarioFile, InputError> {
        if text.len() > yaml::MAX_INPUT_BYTES {
            return Err(InputError::single(Diagnostic::error(format!(
                "Request entity too large: limit is {} (the file has {} bytes)",
                yaml::MAX_INPUT_BYTES,
                text.len()
            ))));
        }
        if let Some(pos) =
            text.find(|c: char| c == '\0' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t')))
        {
            let line = text[..pos].matches('\n').count() + 1;
            let mut d = Diagnostic::error(
                "the file holds binary data (a control character), not YAML text".to_string(),
            );
            d.line = Some(line);
            return Err(InputError::single(d));
        }
        let docs = yaml::split_documents(text);
        let mut warnings = Vec::new();
        let mut workload: Option<(Workload, Doc<'_>)> = None;
        let mut scenario: Option<(Scenario, Doc<'_>)> = None;
        for doc in &docs {
            let tree =
                yaml::parse_doc(doc).map_err(|e| InputError::single(Diagnostic::from_decode(e)))?;
            let tm = yaml::type_meta_of(doc, &tree)
                .map_err(|e| InputError::single(Diagnostic::from_decode(e)))?;
            for n in yaml::yaml11_notes(doc) {
                warnings.push(Diagnostic {
                    severity: Severity::Warning,
                    message: n.message,
                    line: Some(n.line),
                    column: Some(n.column),
                    path: None,
                });
            }
            let at_doc = |msg: String| {
                let mut d = Diagnostic::error(msg);
                d.line = Some(doc.first_line);
                InputError::single(d)
            };
            let (api_version, kind) = match (tm.api_version.as_deref(), tm.kind.as_deref()) {
                (None, None) => {
                    return Err(at_doc(
                        "error validating data: [apiVersion not set, kind not set]: every document needs apiVersion and kind (batch/v1 Job, batch/v1 CronJob or playground/v1 Scenario)".into(),
                    ))
                }
                (None, Some(_)) => return Err(at_doc("error validating data: apiVersion not set".into())),
                (Some(_), None) => return Err(at_doc("error validating data: kind not set".into())),
                (Some(a), Some(k)) => (a, k),
            };
            match (api_version, kind) {
                ("batch/v1", "Job") | ("batch/v1", "CronJob") => {
                    if let Some((w, _)) = &workload {
                        return Err(at_doc(format!(
                            "a scenario file holds exactly one workload: this {kind} comes after the {} {:?}",
                            w.kind(),
                            w.name()
                        )));
                    }
                    let w = if kind == "Job" {
                        let job: Job = yaml::decode_tree(doc, &tree, "Job", "v1")
                            .map_err(|e| InputError::single(Diagnostic::from_decode(e)))?;
                        Workload::Job(Box::new(job))
                    } else {
                        let cj: CronJob = yaml::decode_tree(doc, &tree, "CronJob", "v1")
                            .map_err(|e| InputError::single(Diagnostic::from_decode(e)))?;
                        Workload::CronJob(Box::new(cj))
                    };
                    workload = Some((w, *doc));
                }
                (super::API_VERSION, "Scenario") => {
                    if scenario.is_some() {
                        return Err(at_doc(
                            "a scenario file holds at most one Scenario document".into(),
                        ));
                    }
                    let s: Scenario = yaml::decode_tree(doc, &tree, "Scenario", super::API_VERSION)
                        .map_err(|e| InputError::single(Diagnostic::from_decode(e)))?;
                    scenario = Some((s, *doc));
                }
                (a, k) => {
                    let hint = match (a, k) {
                        ("batch/v1beta1", "CronJob") => " (batch/v1beta1 CronJob was removed in Kubernetes 1.25: use apiVersion batch/v1)",
                        (_, "Job") | (_, "CronJob") => " (use apiVersion batch/v1)",
                        (_, "Scenario") => " (use apiVersion playground/v1)",
                        _ => " (the playground simulates batch/v1 Job and CronJob, with an optional playground/v1 Scenario)",
                    };
                    return Err(at_doc(format!(
                        "no matches for kind {k:?} in version {a:?}{hint}"
                    )));
                }
            }
        }
        let (mut workload, wdoc) = match workload {
            Some(w) => w,
            None => {
                return Err(InputError::single(Diagnostic::error(
                    "no workload found: the file needs a batch/v1 Job or CronJob document",
                )))
            }
        };
        let (scenario, sdoc) = match scenario {
            Some((s, d)) => (s, Some(d)),
            None => (Scenario::default(), None),
        };
        let seed = scenario.spec.seed.unwrap_or(DEFAULT_SEED);

        // Default and validate the workload as the API server does on create.
        let meta = match &mut workload {
            Workload::Job(j) => &mut j.metadata,
            Workload::CronJob(c) => &mut c.metadata,
        };
        api::defaults::generate_name(meta, seed);
        let errors = match &mut workload {
            Workload::Job(job) => {
                let uid = crate::cluster::ids::uid_for(seed, "Job", job.name());
                api::defaults::prepare_job_for_create(job, &uid);
                api::validation::validate_job_create(job)
            }
            Workload::CronJob(cj) => {
                let uid = crate::cluster::ids::uid_for(seed, "CronJob", cj.name());
                api::defaults::prepare_cronjob_for_create(cj, &uid);
                api::validation::validate_cronjob_create(cj)
            }
        };
        if !errors.is_empty() {
            return Err(invalid(workload.kind(), workload.name(), errors, &wdoc));
        }
        if let Some(e) = beyond_limits(&workload, &wdoc) {
            return Err(e);
        }
        // The API server's warnings (kubectl prints them as `Warning: ...`).
        let api_warnings = match &workload {
            Workload::Job(job) => api::validation::job_warnings(job),
            Workload::CronJob(cj) => api::validation::cronjob_warnings(cj),
        };
        for message in api_warnings {
            let path = message.split(": ").next().unwrap_or("");
            let pos = api::locate::locate(wdoc.text, path);
            warnings.push(Diagnostic {
                severity: Severity::Warning,
                line: pos.map(|p| wdoc.first_line + p.line - 1),
                column: pos.map(|p| p.column),
                path: Some(path.to_string()),
                message,
            });
        }
        let file = ScenarioFile {
            workload,
            scenario,
            has_scenario: sdoc.is_some(),
            warnings,
            workload_line: wdoc.first_line,
            scenario_line: sdoc.map(|d| d.first_line),
        };
        let serrs = super::validate::validate(&file);
        if !serrs.is_empty() {
            let name = file.scenario.metadata.name.clone().unwrap_or_default();
            return Err(match sdoc {
                Some(d) => invalid("Scenario", &name, serrs, &d),
                None => InputError::single(Diagnostic::error(serrs[0].to_string())),
            });
        }
        Ok(file)
    }
}

/// A valid workload that asks for more than one run may simulate
/// ([`crate::cluster::limits`]): refused at its line, in the playground's words (a
/// real API server would accept it).
fn beyond_limits(w: &Workload, doc: &Doc<'_>) -> Option<InputError> {
    use crate::cluster::limits::MAX_COMPLETIONS;
    let (path, completions) = match w {
        Workload::Job(j) => ("spec.completions", j.spec.completions),
        Workload::CronJob(c) => (
            "spec.jobTemplate.spec.completions",
            c.spec
                .job_template
                .as_ref()
                .and_then(|t| t.spec.as_ref())
                .and_then(|s| s.completions),
        ),
    };
    let n = completions.filter(|n| *n > MAX_COMPLETIONS)?;
    let e = FieldError::invalid(
        path,
        api::BadValue::Int(n as i64),
        format!("must be at most {MAX_COMPLETIONS}, the most completions one run may simulate (limit: completions per run)"),
    );
    let pos = api::locate::locate(doc.text, path);
    let message = format!(
        "The {} {:?} is beyond the playground's limits (a real cluster would accept it): {e}",
        w.kind(),
        w.name()
    );
    Some(InputError {
        diagnostics: vec![Diagnostic {
            severity: Severity::Error,
            message: e.to_string(),
            line: pos.map(|p| doc.first_line + p.line - 1),
            column: pos.map(|p| p.column),
            path: Some(path.to_string()),
        }],
        message,
    })
}

/// Turn field errors into kubectl's message and per-line diagnostics.
pub fn invalid(kind: &str, name: &str, mut errors: Vec<FieldError>, doc: &Doc<'_>) -> InputError {
    // A hostile file can hold hundreds of thousands of bad fields: list (and locate, which
    // walks the document) the first ones only, so that the answer stays small and quick.
    const MAX_LISTED: usize = 200;
    let more = errors.len().saturating_sub(MAX_LISTED);
    errors.truncate(MAX_LISTED);
    let diagnostics = errors
        .iter()
        .map(|e| {
            let pos = api::locate::locate(doc.text, e.path.split(": ").next().unwrap_or(&e.path));
            Diagnostic {
                severity: Severity::Error,
                message: e.to_string(),
                line: pos.map(|p| doc.first_line + p.line - 1),
                column: pos.map(|p| p.column),
                path: Some(e.path.clone()),
            }
        })
        .collect();
    let mut message = Invalid {
        kind: kind.to_string(),
        name: name.to_string(),
        errors,
    }
    .to_string();
    if more > 0 {
        message.push_str(&format!("\n* ... and {more} more errors"));
    }
    InputError {
        message,
        diagnostics,
    }
}
