//! The `jobplay` command line: argument parsing and the commands, as a pure
//! function from arguments (and files) to output, so tests can call it directly.

use crate::api::Time;
use crate::cluster::Cluster;
use crate::scenario::ScenarioFile;

/// What a command printed and its exit status.
#[derive(Debug, Default, PartialEq)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Output {
    fn ok(stdout: String) -> Output {
        Output {
            stdout,
            stderr: String::new(),
            code: 0,
        }
    }
    fn invalid(msg: impl Into<String>) -> Output {
        let mut s = msg.into();
        if !s.ends_with('\n') {
            s.push('\n');
        }
        Output {
            stdout: String::new(),
            stderr: s,
            code: 2,
        }
    }
    fn usage(msg: &str) -> Output {
        Output {
            stdout: String::new(),
            stderr: format!("{msg}\n\n{USAGE}"),
            code: 64,
        }
    }
}

pub const USAGE: &str = "usage: jobplay COMMAND FILE [options]

commands:
  run FILE [--json] [--at SECONDS]   simulate the scenario (JSON with --json)
  validate FILE                      check the file as the API server would
  describe FILE [TYPE/NAME] [--at SECONDS]
                                     kubectl describe job (or cronjob)
  get pods FILE [--at SECONDS]       kubectl get pods
  get jobs FILE [-o wide] [--at SECONDS]
                                     kubectl get jobs
  get cronjobs FILE [--at SECONDS]   kubectl get cronjobs
  logs FILE POD [-c CONTAINER] [--at SECONDS]
                                     kubectl logs
  link FILE [--base URL] [--embed] [--autoplay] [--speed N] [--view NAME] [--theme light|dark]
                                     print the share link (raw DEFLATE + base64url, as the page's Share)
";

struct Opts {
    json: bool,
    at: Option<Time>,
    base: String,
    /// The presentation parameters of `link`.
    link: crate::link::LinkState,
    positional: Vec<String>,
}

/// The page's views, as `view=` names them (`ui::driver::Tab::key`).
pub const LINK_VIEWS: &[&str] = &["timeline", "events", "describe", "pods", "logs"];

fn parse_opts(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        json: false,
        at: None,
        base: "https://jobplay.dev/".into(),
        link: crate::link::LinkState::default(),
        positional: Vec::new(),
    };
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        match a.as_str() {
            "--json" | "-o=json" => o.json = true,
            "-o" if args.get(i + 1).map(|s| s.as_str()) == Some("json") => {
                o.json = true;
                i += 1;
            }
            "--at" => {
                let v = args.get(i + 1).ok_or("--at needs a number of seconds")?;
                let secs = crate::scenario::duration::parse_duration(v)
                    .filter(|s| s.is_finite() && *s >= 0.0)
                    .ok_or_else(|| format!("--at: {v:?} is not a time in seconds"))?;
                o.at = Some(Time::from_secs_f64(secs));
                i += 1;
            }
            "--base" => {
                o.base = args.get(i + 1).ok_or("--base needs a URL")?.clone();
                i += 1;
            }
            "--embed" => o.link.embed = true,
            "--autoplay" => o.link.autoplay = true,
            "--speed" => {
                let v = args.get(i + 1).ok_or("--speed needs a number")?;
                let n = v
                    .parse::<f64>()
                    .ok()
                    .filter(|x| x.is_finite() && *x > 0.0)
                    .ok_or_else(|| format!("--speed: {v:?} is not a positive number"))?;
                o.link.speed = Some(n);
                i += 1;
            }
            "--view" => {
                let v = args.get(i + 1).ok_or("--view needs a name")?;
                if !LINK_VIEWS.contains(&v.as_str()) {
                    return Err(format!(
                        "--view: {v:?} is not one of {}",
                        LINK_VIEWS.join(", ")
                    ));
                }
                o.link.view = Some(v.clone());
                i += 1;
            }
            "--theme" => {
                let v = args.get(i + 1).ok_or("--theme needs light or dark")?;
                if !matches!(v.as_str(), "light" | "dark") {
                    return Err(format!("--theme: {v:?} is not light or dark"));
                }
                o.link.theme = Some(v.clone());
                i += 1;
            }
            s if s.starts_with("--at=") => {
                let v = &s[5..];
                let secs = crate::scenario::duration::parse_duration(v)
                    .filter(|s| s.is_finite() && *s >= 0.0)
                    .ok_or_else(|| format!("--at: {v:?} is not a time in seconds"))?;
                o.at = Some(Time::from_secs_f64(secs));
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => o.positional.push(a.clone()),
        }
        i += 1;
    }
    Ok(o)
}

