//! What the page says about links, saved work, files and walk-through checks,
//! in the page's language: plain Rust from the engine's and the workspace's
//! values to sentences (tested natively). Every value from a link or a file is
//! quoted as text; the components render these strings as text nodes.

use super::i18n::{self as tx, Lang};
use super::workspace::Note;
use crate::link::{LinkProblem, Opened};
use crate::scenario::walkthrough::{Op, Verdict};

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    TooLarge,
    NotUtf8,
    Unreadable,
}

/// A message to show, and whether it is a problem (an alert) or news (a status).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub problem: bool,
}

/// At most this many characters of a foreign fragment are quoted back.
const QUOTE_CHARS: usize = 60;

fn quote_fragment(f: &str) -> String {
    let mut s: String = f.chars().take(QUOTE_CHARS).collect();
    if f.chars().count() > QUOTE_CHARS {
        s.push('…');
    }
    s
}

/// The sentence for a link problem (`fragment` is the link's, for `NotOurs`).
pub fn link_problem(l: Lang, p: &LinkProblem, fragment: &str) -> String {
    match p {
        LinkProblem::NotOurs => l.f(tx::LINK_NOT_OURS, &[&quote_fragment(fragment)]),
        LinkProblem::Version(v) => l.f(tx::LINK_VERSION, &[&quote_fragment(v)]),
        LinkProblem::NoScenario => l.t(tx::LINK_NO_SCENARIO).into(),
        LinkProblem::UnknownExample(n) => l.f(tx::LINK_UNKNOWN_EXAMPLE, &[&quote_fragment(n)]),
        LinkProblem::Empty => l.t(tx::LINK_EMPTY).into(),
        LinkProblem::NotBase64 { position } => l.f(tx::LINK_NOT_BASE64, &[&position.to_string()]),
        LinkProblem::Truncated => l.t(tx::LINK_TRUNCATED).into(),
        LinkProblem::Corrupt => l.t(tx::LINK_CORRUPT).into(),
        LinkProblem::TooLarge => l.t(tx::LINK_TOO_LARGE).into(),
        LinkProblem::NotUtf8 { offset } => l.f(tx::LINK_NOT_UTF8, &[&offset.to_string()]),
    }
}

/// Everything to say about an opened link: the problem and what was recovered,
/// the parameters that were ignored, or that it opened as sent.
/// `unsupported`: the browser could not inflate at all. `invalid`: the text does
/// not validate.
pub fn link_opened(
    l: Lang,
    o: &Opened,
    fragment: &str,
    unsupported: bool,
    invalid: bool,
) -> Vec<Message> {
    let mut out = Vec::new();
    let problem = if unsupported {
        Some(l.t(tx::LINK_UNSUPPORTED).to_string())
    } else {
        o.problem.as_ref().map(|p| link_problem(l, p, fragment))
    };
    let whole = problem.is_none();
    match (problem, &o.text, &o.example) {
        (Some(p), Some(text), _) => out.push(Message {
            text: format!(
                "{p} {}",
                l.f(tx::LINK_RECOVERED, &[&text.chars().count().to_string()])
            ),
            problem: true,
        }),
        (Some(p), None, _) => {
            let data = matches!(
                o.problem,
                Some(
                    LinkProblem::NotBase64 { .. }
                        | LinkProblem::Truncated
                        | LinkProblem::Corrupt
                        | LinkProblem::NotUtf8 { .. }
                        | LinkProblem::TooLarge
                )
            ) || unsupported;
            let then = if data {
                tx::LINK_NOTHING
            } else {
                tx::LINK_OWN_WORK
            };
            out.push(Message {
                text: format!("{p} {}", l.t(then)),
                problem: true,
            })
        }
        (None, _, Some(name)) => {
            let title =
                crate::gallery::get(name).map_or_else(|| name.clone(), |e| e.info(l.code()).title);
            out.push(Message {
                text: l.f(tx::LINK_EXAMPLE, &[&title]),
                problem: false,
            })
        }
        (None, _, None) => out.push(Message {
            text: l.t(tx::LINK_OPENED).into(),
            problem: false,
        }),
    }
    if invalid && whole && o.text.is_some() {
        out.push(Message {
            text: l.t(tx::LINK_INVALID).into(),
            problem: true,
        });
    }
    if !o.state.ignored.is_empty() {
        let list: Vec<String> = o.state.ignored.iter().map(|s| quote_fragment(s)).collect();
        out.push(Message {
            text: l.f(tx::LINK_IGNORED, &[&list.join(", ")]),
            problem: true,
        });
    }
    out
}

/// The sentence for a note about saved work.
pub fn note(l: Lang, n: &Note) -> Message {
    let (text, problem) = match n {
        Note::Rescued(name) => (l.f(tx::NOTE_RESCUED, &[name]), false),
        Note::Full => (l.t(tx::NOTE_FULL).into(), true),
        Note::Unavailable => (l.t(tx::NOTE_UNAVAILABLE).into(), true),
        Note::IndexRebuilt(n) => (l.f(tx::NOTE_REBUILT, &[&n.to_string()]), true),
        Note::Missing(name) => (l.f(tx::NOTE_MISSING, &[name]), true),
        Note::Gone => (l.t(tx::NOTE_GONE).into(), true),
        Note::Forked(name) => (l.f(tx::NOTE_FORKED, &[name]), false),
    };
    Message { text, problem }
}

/// The sentence for a file that could not be imported.
pub fn file_error(l: Lang, name: &str, e: &FileError) -> Message {
    let t = match e {
        FileError::TooLarge => tx::FILE_TOO_LARGE,
        FileError::NotUtf8 => tx::FILE_NOT_UTF8,
        FileError::Unreadable => tx::FILE_UNREADABLE,
    };
    Message {
        text: l.f(t, &[name]),
        problem: true,
    }
}

fn num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn value_text(v: &serde_json::Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 80 {
        format!("{}…", s.chars().take(80).collect::<String>())
    } else {
        s
    }
}

/// A check and what the run held: `job.spec.backoffLimit ≥ 2 (found 1)`.
pub fn verdict(l: Lang, v: &Verdict) -> String {
    let outcome = v
        .path
        .strip_prefix("job.status.conditions[type=")
        .and_then(|r| r.strip_suffix("].status"))
        .filter(|_| v.op == Op::Equals(serde_json::Value::String("True".into())));
    let what = match (&v.op, outcome) {
        (_, Some(cond)) => l.f(tx::WALK_OUTCOME, &[cond]),
        (Op::Equals(x), _) => format!("{} = {}", v.path, value_text(x)),
        (Op::NotEquals(x), _) => format!("{} ≠ {}", v.path, value_text(x)),
        (Op::AtLeast(n), _) => format!("{} ≥ {}", v.path, num(*n)),
        (Op::AtMost(n), _) => format!("{} ≤ {}", v.path, num(*n)),
        (Op::Exists(true), _) => format!("{} {}", v.path, l.t(tx::WALK_EXISTS)),
        (Op::Exists(false), _) => format!("{} {}", v.path, l.t(tx::WALK_NOT_EXISTS)),
    };
    let found = match &v.found {
        Some(x) => l.f(tx::WALK_FOUND, &[&value_text(x)]),
        None => l.t(tx::WALK_NOTHING).into(),
    };
    format!("{what} ({found})")
}
