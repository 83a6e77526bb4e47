//! Workshop walk-throughs: the optional `spec.walkthrough` of a Scenario, a list
//! of guided steps (a playground extension of the shared format; files without
//! it read as before, and the CLI ignores it: `run --json` prints the run only).
//!
//! ```yaml
//! spec:
//!   walkthrough:
//!   - text: "Watch the second pod fail: the Job has used its backoffLimit."
//!     textKo: "두 번째 파드가 실패하는 것을 보자. 잡이 backoffLimit을 다 썼다."
//!     at: 14                     # pause the simulation at t = 14 s and show this step
//!   - text: "Set backoffLimit so the Job survives two failures, then Run."
//!     textKo: "실패를 두 번 견디도록 backoffLimit을 바꾸고 실행하자."
//!     expect:                    # the step is done when every check holds for the run
//!     - path: job.spec.backoffLimit
//!       atLeast: 2
//!     - outcome: Complete
//!     hint: "backoffLimit counts failed pods; the Job fails when one more fails."
//!     hintKo: "backoffLimit은 실패한 파드 수를 센다."
//! ```
//!
//! The check language is small and total:
//!
//! - `path` is a dot path into the run as `jobplay run FILE --json` prints it,
//!   simulated to its end: it starts with one of [`ROOTS`] (`job`, `pods`,
//!   `events`, `finishedAt` ...); a segment is a field name, optionally followed
//!   by `[N]` (an array index, `[-1]` the last element) or `[key=value]` (the first
//!   element whose `key` field reads `value`), e.g.
//!   `job.status.conditions[type=Failed].reason` or `pods[-1].status.phase`.
//! - with a `path`, exactly one operator: `equals: VALUE` / `notEquals: VALUE`
//!   (JSON equality; numbers compare by value), `atLeast: N` / `atMost: N` (a
//!   number, or an array's length), `exists: true|false` (the path leads to a
//!   value that is not null).
//! - or instead `outcome: Complete|Failed`: the Job ends with that condition
//!   (`job.status.conditions[type=Complete].status` equals `"True"`).
//!
//! Everything is plain Rust, evaluated by the engine side ([`check`]) and tested
//! natively; the page only shows the verdicts.

use serde::Serialize;
use serde_json::Value;

use super::Seconds;

/// One step of a walk-through.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_ko: Option<String>,
    /// Pause the simulation at this virtual time and show the step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Seconds>,
    /// The step asks for a change: done when every check holds for the run.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expect: Vec<Expect>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint_ko: Option<String>,
}

impl Step {
    /// The text in a language (`en` or `ko`), English when there is no Korean.
    pub fn text_in(&self, lang: &str) -> &str {
        match (&self.text_ko, lang.starts_with("ko")) {
            (Some(k), true) if !k.trim().is_empty() => k,
            _ => &self.text,
        }
    }
    pub fn hint_in(&self, lang: &str) -> Option<&str> {
        match (&self.hint_ko, lang.starts_with("ko")) {
            (Some(k), true) if !k.trim().is_empty() => Some(k),
            _ => self.hint.as_deref(),
        }
    }
}

/// One check of a step.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Expect {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub equals: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_equals: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_least: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_most: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exists: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
}

crate::from_node!(Step {
    text,
    text_ko,
    at,
    expect,
    hint,
    hint_ko
});
crate::from_node!(Expect {
    path,
    equals,
    not_equals,
    at_least,
    at_most,
    exists,
    outcome
});

/// The top-level keys of `jobplay run --json`: where a path may start.
pub const ROOTS: &[&str] = &[
    "job",
    "jobs",
    "pods",
    "events",
    "notes",
    "finishedAt",
    "endedAt",
    "halted",
    "actionErrors",
];

/// The outcomes `outcome:` may name.
pub const OUTCOMES: &[&str] = &["Complete", "Failed"];

/// What a check compares, once validated.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Equals(Value),
    NotEquals(Value),
    AtLeast(f64),
    AtMost(f64),
    Exists(bool),
}

/// One segment of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(i64),
    /// The first element whose field `.0` reads `.1`.
    Where(String, String),
}

/// Parse a path (`job.status.conditions[type=Failed].reason`); `Err` says why not.
pub fn parse_path(path: &str) -> Result<Vec<Seg>, String> {
    let mut segs = Vec::new();
    if path.trim().is_empty() {
        return Err("must not be empty".into());
    }
    for part in path.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!(
                "{part:?} is not a field name (letters and digits, then [N] or [key=value])"
            ));
        }
        segs.push(Seg::Key(name.to_string()));
        while !rest.is_empty() {
            let Some(end) = rest.find(']').filter(|_| rest.starts_with('[')) else {
                return Err(format!("{part:?} has an unclosed or stray bracket"));
            };
            let inner = &rest[1..end];
            rest = &rest[end + 1..];
            if let Some((k, v)) = inner.split_once('=') {
                if k.is_empty() {
                    return Err(format!("[{inner}] needs a field name before ="));
                }
                segs.push(Seg::Where(k.to_string(), v.to_string()));
            } else {
                let n: i64 = inner
                    .parse()
                    .map_err(|_| format!("[{inner}] is not an index or key=value"))?;
                segs.push(Seg::Index(n));
            }
        }
    }
    match segs.first() {
        Some(Seg::Key(root)) if ROOTS.contains(&root.as_str()) => Ok(segs),
        _ => Err(format!(
            "must start with one of {} (a path into the run as jobplay run --json prints it), e.g. job.spec.backoffLimit",
            ROOTS.join(", ")
        )),
    }
}