/// Read a scenario file: at most 3 MiB, UTF-8.
pub fn read_file(path: &str) -> Result<String, String> {
    let meta = std::fs::metadata(path)
        .map_err(|e| format!("error: the path {path:?} does not exist or cannot be read: {e}"))?;
    if meta.len() as usize > crate::api::yaml::MAX_INPUT_BYTES {
        return Err(format!(
            "error: {path}: Request entity too large: limit is {} (the file has {} bytes)",
            crate::api::yaml::MAX_INPUT_BYTES,
            meta.len()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("error: cannot read {path}: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "error: {path} is not UTF-8 text (invalid byte at offset {}): a YAML file is expected",
            e.utf8_error().valid_up_to()
        )
    })
}

fn load(path: &str) -> Result<(String, ScenarioFile), Output> {
    let text = read_file(path).map_err(Output::invalid)?;
    let file =
        ScenarioFile::parse(&text).map_err(|e| Output::invalid(render_input_error(path, &e)))?;
    Ok((text, file))
}

/// An input error as kubectl prints it, then each problem with its line.
pub fn render_input_error(path: &str, e: &crate::scenario::file::InputError) -> String {
    let mut s = e.message.clone();
    let located: Vec<String> = e
        .diagnostics
        .iter()
        .filter_map(|d| {
            d.line.map(|l| {
                format!(
                    "  {path}:{l}{}: {}",
                    d.column.map(|c| format!(":{c}")).unwrap_or_default(),
                    d.message
                )
            })
        })
        .collect();
    if !(located.is_empty() || e.diagnostics.len() == 1 && e.message.starts_with("line ")) {
        s.push('\n');
        s.push_str(&located.join("\n"));
    }
    s.push('\n');
    s
}

/// Exit status of a run stopped by one of the limits of `cluster::limits`.
pub const EXIT_LIMIT: i32 = 3;

/// A run stopped by a limit: the output of what was simulated stays on stdout, the
/// limit's message goes to stderr, and the exit status is [`EXIT_LIMIT`].
pub fn with_halt(c: &Cluster, mut o: Output) -> Output {
    if let Some(h) = &c.halted {
        if o.code == 0 {
            o.stderr.push_str(&format!("jobplay: {}\n", h.message));
            o.code = EXIT_LIMIT;
        }
    }
    o
}

fn simulate(file: &ScenarioFile, at: Option<Time>) -> Cluster {
    let mut c = Cluster::new(file);
    match at {
        Some(t) => c.advance_to(t),
        None => c.run_to_end(),
    }
    c
}

/// Run the command line.
pub fn run(args: &[String]) -> Output {
    let Some(cmd) = args.first() else {
        return Output::usage("jobplay: a command is required");
    };
    if cmd == "-h" || cmd == "--help" || cmd == "help" {
        return Output::ok(USAGE.to_string());
    }
    let opts = match parse_opts(&args[1..]) {
        Ok(o) => o,
        Err(e) => return Output::usage(&format!("jobplay: {e}")),
    };
    let pos = &opts.positional;
    match cmd.as_str() {
        "run" => {
            let Some(path) = pos.first() else {
                return Output::usage("jobplay run: FILE is required");
            };
            let (_, file) = match load(path) {
                Ok(v) => v,
                Err(o) => return o,
            };
            let c = simulate(&file, opts.at);
            let o = if opts.json {
                let v = crate::view::json::run_json(&c);
                let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
                s.push('\n');
                Output::ok(s)
            } else {
                Output::ok(crate::view::summary(&c))
            };
            with_halt(&c, o)
        }
        "validate" => {
            let Some(path) = pos.first() else {
                return Output::usage("jobplay validate: FILE is required");
            };
            match load(path) {
                Ok((_, file)) => {
                    let kind = match &file.workload {
                        crate::scenario::Workload::Job(_) => "job.batch",
                        crate::scenario::Workload::CronJob(_) => "cronjob.batch",
                    };
                    let mut s = format!("{kind}/{} valid\n", file.workload.name());
                    if file.has_scenario {
                        s.push_str(&format!(
                            "scenario/{} valid\n",
                            file.scenario.metadata.name()
                        ));
                    }
                    let mut o = Output::ok(s);
                    for w in &file.warnings {
                        o.stderr.push_str(&format!(
                            "warning: {path}:{}: {}\n",
                            w.line.unwrap_or(0),
                            w.message
                        ));
                    }
                    o
                }
                Err(o) => o,
            }
        }
        // Share links need DEFLATE, which only the native build has (the page uses
        // the browser's CompressionStream); the wasm library has no `link` command.
        #[cfg(not(target_arch = "wasm32"))]
        "link" => {
            let Some(path) = pos.first() else {
                return Output::usage("jobplay link: FILE is required");
            };
            let text = match read_file(path) {
                Ok(t) => t,
                Err(e) => return Output::invalid(e),
            };
            let st = crate::link::LinkState {
                yaml: Some(crate::link::encode_yaml(&text)),
                ..opts.link.clone()
            };
            let link = format!("{}#{}", opts.base.trim_end_matches('#'), st.to_fragment());
            let mut o = Output::ok(format!("{link}\n"));
            if link.len() > crate::link::MAX_LINK_BYTES {
                o.stderr = format!(
                    "warning: the link is {} bytes, over the {} that chat tools, documentation systems and proxies reliably keep: share the file instead\n",
                    link.len(),
                    crate::link::MAX_LINK_BYTES
                );
            }
            o
        }
        "describe" | "logs" | "get" => crate::view::kubectl_command(cmd, &opts.positional, opts.at),
        other => Output::usage(&format!("jobplay: unknown command {other:?}")),
    }
}
