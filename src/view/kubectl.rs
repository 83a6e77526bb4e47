//! The CLI's kubectl-like commands: `jobplay describe FILE [TYPE/NAME]`,
//! `jobplay get pods|jobs|cronjobs FILE [-o wide]`, `jobplay logs FILE POD [-c C]`,
//! each at `--at SECONDS` (the state at that virtual time) or at the end of the run.
//!
//! Exit status: 0 on success (an empty list included: kubectl prints
//! `No resources found` on stderr), 1 for kubectl's errors (`NotFound`,
//! `BadRequest`), 2 for invalid input (nothing on stdout), 3 when the run reached one
//! of the limits of `cluster::limits` (the output, then the limit's message on stderr),
//! 64 for a wrong command line.

use super::{describe, get, logs};
use crate::api::Time;
use crate::cli::{Output, USAGE};
use crate::cluster::store::JobId;
use crate::cluster::{Cluster, Root};
use crate::scenario::ScenarioFile;

fn usage(msg: &str) -> Output {
    Output {
        stdout: String::new(),
        stderr: format!("{msg}\n\n{USAGE}"),
        code: 64,
    }
}

fn ok(stdout: String) -> Output {
    Output {
        stdout,
        stderr: String::new(),
        code: 0,
    }
}

fn kubectl_error(msg: impl Into<String>) -> Output {
    let mut stderr = msg.into();
    if !stderr.ends_with('\n') {
        stderr.push('\n');
    }
    Output {
        stdout: String::new(),
        stderr,
        code: 1,
    }
}

fn invalid(msg: String) -> Output {
    let mut stderr = msg;
    if !stderr.ends_with('\n') {
        stderr.push('\n');
    }
    Output {
        stdout: String::new(),
        stderr,
        code: 2,
    }
}

/// Read, parse and simulate the scenario up to `at` (or to its end).
fn load(path: &str, at: Option<Time>) -> Result<Cluster, Output> {
    let text = crate::cli::read_file(path).map_err(invalid)?;
    let file = ScenarioFile::parse(&text)
        .map_err(|e| invalid(crate::cli::render_input_error(path, &e)))?;
    let mut c = Cluster::new(&file);
    match at {
        Some(t) => c.advance_to(t),
        None => c.run_to_end(),
    }
    Ok(c)
}

/// `-c NAME`, `-c=NAME`, `-o wide`, `-owide`, `-o=wide` out of the positional arguments.
struct Flags {
    container: Option<String>,
    output: Option<String>,
    rest: Vec<String>,
}

fn split_flags(args: &[String]) -> Result<Flags, String> {
    let mut f = Flags {
        container: None,
        output: None,
        rest: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "-c" {
            f.container = Some(it.next().ok_or("-c needs a container name")?.clone());
        } else if let Some(v) = a.strip_prefix("-c=") {
            f.container = Some(v.to_string());
        } else if a == "-o" {
            f.output = Some(it.next().ok_or("-o needs a format")?.clone());
        } else if let Some(v) = a.strip_prefix("-o=").or_else(|| a.strip_prefix("-o")) {
            f.output = Some(v.to_string());
        } else if a.starts_with('-') && a.len() > 1 {
            return Err(format!("unknown option {a}"));
        } else {
            f.rest.push(a.clone());
        }
    }
    Ok(f)
}

/// The resource kinds kubectl knows by these names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Pod,
    Job,
    CronJob,
}

fn kind_of(s: &str) -> Option<Kind> {
    match s.to_ascii_lowercase().as_str() {
        "pod" | "pods" | "po" => Some(Kind::Pod),
        "job" | "jobs" | "job.batch" | "jobs.batch" => Some(Kind::Job),
        "cronjob" | "cronjobs" | "cj" | "cronjob.batch" | "cronjobs.batch" => Some(Kind::CronJob),
        _ => None,
    }
}

/// `describe`, `get pods|jobs|cronjobs`, `logs`.
pub fn run(cmd: &str, args: &[String], at: Option<Time>) -> Output {
    let flags = match split_flags(args) {
        Ok(f) => f,
        Err(e) => return usage(&format!("jobplay {cmd}: {e}")),
    };
    match cmd {
        "describe" => cmd_describe(&flags, at),
        "get" => cmd_get(&flags, at),
        "logs" => cmd_logs(&flags, at),
        other => usage(&format!("jobplay: unknown command {other:?}")),
    }
}

/// What `describe` was asked for: a kind and maybe a name.
type Target = Option<(Kind, Option<String>)>;

/// `TYPE/NAME`, `TYPE NAME`, `TYPE` or nothing (the simulated workload).
fn parse_target(args: &[String]) -> Result<Target, Output> {
    match args {
        [] => Ok(None),
        [t] => match t.split_once('/') {
            Some((k, n)) => match kind_of(k) {
                Some(k) => Ok(Some((k, Some(n.to_string())))),
                None => Err(unknown_type(k)),
            },
            None => match kind_of(t) {
                Some(k) => Ok(Some((k, None))),
                None => Err(unknown_type(t)),
            },
        },
        [t, n] => match kind_of(t) {
            Some(k) => Ok(Some((k, Some(n.clone())))),
            None => Err(unknown_type(t)),
        },
        _ => Err(usage("jobplay describe: too many arguments")),
    }
}

