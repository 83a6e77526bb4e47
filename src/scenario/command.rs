//! Reading a container's command as a shell would run it, to predict how long it
//! runs, how it exits and what it prints: `sleep N`, `exit N`, `echo`/`printf`
//! (with variables, arrays and `$((...))` expanded), `true`, `false`, `date`,
//! `printenv`, `cat`/`rev`/`wc -l`/`head`/`tail`/`sort` over the pod's files or a
//! pipe, assignments, redirections to files shared by the pod's containers, the
//! connectors `&&`, `||`, `;`, `|`, `python3 -c` scripts of the documentation's
//! kind (see `python.rs`), and `perl -Mbignum=bpi -wle "print bpi(N)"`.
//! Anything else runs 10 s and exits 0.

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
    /// The pod's files after the run.
    pub files: BTreeMap<String, String>,
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

/// The environment a command sees, for `$VAR` expansion, `date` and files.
#[derive(Clone, Debug, Default)]
pub struct Env {
    pub vars: BTreeMap<String, String>,
    /// Unix seconds of the container's start on the virtual wall clock.
    pub start_unix: i64,
    /// The pod's files (its volumes), shared by its containers: init containers write,
    /// the main containers read.
    pub files: BTreeMap<String, String>,
}

/// Split shell words with single and double quotes and backslashes.
/// An expandable `$` is kept as `\u{1}`, a quoted `|`, `>` or `<` as itself (only
/// unquoted ones are operators, marked `\u{2}`, `\u{3}`, `\u{4}`).
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
                        '$' => cur.push('\u{1}'),
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
                if chars.peek() == Some(&'(') {
                    // `$(...)` and `$((...))` stay one word, spaces included.
                    let mut depth = 0;
                    for c2 in chars.by_ref() {
                        cur.push(c2);
                        if c2 == '(' {
                            depth += 1;
                        } else if c2 == ')' {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                    }
                }
            }
            '|' | '>' | '<' => {
                if in_word && !(c == '>' && (cur == "2" || cur == "1")) {
                    out.push(std::mem::take(&mut cur));
                }
                in_word = false;
                let mut op = String::new();
                if !cur.is_empty() {
                    op.push_str(&cur);
                    cur.clear();
                }
                op.push(match c {
                    '|' => '\u{2}',
                    '>' => '\u{3}',
                    _ => '\u{4}',
                });
                if c == '>' && chars.peek() == Some(&'>') {
                    chars.next();
                    op.push('\u{3}');
                }
                if c == '>' && chars.peek() == Some(&'&') {
                    chars.next();
                    op.push('&');
                    while let Some(&d) = chars.peek() {
                        if d.is_ascii_digit() {
                            op.push(d);
                            chars.next();
                        } else {
                            break;
                        }
                    }
                }
                out.push(op);
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
    let mut depth = 0i32;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            '\'' if !dq => sq = !sq,
            '"' if !sq => dq = !dq,
            '(' if !sq && !dq => depth += 1,
            ')' if !sq && !dq => depth -= 1,
            _ => {}
        }
        if !sq && !dq && depth <= 0 {
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

/// Where a command's output goes.
enum Sink {
    Logs,
    File(String, bool),
    Pipe,
}

struct Runner {
    vars: BTreeMap<String, Vec<String>>,
    start_unix: i64,
    files: BTreeMap<String, String>,
    t: u64,
    logs: Vec<(u64, LogLine)>,
    understood: bool,
    sink: Vec<Sink>,
    piped: Vec<String>,
    stdin: Option<Vec<String>>,
    steps: u32,
}

impl Runner {
    fn new(env: &Env) -> Runner {
        Runner {
            vars: crate::sort::collect_map(
                env.vars.iter().map(|(k, v)| (k.clone(), vec![v.clone()])),
            ),
            start_unix: env.start_unix,
            files: env.files.clone(),
            t: 0,
            logs: Vec::new(),
            understood: true,
            sink: vec![Sink::Logs],
            piped: Vec::new(),
            stdin: None,
            steps: 0,
        }
    }

    fn var(&self, name: &str) -> Option<String> {
        self.vars.get(name).and_then(|v| v.first()).cloned()
    }

    fn env_map(&self) -> BTreeMap<String, String> {
        crate::sort::collect_map(
            self.vars
                .iter()
                .filter_map(|(k, v)| v.first().map(|x| (k.clone(), x.clone()))),
        )
    }

    fn print(&mut self, line: LogLine) {
        match self.sink.last() {
            Some(Sink::File(path, _)) => {
                let path = path.clone();
                let f = self.files.entry(path).or_default();
                f.push_str(&line.render());
                f.push('\n');
            }
            Some(Sink::Pipe) => self.piped.push(line.render()),
            _ => self.logs.push((self.t, line)),
        }
    }

    /// Integer arithmetic of `$((...))`: + - * / % and parentheses over numbers and variables.
    fn arith(&self, expr: &str) -> Option<i64> {
        fn parse(r: &Runner, toks: &[String], pos: &mut usize) -> Option<i64> {
            let mut v = term(r, toks, pos)?;
            while let Some(op) = toks.get(*pos).filter(|t| *t == "+" || *t == "-") {
                let op = op.clone();
                *pos += 1;
                let rhs = term(r, toks, pos)?;
                v = if op == "+" {
                    v.checked_add(rhs)?
                } else {
                    v.checked_sub(rhs)?
                };
            }
            Some(v)
        }
        fn term(r: &Runner, toks: &[String], pos: &mut usize) -> Option<i64> {
            let mut v = atom(r, toks, pos)?;
            while let Some(op) = toks
                .get(*pos)
                .filter(|t| matches!(t.as_str(), "*" | "/" | "%"))
            {
                let op = op.clone();
                *pos += 1;
                let rhs = atom(r, toks, pos)?;
                v = match op.as_str() {
                    "*" => v.checked_mul(rhs)?,
                    "/" => v.checked_div(rhs)?,
                    _ => v.checked_rem(rhs)?,
                };
            }
            Some(v)
        }
        fn atom(r: &Runner, toks: &[String], pos: &mut usize) -> Option<i64> {
            let t = toks.get(*pos)?.clone();
            *pos += 1;
            match t.as_str() {
                "(" => {
                    let v = parse(r, toks, pos)?;
                    (toks.get(*pos).map(|s| s.as_str()) == Some(")")).then_some(())?;
                    *pos += 1;
                    Some(v)
                }
                "-" => atom(r, toks, pos).map(|v| -v),
                _ => t.parse().ok().or_else(|| {
                    r.var(t.trim_start_matches('$'))
                        .and_then(|v| v.trim().parse().ok())
                }),
            }
        }
        let mut toks = Vec::new();
        let mut cur = String::new();
        for c in expr.chars() {
            if "+-*/%()".contains(c) || c.is_whitespace() {
                if !cur.is_empty() {
                    toks.push(std::mem::take(&mut cur));
                }
                if !c.is_whitespace() {
                    toks.push(c.to_string());
                }
            } else if c != '\u{1}' {
                cur.push(c);
            }
        }
        if !cur.is_empty() {
            toks.push(cur);
        }
        let mut pos = 0;
        let v = parse(self, &toks, &mut pos)?;
        (pos == toks.len()).then_some(v)
    }

    /// Expand `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME[i]}`, `${#NAME[@]}` and `$((...))`.
    fn expand(&mut self, word: &str) -> String {
        let mut out = String::new();
        let chars: Vec<char> = word.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c != '\u{1}' {
                out.push(c);
                i += 1;
                continue;
            }
            i += 1;
            if chars.get(i) == Some(&'(') && chars.get(i + 1) == Some(&'(') {
                let rest: String = chars[i + 2..].iter().collect();
                if let Some(end) = rest.find("))") {
                    match self.arith(&rest[..end]) {
                        Some(v) => out.push_str(&v.to_string()),
                        None => self.understood = false,
                    }
                    i += 2 + end + 2;
                    continue;
                }
            }
            if chars.get(i) == Some(&'(') {
                // Command substitution is not simulated.
                self.understood = false;
                continue;
            }
            if chars.get(i) == Some(&'{') {
                let mut j = i + 1;
                let mut depth = 1;
                while j < chars.len() {
                    if chars[j] == '{' {
                        depth += 1;
                    } else if chars[j] == '}' {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    j += 1;
                }
                let inner: String = chars[i + 1..j.min(chars.len())].iter().collect();
                i = j + 1;
                out.push_str(&self.brace(&inner));
                continue;
            }
            let mut name = String::new();
            while let Some(&c2) = chars.get(i) {
                if c2.is_ascii_alphanumeric() || c2 == '_' {
                    name.push(c2);
                    i += 1;
                } else {
                    break;
                }
            }
            if name.is_empty() {
                out.push('$');
            } else {
                out.push_str(&self.var(&name).unwrap_or_default());
            }
        }
        out
    }

    fn brace(&mut self, inner: &str) -> String {
        if let Some(arr) = inner
            .strip_prefix('#')
            .and_then(|r| r.strip_suffix("[@]").or_else(|| r.strip_suffix("[*]")))
        {
            return self.vars.get(arr).map(|v| v.len()).unwrap_or(0).to_string();
        }
        if let Some(name) = inner.strip_prefix('#') {
            return self
                .var(name)
                .map(|v| v.chars().count())
                .unwrap_or(0)
                .to_string();
        }
        if let Some((name, rest)) = inner.split_once('[') {
            let idx = rest.trim_end_matches(']');
            let values = self.vars.get(name).cloned().unwrap_or_default();
            if idx == "@" || idx == "*" {
                return values.join(" ");
            }
            let idx = self.expand(idx);
            return match self.arith(&idx) {
                Some(n) if n >= 0 => values.get(n as usize).cloned().unwrap_or_default(),
                _ => String::new(),
            };
        }
        if let Some((name, default)) = inner.split_once(":-") {
            return match self.var(name).filter(|v| !v.is_empty()) {
                Some(v) => v,
                None => self.expand(default),
            };
        }
        self.var(inner).unwrap_or_default()
    }

    fn read(&self, path: &str) -> Option<String> {
        self.files.get(path).cloned()
    }

    /// Lines a filter reads: its file arguments, or what was piped into it.
    fn input(&mut self, files: &[String], prog: &str) -> Option<Vec<String>> {
        if files.is_empty() {
            return Some(self.stdin.clone().unwrap_or_default());
        }
        let mut out = Vec::new();
        for f in files {
            match self.read(f) {
                Some(text) => out.extend(text.lines().map(str::to_string)),
                None => {
                    self.logs.push((
                        self.t,
                        LogLine::Text(format!("{prog}: {f}: No such file or directory")),
                    ));
                    return None;
                }
            }
        }
        Some(out)
    }

    /// Run one simple command (after redirections); returns the exit code and whether to stop.
    fn simple(&mut self, argv: &[String]) -> (i32, bool) {
        let Some(prog) = argv.first() else {
            return (0, false);
        };
        let base = prog.rsplit('/').next().unwrap_or(prog).to_string();
        let args: Vec<String> = argv[1..].to_vec();
        match base.as_str() {
            "sleep" => match args.first().and_then(|a| parse_sleep(a)) {
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
                args.first()
                    .and_then(|a| a.parse::<i64>().ok())
                    .map(|v| v.rem_euclid(256) as i32)
                    .unwrap_or(0),
                true,
            ),
            "true" | ":" => (0, false),
            "false" => (1, false),
            "echo" => {
                let mut a = &args[..];
                let mut newline_escapes = false;
                while let Some(f) = a
                    .first()
                    .filter(|f| matches!(f.as_str(), "-n" | "-e" | "-E"))
                {
                    newline_escapes |= f == "-e";
                    a = &a[1..];
                }
                let text = a.join(" ");
                let text = if newline_escapes {
                    text.replace("\\n", "\n")
                } else {
                    text
                };
                for l in text.split('\n') {
                    self.print(LogLine::Text(l.to_string()));
                }
                (0, false)
            }
            "printf" => {
                let Some(fmt) = args.first() else {
                    return (1, false);
                };
                let mut rest = args[1..].iter();
                let mut outp = String::new();
                let mut chars = fmt.chars().peekable();
                while let Some(c) = chars.next() {
                    match c {
                        '%' => match chars.next() {
                            Some('s') | Some('d') => {
                                outp.push_str(rest.next().map(|s| s.as_str()).unwrap_or(""))
                            }
                            Some('%') => outp.push('%'),
                            Some(o) => {
                                outp.push('%');
                                outp.push(o);
                            }
                            None => outp.push('%'),
                        },
                        '\\' if chars.peek() == Some(&'n') => {
                            chars.next();
                            outp.push('\n');
                        }
                        c => outp.push(c),
                    }
                }
                let trimmed = outp.strip_suffix('\n').unwrap_or(&outp).to_string();
                for l in trimmed.split('\n') {
                    self.print(LogLine::Text(l.to_string()));
                }
                (0, false)
            }
            "printenv" => {
                match args.first() {
                    Some(name) => match self.var(name) {
                        Some(v) => self.print(LogLine::Text(v)),
                        None => return (1, false),
                    },
                    None => {
                        for (k, v) in self.env_map() {
                            self.print(LogLine::Text(format!("{k}={v}")));
                        }
                    }
                }
                (0, false)
            }
            "date" => {
                let now = self.start_unix + (self.t / 1000) as i64;
                self.print(LogLine::Text(unix_date(now)));
                (0, false)
            }
            "cat" | "rev" | "wc" | "head" | "tail" | "sort" => {
                let mut n: Option<usize> = None;
                let mut files = Vec::new();
                let mut flags = Vec::new();
                let mut it = args.iter().peekable();
                while let Some(a) = it.next() {
                    if a == "-n" {
                        n = it.next().and_then(|v| v.parse().ok());
                    } else if let Some(num) = a
                        .strip_prefix('-')
                        .filter(|x| x.bytes().all(|b| b.is_ascii_digit()) && !x.is_empty())
                    {
                        n = num.parse().ok();
                    } else if a.starts_with('-') {
                        flags.push(a.clone());
                    } else {
                        files.push(a.clone());
                    }
                }
                let Some(lines) = self.input(&files, &base) else {
                    return (1, false);
                };
                let out: Vec<String> = match base.as_str() {
                    "cat" => lines,
                    "rev" => lines.iter().map(|l| l.chars().rev().collect()).collect(),
                    "wc" => vec![lines.len().to_string()],
                    "head" => lines.into_iter().take(n.unwrap_or(10)).collect(),
                    "tail" => {
                        let k = n.unwrap_or(10);
                        let skip = lines.len().saturating_sub(k);
                        lines.into_iter().skip(skip).collect()
                    }
                    _ => {
                        let mut l = lines;
                        crate::sort::sort(&mut l);
                        l
                    }
                };
                for l in out {
                    self.print(LogLine::Text(l));
                }
                (0, false)
            }
            "sh" | "bash" | "ash" | "dash" | "zsh" => {
                if let Some(pos) = argv.iter().position(|a| {
                    matches!(a.as_str(), "-c" | "-ec" | "-ce" | "-xc" | "-euc" | "-eu")
                }) {
                    if let Some(script) = argv.get(pos + 1) {
                        let text = script.replace('\u{1}', "$");
                        return (self.script(&text), false);
                    }
                }
                self.unknown();
                (0, false)
            }
            "perl" => match pi_digits_arg(argv) {
                Some(n) => {
                    let n = n.min(20_000);
                    self.t += pi_run_ms(n);
                    self.print(LogLine::PiDigits(n));
                    (0, false)
                }
                None => {
                    self.unknown();
                    (0, false)
                }
            },
            "python" | "python3" => {
                let script = argv
                    .iter()
                    .position(|a| a == "-c")
                    .and_then(|p| argv.get(p + 1));
                match script
                    .and_then(|s| super::python::run(&s.replace('\u{1}', "$"), &self.env_map()))
                {
                    Some(o) => {
                        let start = self.t;
                        for (off, l) in o.lines {
                            self.t = start + off;
                            self.print(LogLine::Text(l));
                        }
                        self.t = start + o.run_ms;
                        (o.exit_code, o.exit_code != 0)
                    }
                    None => {
                        self.unknown();
                        (0, false)
                    }
                }
            }
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

    /// Assignments (`A=1`, `items=(a b c)`) at the start of a command.
    fn assignments(&mut self, raw: &[String]) -> usize {
        let mut i = 0;
        while i < raw.len() {
            let w = &raw[i];
            let Some((name, value)) = w.split_once('=') else {
                break;
            };
            if name.is_empty()
                || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                || name.starts_with(|c: char| c.is_ascii_digit())
            {
                break;
            }
            if let Some(first) = value.strip_prefix('(') {
                let mut items = Vec::new();
                let mut cur = first.to_string();
                loop {
                    if let Some(last) = cur.strip_suffix(')') {
                        if !last.is_empty() {
                            items.push(self.expand(last));
                        }
                        break;
                    }
                    if !cur.is_empty() {
                        items.push(self.expand(&cur));
                    }
                    i += 1;
                    match raw.get(i) {
                        Some(n) => cur = n.clone(),
                        None => break,
                    }
                }
                self.vars.insert(name.to_string(), items);
            } else {
                let v = self.expand(value);
                self.vars.insert(name.to_string(), vec![v]);
            }
            i += 1;
        }
        i
    }

    /// A pipeline of simple commands with redirections.
    fn command(&mut self, text: &str) -> (i32, bool) {
        self.steps += 1;
        if self.steps > 10_000 {
            self.understood = false;
            return (0, true);
        }
        let raw = words(text);
        let stages: Vec<&[String]> = raw.split(|w| w == "\u{2}").collect();
        let mut last = (0, false);
        self.stdin = None;
        let n = stages.len();
        for (k, stage) in stages.into_iter().enumerate() {
            let skip = self.assignments(stage);
            let mut argv = Vec::new();
            let mut redirect: Option<(String, bool)> = None;
            let mut it = stage[skip..].iter();
            while let Some(w) = it.next() {
                let op: String = w
                    .chars()
                    .filter(|c| matches!(c, '\u{3}' | '\u{4}'))
                    .collect();
                if op.is_empty() {
                    argv.push(self.expand(w));
                    continue;
                }
                let fd = w.split(['\u{3}', '\u{4}']).next().unwrap_or("");
                if w.contains('&') {
                    continue; // 2>&1 and the like
                }
                let target = it.next().map(|t| self.expand(t)).unwrap_or_default();
                if op.starts_with('\u{4}') {
                    self.stdin = self
                        .read(&target)
                        .map(|t| t.lines().map(str::to_string).collect());
                } else if fd == "2" || target == "/dev/null" {
                    // stderr and /dev/null are dropped.
                    if fd != "2" {
                        redirect = Some(("/dev/null".into(), false));
                    }
                } else {
                    redirect = Some((target, op.chars().count() == 2));
                }
            }
            if argv.is_empty() {
                continue;
            }
            match &redirect {
                Some((path, append)) => {
                    if !*append && path != "/dev/null" {
                        self.files.insert(path.clone(), String::new());
                    }
                    self.sink.push(if path == "/dev/null" {
                        Sink::Pipe
                    } else {
                        Sink::File(path.clone(), *append)
                    });
                }
                None if k + 1 < n => self.sink.push(Sink::Pipe),
                None => self.sink.push(match self.sink.last() {
                    Some(Sink::File(p, a)) => Sink::File(p.clone(), *a),
                    Some(Sink::Pipe) => Sink::Pipe,
                    _ => Sink::Logs,
                }),
            }
            let piped_before = std::mem::take(&mut self.piped);
            last = self.simple(&argv);
            self.sink.pop();
            let produced = std::mem::replace(&mut self.piped, piped_before);
            self.stdin = if k + 1 < n { Some(produced) } else { None };
            if redirect.as_ref().is_some_and(|(p, _)| p == "/dev/null") {
                self.piped.clear();
            }
            if last.1 {
                break;
            }
        }
        last
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
            let (code, stop) = self.command(&cmd);
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
        DAYS[c.weekday as usize % 7],
        MONTHS[(c.month.clamp(1, 12) - 1) as usize],
        c.day,
        c.hour,
        c.minute,
        c.second,
        c.year
    )
}

/// Predict a container's behaviour from its `command` and `args`.
pub fn interpret(command: &[String], args: &[String], env: &Env) -> Outcome {
    let mut r = Runner::new(env);
    let argv: Vec<String> = command.iter().chain(args.iter()).cloned().collect();
    if argv.is_empty() {
        // The image's own entrypoint: unknown.
        r.unknown();
        return Outcome {
            run_ms: r.t,
            exit_code: 0,
            logs: r.logs,
            understood: false,
            files: r.files,
        };
    }
    // The words are already split by Kubernetes; `$(VAR)` references are expanded by Kubernetes.
    let marked: Vec<String> = argv.iter().map(|a| kube_expand(a, env)).collect();
    let (code, _) = r.simple(&marked);
    Outcome {
        run_ms: r.t,
        exit_code: code,
        logs: r.logs,
        understood: r.understood,
        files: r.files,
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

    #[test]
    fn the_documented_indexed_job_reads_its_item() {
        // kubernetes/website examples/application/job/indexed-job.yaml
        let init = interpret(
            &["bash".into(), "-c".into(), "items=(foo bar baz qux xyz)\necho ${items[$JOB_COMPLETION_INDEX]} > /input/data.txt\n".into()],
            &[],
            &Env { vars: [("JOB_COMPLETION_INDEX".to_string(), "3".to_string())].into_iter().collect(), ..Default::default() },
        );
        assert!(init.understood);
        assert_eq!(
            init.files.get("/input/data.txt").map(String::as_str),
            Some("qux\n")
        );
        assert!(init.logs.is_empty());
        let worker = interpret(
            &["rev".into(), "/input/data.txt".into()],
            &[],
            &Env {
                files: init.files,
                ..Default::default()
            },
        );
        assert_eq!(text(&worker), vec!["xuq"]);
        assert_eq!((worker.run_ms, worker.exit_code), (0, 0));
    }

    #[test]
    fn pipes_arithmetic_and_python() {
        let o = run(&["sh", "-c", "echo hello | rev; echo $((JOB_COMPLETION_INDEX * 2 + 1)); N=5; echo ${N:-0} ${MISSING:-none}"]);
        assert_eq!(text(&o), vec!["olleh", "7", "5 none"]);
        let o = run(&[
            "sh",
            "-c",
            "printf '%s-%d\\n' a 1 > /tmp/x; cat /tmp/x; cat /nope",
        ]);
        assert_eq!(
            text(&o),
            vec!["a-1", "cat: /nope: No such file or directory"]
        );
        assert_eq!(o.exit_code, 1);
        let o = run(&["python3", "-c", "import os, sys\nif int(os.environ.get('JOB_COMPLETION_INDEX')) % 2 == 0:\n  sys.exit(1)\nprint('odd')"]);
        assert_eq!((o.exit_code, text(&o)), (0, vec!["odd".to_string()]));
        assert!(o.understood);
        let o = run(&["sh", "-c", "echo $(hostname)"]);
        assert!(!o.understood);
    }
}