impl Expect {
    /// The path and operator this check means (`outcome` spelled out), or what is
    /// wrong with it: the field it is about (`path`, `outcome`, `` for the whole
    /// check, `required` for something missing) and the message.
    pub fn meaning(&self) -> Result<(String, Op), (&'static str, String)> {
        let mut ops = Vec::new();
        if let Some(v) = &self.equals {
            ops.push(Op::Equals(v.clone()));
        }
        if let Some(v) = &self.not_equals {
            ops.push(Op::NotEquals(v.clone()));
        }
        if let Some(v) = self.at_least {
            ops.push(Op::AtLeast(v));
        }
        if let Some(v) = self.at_most {
            ops.push(Op::AtMost(v));
        }
        if let Some(v) = self.exists {
            ops.push(Op::Exists(v));
        }
        match (&self.path, &self.outcome) {
            (Some(_), Some(_)) => Err((
                "outcome",
                "may not be combined with path: use one check for each".into(),
            )),
            (None, None) => Err(("required", "one of path or outcome".into())),
            (None, Some(o)) => {
                if !ops.is_empty() {
                    return Err((
                        "outcome",
                        "takes no operator (equals, atLeast ...): those go with path".into(),
                    ));
                }
                if !OUTCOMES.contains(&o.as_str()) {
                    return Err(("outcome", format!("must be one of {}", OUTCOMES.join(", "))));
                }
                Ok((
                    format!("job.status.conditions[type={o}].status"),
                    Op::Equals(Value::String("True".into())),
                ))
            }
            (Some(p), None) => {
                parse_path(p).map_err(|m| ("path", m))?;
                match ops.len() {
                    1 => Ok((p.clone(), ops.remove(0))),
                    0 => Err((
                        "required",
                        "one of equals, notEquals, atLeast, atMost, exists".into(),
                    )),
                    _ => Err((
                        "",
                        "has more than one of equals, notEquals, atLeast, atMost, exists: use one check for each".into(),
                    )),
                }
            }
        }
    }
}

/// Follow a parsed path into a JSON value.
pub fn lookup<'a>(root: &'a Value, segs: &[Seg]) -> Option<&'a Value> {
    let mut v = root;
    for s in segs {
        v = match s {
            Seg::Key(k) => v.get(k)?,
            Seg::Index(i) => {
                let a = v.as_array()?;
                let idx = if *i < 0 {
                    a.len().checked_sub(i.unsigned_abs() as usize)?
                } else {
                    *i as usize
                };
                a.get(idx)?
            }
            Seg::Where(k, want) => v.as_array()?.iter().find(|e| match e.get(k) {
                Some(Value::String(s)) => s == want,
                Some(other) => want.as_str() == other.to_string().as_str(),
                None => false,
            })?,
        };
    }
    Some(v)
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

/// The number a value counts as for `atLeast` / `atMost`: a number, or an array's length.
fn amount(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Array(a) => Some(a.len() as f64),
        _ => None,
    }
}

/// The verdict on one check.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub passed: bool,
    /// The path that was looked at (for `outcome`, the condition's status).
    pub path: String,
    pub op: Op,
    /// What the path held in the run (`None`: nothing there).
    pub found: Option<Value>,
}

/// Check one (validated) expectation against the run (`view::json::run_json` of
/// the cluster simulated to its end). An invalid check fails.
pub fn check(e: &Expect, run: &Value) -> Verdict {
    let Ok((path, op)) = e.meaning() else {
        return Verdict {
            passed: false,
            path: e.path.clone().unwrap_or_default(),
            op: Op::Exists(true),
            found: None,
        };
    };
    let found = parse_path(&path)
        .ok()
        .and_then(|segs| lookup(run, &segs).cloned())
        .filter(|v| !v.is_null());
    let passed = match (&op, &found) {
        (Op::Equals(want), Some(v)) => same(want, v),
        (Op::Equals(want), None) => want.is_null(),
        (Op::NotEquals(want), Some(v)) => !same(want, v),
        (Op::NotEquals(want), None) => !want.is_null(),
        (Op::AtLeast(n), Some(v)) => amount(v).is_some_and(|x| x >= *n),
        (Op::AtMost(n), Some(v)) => amount(v).is_some_and(|x| x <= *n),
        (Op::AtLeast(_) | Op::AtMost(_), None) => false,
        (Op::Exists(want), f) => f.is_some() == *want,
    };
    Verdict {
        passed,
        path,
        op,
        found,
    }
}