fn cmd_describe(flags: &Flags, at: Option<Time>) -> Output {
    let Some(path) = flags.rest.first() else {
        return usage("jobplay describe: FILE is required");
    };
    let target = match parse_target(flags.rest.get(1..).unwrap_or(&[])) {
        Ok(t) => t,
        Err(o) => return o,
    };
    match load(path, at) {
        Ok(c) => crate::cli::with_halt(&c, describe_target(&c, target)),
        Err(o) => o,
    }
}

/// `kubectl describe [TYPE[/NAME] | TYPE NAME]` on a simulated cluster: without
/// arguments, the simulated workload (the Job, or the CronJob).
pub fn describe(c: &Cluster, args: &[String]) -> Output {
    match parse_target(args) {
        Ok(t) => describe_target(c, t),
        Err(o) => o,
    }
}

fn describe_target(c: &Cluster, target: Target) -> Output {
    let (kind, name) = match target {
        Some(t) => t,
        None => match c.root {
            Root::Job(_) => (Kind::Job, None),
            Root::CronJob => (Kind::CronJob, None),
        },
    };
    match kind {
        Kind::Job => {
            let ids: Vec<JobId> = c
                .store
                .job_ids()
                .filter(|j| c.store.live_job(*j).is_some())
                .filter(|j| {
                    name.as_deref()
                        .is_none_or(|n| c.store.job(*j).job.name() == n)
                })
                .collect();
            let wanted = name.clone().or_else(|| match c.root {
                Root::Job(j) => Some(c.store.job(j).job.name().to_string()),
                Root::CronJob => None,
            });
            if ids.is_empty() {
                return match wanted {
                    Some(n) => kubectl_error(format!(
                        "Error from server (NotFound): jobs.batch \"{n}\" not found"
                    )),
                    None => Output {
                        stdout: String::new(),
                        stderr: get::no_resources(c),
                        code: 0,
                    },
                };
            }
            // Several Jobs (of a CronJob): kubectl describes each, separated by a blank line.
            let parts: Vec<String> = ids
                .into_iter()
                .filter_map(|j| describe::describe_job(c, j))
                .collect();
            ok(parts.join("\n\n"))
        }
        Kind::CronJob => {
            let have = c.store.cronjob.as_ref().map(|cj| cj.name().to_string());
            match (have, name) {
                (Some(have), Some(want)) if have != want => kubectl_error(format!(
                    "Error from server (NotFound): cronjobs.batch \"{want}\" not found"
                )),
                (None, Some(want)) => kubectl_error(format!(
                    "Error from server (NotFound): cronjobs.batch \"{want}\" not found"
                )),
                _ => match describe::describe_cronjob(c) {
                    Some(s) => ok(s),
                    None => Output {
                        stdout: String::new(),
                        stderr: get::no_resources(c),
                        code: 0,
                    },
                },
            }
        }
        Kind::Pod => kubectl_error(
            "error: jobplay describes jobs and cronjobs; for pods use `jobplay get pods` and `jobplay logs`",
        ),
    }
}

fn unknown_type(t: &str) -> Output {
    kubectl_error(format!(
        "error: the server doesn't have a resource type \"{t}\""
    ))
}

fn cmd_get(flags: &Flags, at: Option<Time>) -> Output {
    let (Some(what), Some(path)) = (flags.rest.first(), flags.rest.get(1)) else {
        return usage("jobplay get: usage: jobplay get pods|jobs|cronjobs FILE");
    };
    if flags.rest.len() > 2 {
        return usage("jobplay get: too many arguments");
    }
    let wide = match flags.output.as_deref() {
        None => false,
        Some("wide") => true,
        Some(o) => {
            return usage(&format!(
                "jobplay get: output format {o:?} is not supported (only -o wide)"
            ))
        }
    };
    if kind_of(what).is_none() {
        return unknown_type(what);
    }
    match load(path, at) {
        Ok(c) => crate::cli::with_halt(&c, get(&c, what, wide)),
        Err(o) => o,
    }
}

/// `kubectl get pods|jobs|cronjobs [-o wide]` on a simulated cluster.
pub fn get(c: &Cluster, what: &str, wide: bool) -> Output {
    let table = match kind_of(what) {
        Some(Kind::Pod) => get::pods(c),
        Some(Kind::Job) => get::jobs(c, wide),
        Some(Kind::CronJob) => get::cronjobs(c, wide),
        None => return unknown_type(what),
    };
    if table.rows.is_empty() {
        return Output {
            stdout: String::new(),
            stderr: get::no_resources(c),
            code: 0,
        };
    }
    ok(table.render())
}

fn cmd_logs(flags: &Flags, at: Option<Time>) -> Output {
    let (Some(path), Some(pod)) = (flags.rest.first(), flags.rest.get(1)) else {
        return usage("jobplay logs: usage: jobplay logs FILE POD [-c CONTAINER]");
    };
    if flags.rest.len() > 2 {
        return usage("jobplay logs: too many arguments");
    }
    match load(path, at) {
        Ok(c) => crate::cli::with_halt(&c, logs(&c, pod, flags.container.as_deref())),
        Err(o) => o,
    }
}

/// `kubectl logs POD [-c CONTAINER]` on a simulated cluster.
pub fn logs(c: &Cluster, pod: &str, container: Option<&str>) -> Output {
    let pod = pod.strip_prefix("pod/").unwrap_or(pod);
    match logs::logs(c, pod, container) {
        Ok(l) => Output {
            stdout: l.stdout,
            stderr: l.notice,
            code: 0,
        },
        Err(e) => kubectl_error(e),
    }
}
