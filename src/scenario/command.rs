//! Reading a container's command as a shell would run it, to predict how long it
//! runs, how it exits and what it prints: `sleep N`, `exit N`, `echo TEXT` (with
//! environment variables expanded), `true`, `false`, `date`, `printenv`, the
//! connectors `&&`, `||`, `;`, and the documentation's
//! `perl -Mbignum=bpi -wle "print bpi(N)"`. Anything else runs 10 s and exits 0.

use std::collections::BTreeMap;

/// How long an unknown program runs.
pub const UNKNOWN_RUN_MS: u64 = 10_000;

/// What a container does, as far as its command tells.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub run_ms: u64,
    pub exit_code: i32,
    /// Lines printed, with the offset in ms from the container's start.
    pub logs: Vec<(u64, LogLine)>,
    /// Whether every part of the command was understood.
    pub understood: bool,
}

/// A printed line; pi digits are produced only when someone reads the logs.
#[derive(Clone, Debug, PartialEq)]
pub enum LogLine {
    Text(String),
    PiDigits(u32),
}

impl LogLine {
    pub fn render(&self) -> String {
        match self {
            LogLine::Text(t) => t.clone(),
            LogLine::PiDigits(n) => super::pi::digits(*n as usize),
        }
    }
}

/// The environment a command sees, for `$VAR` expansion and `date`.
#[derive(Clone, Debug, Default)]
pub struct Env {
    pub vars: BTreeMap<String, String>,
    /// Unix seconds of the container's start on the virtual wall clock.
    pub start_unix: i64,
}

/// Split shell words with single and double quotes and backslashes.
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                for c2 in chars.by_ref() {
                    if c2 == '\'' {
                        break;
                    }
                    cur.push(c2);
                }
            }
            '"' => {
                in_word = true;
                while let Some(c2) = chars.next() {
                    match c2 {
                        '"' => break,
                        '\\' => {
                            if let Some(n) = chars.next() {
                                if !matches!(n, '"' | '\\' | '$' | '`') {
                                    cur.push('\\');
                                }
                                cur.push(n);
                            }
                        }
                        '$' => cur.push('\u{1}'), // marks an expandable $ inside double quotes
                        c2 => cur.push(c2),
                    }
                }
            }
            '\\' => {
                in_word = true;
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            '$' => {
                in_word = true;
                cur.push('\u{1}');
            }
            c if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        out.push(cur);
    }
    out
}

fn expand(word: &str, env: &Env) -> String {
    let mut out = String::new();
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1}' {
            out.push(c);
            continue;
        }
        let name: String = if chars.peek() == Some(&'{') {
            chars.next();
            let mut n = String::new();
            for c2 in chars.by_ref() {
                if c2 == '}' {
                    break;
                }
                n.push(c2);
            }
            n
        } else {
            let mut n = String::new();
            while let Some(&c2) = chars.peek() {
                if c2.is_ascii_alphanumeric() || c2 == '_' {
                    n.push(c2);
                    chars.next();
                } else {
                    break;
                }
            }
            n
        };
        if name.is_empty() {
            out.push('$');
        } else if let Some(v) = env.vars.get(name.split(":-").next().unwrap_or("")) {
            out.push_str(v);
        } else if let Some((_, default)) = name.split_once(":-") {
            out.push_str(default);
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Connector {
    Seq,
    And,
    Or,
}

/// Split a script into simple commands joined by `;`, newlines, `&&` and `||` (outside quotes).
fn split_script(script: &str) -> Vec<(Connector, String)> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut next_conn = Connector::Seq;
    let (mut sq, mut dq) = (false, false);
    let b: Vec<char> = script.chars().collect();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            '\'' if !dq => sq = !sq,
            '"' if !sq => dq = !dq,
            _ => {}
        }
        if !sq && !dq {
            let two = if i + 1 < b.len() {
                Some(b[i + 1])
            } else {
                None
            };
            let conn = match (c, two) {
                ('&', Some('&')) => Some((Connector::And, 2)),
                ('|', Some('|')) => Some((Connector::Or, 2)),
                (';', _) | ('\n', _) => Some((Connector::Seq, 1)),
                _ => None,
            };
            if let Some((conn, len)) = conn {
                if !cur.trim().is_empty() {
                    parts.push((next_conn, std::mem::take(&mut cur)));
                } else {
                    cur.clear();
                }
                next_conn = conn;
                i += len;
                continue;
            }
            if c == '#' && (cur.is_empty() || cur.ends_with(char::is_whitespace)) {
                while i < b.len() && b[i] != '\n' {
                    i += 1;
                }
                continue;
            }
        }
        cur.push(c);
        i += 1;
    }
    if !cur.trim().is_empty() {
        parts.push((next_conn, cur));
    }
    parts
}