/// Check every expectation of every step against the run; one list per step.
pub fn check_steps(steps: &[Step], run: &Value) -> Vec<Vec<Verdict>> {
    steps
        .iter()
        .map(|s| s.expect.iter().map(|e| check(e, run)).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run() -> Value {
        json!({
            "job": {"spec": {"backoffLimit": 2, "parallelism": 1},
                    "status": {"succeeded": 1, "conditions": [
                        {"type": "SuccessCriteriaMet", "status": "True"},
                        {"type": "Complete", "status": "True", "reason": "CompletionsReached"}]}},
            "pods": [{"status": {"phase": "Failed"}}, {"status": {"phase": "Succeeded"}}],
            "finishedAt": 23.0
        })
    }

    fn e(path: &str) -> Expect {
        Expect {
            path: Some(path.into()),
            ..Default::default()
        }
    }

    #[test]
    fn paths_parse_or_say_why_not() {
        assert_eq!(
            parse_path("job.status.conditions[type=Failed].reason").unwrap(),
            vec![
                Seg::Key("job".into()),
                Seg::Key("status".into()),
                Seg::Key("conditions".into()),
                Seg::Where("type".into(), "Failed".into()),
                Seg::Key("reason".into())
            ]
        );
        assert_eq!(parse_path("pods[-1]").unwrap()[1], Seg::Index(-1));
        assert!(parse_path("spec.backoffLimit")
            .unwrap_err()
            .contains("must start with one of job"));
        assert!(parse_path("job..x").is_err());
        assert!(parse_path("job.a[").is_err());
        assert!(parse_path("job.a[x]").is_err());
        assert!(parse_path("job.a]").is_err());
        assert!(parse_path("").is_err());
    }

    #[test]
    fn operators() {
        let r = run();
        let at_least = |p: &str, n: f64| {
            check(
                &Expect {
                    at_least: Some(n),
                    ..e(p)
                },
                &r,
            )
        };
        assert!(at_least("job.spec.backoffLimit", 2.0).passed);
        assert!(!at_least("job.spec.backoffLimit", 3.0).passed);
        assert!(at_least("pods", 2.0).passed, "an array's length");
        assert!(!at_least("job.spec.nothing", 0.0).passed);
        let v = check(
            &Expect {
                at_most: Some(30.0),
                ..e("finishedAt")
            },
            &r,
        );
        assert!(v.passed);
        assert_eq!(v.found, Some(json!(23.0)));
        let eq = |p: &str, want: Value| {
            check(
                &Expect {
                    equals: Some(want),
                    ..e(p)
                },
                &r,
            )
            .passed
        };
        assert!(eq("pods[-1].status.phase", json!("Succeeded")));
        assert!(eq("pods[0].status.phase", json!("Failed")));
        assert!(eq("job.spec.backoffLimit", json!(2.0)), "2 equals 2.0");
        assert!(eq(
            "job.status.conditions[type=Complete].reason",
            json!("CompletionsReached")
        ));
        assert!(!eq("pods[5].status.phase", json!("Failed")));
        let exists = |p: &str, b: bool| {
            check(
                &Expect {
                    exists: Some(b),
                    ..e(p)
                },
                &r,
            )
            .passed
        };
        assert!(exists("job.status.conditions[type=Complete]", true));
        assert!(exists("job.status.conditions[type=Failed]", false));
        let ne = check(
            &Expect {
                not_equals: Some(json!(1)),
                ..e("job.spec.parallelism")
            },
            &r,
        );
        assert!(!ne.passed);
    }

    #[test]
    fn outcomes() {
        let r = run();
        let out = |o: &str| Expect {
            outcome: Some(o.into()),
            ..Default::default()
        };
        let v = check(&out("Complete"), &r);
        assert!(v.passed);
        assert_eq!(v.path, "job.status.conditions[type=Complete].status");
        assert!(!check(&out("Failed"), &r).passed);
        assert!(out("Done").meaning().is_err());
    }

    #[test]
    fn malformed_checks_say_which_field() {
        assert_eq!(e("job.spec.x").meaning().unwrap_err().0, "required");
        let two = Expect {
            equals: Some(json!(1)),
            at_least: Some(1.0),
            ..e("job.spec.x")
        };
        assert!(two.meaning().unwrap_err().1.contains("more than one"));
        let both = Expect {
            outcome: Some("Complete".into()),
            ..e("job")
        };
        assert_eq!(both.meaning().unwrap_err().0, "outcome");
        assert_eq!(Expect::default().meaning().unwrap_err().0, "required");
        assert!(!check(&Expect::default(), &run()).passed);
    }

    #[test]
    fn texts_in_korean_fall_back_to_english() {
        let s = Step {
            text: "Hello".into(),
            text_ko: Some("안녕".into()),
            hint: Some("h".into()),
            ..Default::default()
        };
        assert_eq!(s.text_in("ko"), "안녕");
        assert_eq!(s.text_in("en"), "Hello");
        assert_eq!(s.hint_in("ko"), Some("h"));
    }
}