fn parse_sleep(arg: &str) -> Option<u64> {
    let v = super::duration::parse_duration(arg)?;
    if v.is_finite() && v >= 0.0 {
        Some((v * 1000.0).round().min(10.0 * 365.0 * 86400.0 * 1000.0) as u64)
    } else {
        None
    }
}

fn pi_digits_arg(words: &[String]) -> Option<u32> {
    // perl -Mbignum=bpi -wle "print bpi(2000)"
    let script = words.iter().find(|w| w.contains("bpi("))?;
    let start = script.find("bpi(")? + 4;
    let end = script[start..].find(')')? + start;
    script[start..end].trim().parse().ok()
}

/// How long `bpi(N)` takes: about 10 s for 2000 digits, growing with the square of N.
fn pi_run_ms(n: u32) -> u64 {
    let r = n as f64 / 2000.0;
    ((10_000.0 * r * r).round() as u64).clamp(500, 3_600_000)
}

struct Runner<'a> {
    env: &'a Env,
    t: u64,
    logs: Vec<(u64, LogLine)>,
    understood: bool,
}

impl Runner<'_> {
    /// Run one simple command; returns the exit code and whether the script must stop.
    fn simple(&mut self, raw: &[String]) -> (i32, bool) {
        let argv: Vec<String> = raw.iter().map(|w| expand(w, self.env)).collect();
        let Some(prog) = argv.first() else {
            return (0, false);
        };
        let base = prog.rsplit('/').next().unwrap_or(prog);
        match base {
            "sleep" => match argv.get(1).and_then(|a| parse_sleep(a)) {
                Some(ms) => {
                    self.t += ms;
                    (0, false)
                }
                None => {
                    self.logs
                        .push((self.t, LogLine::Text("sleep: invalid time interval".into())));
                    (1, false)
                }
            },
            "exit" => (
                argv.get(1)
                    .and_then(|a| a.parse::<i64>().ok())
                    .map(|v| v.rem_euclid(256) as i32)
                    .unwrap_or(0),
                true,
            ),
            "true" | ":" => (0, false),
            "false" => (1, false),
            "echo" => {
                let mut args = &argv[1..];
                if args
                    .first()
                    .map(|a| a == "-n" || a == "-e")
                    .unwrap_or(false)
                {
                    args = &args[1..];
                }
                self.logs.push((self.t, LogLine::Text(args.join(" "))));
                (0, false)
            }
            "printenv" => {
                match argv.get(1) {
                    Some(name) => match self.env.vars.get(name) {
                        Some(v) => self.logs.push((self.t, LogLine::Text(v.clone()))),
                        None => return (1, false),
                    },
                    None => {
                        for (k, v) in &self.env.vars {
                            self.logs.push((self.t, LogLine::Text(format!("{k}={v}"))));
                        }
                    }
                }
                (0, false)
            }
            "date" => {
                let now = self.env.start_unix + (self.t / 1000) as i64;
                self.logs.push((self.t, LogLine::Text(unix_date(now))));
                (0, false)
            }
            "sh" | "bash" | "ash" | "dash" | "zsh" => {
                if let Some(pos) = argv
                    .iter()
                    .position(|a| a == "-c" || a == "-ec" || a == "-ce" || a == "-xc")
                {
                    if let Some(script) = raw.get(pos + 1) {
                        // Re-split the (unexpanded) script text.
                        let text = script.replace('\u{1}', "$");
                        return (self.script(&text), false);
                    }
                }
                self.unknown();
                (0, false)
            }
            "perl" => match pi_digits_arg(&argv) {
                Some(n) => {
                    let n = n.min(20_000);
                    self.t += pi_run_ms(n);
                    self.logs.push((self.t, LogLine::PiDigits(n)));
                    (0, false)
                }
                None => {
                    self.unknown();
                    (0, false)
                }
            },
            _ => {
                self.unknown();
                (0, false)
            }
        }
    }

    fn unknown(&mut self) {
        self.understood = false;
        self.t += UNKNOWN_RUN_MS;
    }

    fn script(&mut self, text: &str) -> i32 {
        let mut last = 0;
        for (conn, cmd) in split_script(text) {
            let run = match conn {
                Connector::Seq => true,
                Connector::And => last == 0,
                Connector::Or => last != 0,
            };
            if !run {
                continue;
            }
            let (code, stop) = self.simple(&words(&cmd));
            last = code;
            if stop {
                break;
            }
        }
        last
    }
}

/// `date` output: `Thu Jan  1 00:01:00 UTC 2026`.
fn unix_date(unix: i64) -> String {
    let c = crate::cluster::wallclock::civil(unix);
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {} {:>2} {:02}:{:02}:{:02} UTC {}",
        DAYS[c.weekday as usize],
        MONTHS[(c.month - 1) as usize],
        c.day,
        c.hour,
        c.minute,
        c.second,
        c.year
    )
}

/// Predict a container's behaviour from its `command` and `args`.
pub fn interpret(command: &[String], args: &[String], env: &Env) -> Outcome {
    let mut r = Runner {
        env,
        t: 0,
        logs: Vec::new(),
        understood: true,
    };
    let argv: Vec<String> = command.iter().chain(args.iter()).cloned().collect();
    if argv.is_empty() {
        // The image's own entrypoint: unknown.
        r.unknown();
        return Outcome {
            run_ms: r.t,
            exit_code: 0,
            logs: r.logs,
            understood: false,
        };
    }
    // The words are already split by Kubernetes; mark `$(VAR)` references as Kubernetes expands them.
    let marked: Vec<String> = argv.iter().map(|a| kube_expand(a, env)).collect();
    let (code, _) = r.simple(&marked);
    Outcome {
        run_ms: r.t,
        exit_code: code,
        logs: r.logs,
        understood: r.understood,
    }
}

/// Kubernetes expands `$(VAR)` in command and args before the shell sees them; `$$` escapes.
fn kube_expand(s: &str, env: &Env) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(p) = rest.find('$') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        if let Some(a) = after.strip_prefix('$') {
            out.push('$');
            rest = a;
        } else if let Some(a) = after.strip_prefix('(') {
            match a.find(')') {
                Some(end) => {
                    let name = &a[..end];
                    match env.vars.get(name) {
                        Some(v) => out.push_str(v),
                        None => {
                            out.push_str("$(");
                            out.push_str(name);
                            out.push(')');
                        }
                    }
                    rest = &a[end + 1..];
                }
                None => {
                    out.push('$');
                    rest = after;
                }
            }
        } else {
            out.push('$');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(cmd: &[&str]) -> Outcome {
        let mut env = Env::default();
        env.vars.insert("JOB_COMPLETION_INDEX".into(), "3".into());
        env.start_unix = crate::cluster::wallclock::DEFAULT_EPOCH + 60;
        let cmd: Vec<String> = cmd.iter().map(|s| s.to_string()).collect();
        interpret(&cmd, &[], &env)
    }

    fn text(o: &Outcome) -> Vec<String> {
        o.logs.iter().map(|(_, l)| l.render()).collect()
    }

    #[test]
    fn sleep_and_exit() {
        let o = run(&["sh", "-c", "sleep 3; exit 1"]);
        assert_eq!((o.run_ms, o.exit_code, o.understood), (3000, 1, true));
        let o = run(&["sleep", "5"]);
        assert_eq!((o.run_ms, o.exit_code), (5000, 0));
        let o = run(&["/bin/sh", "-c", "sleep 1.5 && exit 42"]);
        assert_eq!((o.run_ms, o.exit_code), (1500, 42));
        let o = run(&["sh", "-c", "false || echo recovered"]);
        assert_eq!((o.exit_code, text(&o)), (0, vec!["recovered".to_string()]));
        let o = run(&["sh", "-c", "false && echo never"]);
        assert_eq!(o.exit_code, 1);
        assert!(o.logs.is_empty());
    }

    #[test]
    fn echo_expands_env() {
        let o = run(&["sh", "-c", "echo index $JOB_COMPLETION_INDEX"]);
        assert_eq!(text(&o), vec!["index 3"]);
        let o = run(&[
            "sh",
            "-c",
            "echo 'literal $JOB_COMPLETION_INDEX' \"${JOB_COMPLETION_INDEX}x\"",
        ]);
        assert_eq!(text(&o), vec!["literal $JOB_COMPLETION_INDEX 3x"]);
        let o = run(&["echo", "$(JOB_COMPLETION_INDEX)"]);
        assert_eq!(text(&o), vec!["3"]);
    }

    #[test]
    fn docs_examples() {
        let o = run(&["bash", "-c", "echo \"Hello world! I'm going to exit with 42 to simulate a software bug.\" && sleep 30 && exit 42"]);
        assert_eq!((o.run_ms, o.exit_code), (30_000, 42));
        assert_eq!(
            text(&o),
            vec!["Hello world! I'm going to exit with 42 to simulate a software bug."]
        );
        let o = run(&[
            "/bin/sh",
            "-c",
            "date; echo Hello from the Kubernetes cluster",
        ]);
        assert_eq!(
            text(&o),
            vec![
                "Thu Jan  1 00:01:00 UTC 2026",
                "Hello from the Kubernetes cluster"
            ]
        );
        assert_eq!(o.run_ms, 0);
        let o = run(&["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]);
        assert_eq!(o.run_ms, 10_000);
        let digits = text(&o).pop().unwrap();
        assert!(digits.starts_with("3.14159265358979323846"));
        assert_eq!(digits.len(), 2001);
    }

    #[test]
    fn unknown_programs_run_ten_seconds() {
        let o = run(&["/kuard", "--keygen-enable"]);
        assert_eq!((o.run_ms, o.exit_code, o.understood), (10_000, 0, false));
        let o = interpret(&[], &[], &Env::default());
        assert_eq!(o.run_ms, 10_000);
    }
}
