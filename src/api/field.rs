//! Field errors in the API server's words.
//!
//! Owns [`FieldError`] (apimachinery's `field.Error`), its rendering
//! `<path>: <type>[: <value>][: <detail>]`, and [`Invalid`], the list of errors
//! for one object that kubectl prints as `The Job "pi" is invalid: ...`.

use std::fmt;

/// The kinds of field error the API server reports (apimachinery `field.ErrorType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorType {
    Required,
    Invalid,
    Unsupported,
    Duplicate,
    TooMany,
    TooLong,
    Forbidden,
    NotFound,
}

impl ErrorType {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorType::Required => "Required value",
            ErrorType::Invalid => "Invalid value",
            ErrorType::Unsupported => "Unsupported value",
            ErrorType::Duplicate => "Duplicate value",
            ErrorType::TooMany => "Too many",
            ErrorType::TooLong => "Too long",
            ErrorType::Forbidden => "Forbidden",
            ErrorType::NotFound => "Not found",
        }
    }
}

/// A bad value as Go's `%#v` would print it.
#[derive(Clone, Debug, PartialEq)]
pub enum BadValue {
    /// No value is printed (Required, Forbidden, Too long, or deliberately omitted).
    Omit,
    Str(String),
    Int(i64),
    Bool(bool),
    /// Printed verbatim (Go composite literals such as `[]int32{2, 1}`).
    Raw(String),
}

impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadValue::Omit => Ok(()),
            BadValue::Str(s) => write!(f, "{}", go_quote(s)),
            BadValue::Int(i) => write!(f, "{i}"),
            BadValue::Bool(b) => write!(f, "{b}"),
            BadValue::Raw(s) => f.write_str(s),
        }
    }
}

/// Go's `strconv.Quote` (what `%q` prints), used by validation messages, the
/// CronJob's schedule errors and kubectl's views: printable characters as they
/// are, the usual escapes, and other control or format characters as `\xNN`,
/// `\uNNNN` or `\UNNNNNNNN`.
pub fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if !is_go_print(c) => {
                if (c as u32) < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", c as u32));
                } else {
                    out.push_str(&format!("\\U{:08x}", c as u32));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An approximation of Go's `strconv.IsPrint` for non-ASCII characters:
/// control, non-ASCII space and format characters are not printable.
fn is_go_print(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c as u32, 0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x180e
            | 0x200b..=0x200f | 0x202a..=0x202e | 0x2060..=0x206f | 0xfeff
            | 0xfff9..=0xfffb | 0xd800..=0xdfff | 0xe000..=0xf8ff))
}

/// One field error (apimachinery `field.Error`).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub path: String,
    pub kind: ErrorType,
    pub value: BadValue,
    pub detail: String,
}

impl FieldError {
    pub fn new(
        kind: ErrorType,
        path: impl Into<String>,
        value: BadValue,
        detail: impl Into<String>,
    ) -> Self {
        FieldError {
            path: path.into(),
            kind,
            value,
            detail: detail.into(),
        }
    }
    pub fn required(path: impl Into<String>, detail: impl Into<String>) -> Self {
        Self::new(ErrorType::Required, path, BadValue::Omit, detail)
    }
    pub fn invalid(path: impl Into<String>, value: BadValue, detail: impl Into<String>) -> Self {
        Self::new(ErrorType::Invalid, path, value, detail)
    }
    pub fn forbidden(path: impl Into<String>, detail: impl Into<String>) -> Self {
        Self::new(ErrorType::Forbidden, path, BadValue::Omit, detail)
    }
    pub fn duplicate(path: impl Into<String>, value: BadValue) -> Self {
        Self::new(ErrorType::Duplicate, path, value, "")
    }
    pub fn too_long(path: impl Into<String>, max_bytes: usize) -> Self {
        Self::new(
            ErrorType::TooLong,
            path,
            BadValue::Omit,
            format!("may not be more than {max_bytes} bytes"),
        )
    }
    pub fn too_many(path: impl Into<String>, actual: usize, max: usize) -> Self {
        Self::new(
            ErrorType::TooMany,
            path,
            BadValue::Int(actual as i64),
            format!("must have at most {max} items"),
        )
    }
    /// `Unsupported value: "X": supported values: "A", "B"`.
    pub fn unsupported(path: impl Into<String>, value: &str, supported: &[&str]) -> Self {
        let list = supported
            .iter()
            .map(|s| go_quote(s))
            .collect::<Vec<_>>()
            .join(", ");
        Self::new(
            ErrorType::Unsupported,
            path,
            BadValue::Str(value.to_string()),
            format!("supported values: {list}"),
        )
    }
    /// `Required value: valid values: ["A" "B"]` as NotSupported with an empty value renders it.
    pub fn required_one_of(path: impl Into<String>, supported: &[&str]) -> Self {
        let list = supported
            .iter()
            .map(|s| go_quote(s))
            .collect::<Vec<_>>()
            .join(" ");
        Self::required(path, format!("valid values: [{list}]"))
    }

    /// The body after the path: `<type>[: <value>][: <detail>]`.
    pub fn body(&self) -> String {
        let mut s = self.kind.as_str().to_string();
        let omit = matches!(
            self.kind,
            ErrorType::Required | ErrorType::Forbidden | ErrorType::TooLong
        ) || self.value == BadValue::Omit;
        if !omit {
            s.push_str(&format!(": {}", self.value));
        }
        if !self.detail.is_empty() {
            s.push_str(": ");
            s.push_str(&self.detail);
        }
        s
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.body())
    }
}

/// All field errors of one object: kubectl's `The Job "pi" is invalid: ...`.
#[derive(Clone, Debug, PartialEq)]
pub struct Invalid {
    pub kind: String,
    pub name: String,
    pub errors: Vec<FieldError>,
}

impl Invalid {
    /// The API server's own text (`StatusError`), before kubectl reformats it:
    /// `Job.batch "x" is invalid: <err>`, or `[<err1>, <err2>]` for several.
    pub fn api_server_message(&self) -> String {
        let body = match self.errors.as_slice() {
            [one] => one.to_string(),
            many => format!(
                "[{}]",
                many.iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        format!(
            "{}.batch {} is invalid: {body}",
            self.kind,
            go_quote(&self.name)
        )
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "The {} {} is invalid: ", self.kind, go_quote(&self.name))?;
        match self.errors.as_slice() {
            [one] => write!(f, "{one}"),
            many => {
                for e in many {
                    write!(f, "\n* {e}")?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_apimachinery() {
        let e = FieldError::required(
            "spec.template.spec.restartPolicy",
            r#"valid values: "OnFailure", "Never""#,
        );
        assert_eq!(
            e.to_string(),
            r#"spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never""#
        );
        let e = FieldError::invalid(
            "spec.parallelism",
            BadValue::Int(-1),
            "must be greater than or equal to 0",
        );
        assert_eq!(
            e.to_string(),
            "spec.parallelism: Invalid value: -1: must be greater than or equal to 0"
        );
        let e = FieldError::unsupported("spec.completionMode", "Foo", &["NonIndexed", "Indexed"]);
        assert_eq!(
            e.to_string(),
            r#"spec.completionMode: Unsupported value: "Foo": supported values: "NonIndexed", "Indexed""#
        );
        let e = FieldError::too_many("spec.podFailurePolicy.rules", 21, 20);
        assert_eq!(
            e.to_string(),
            "spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items"
        );
        let e = FieldError::required_one_of(
            "spec.podFailurePolicy.rules[0].action",
            &["Count", "FailIndex", "FailJob", "Ignore"],
        );
        assert_eq!(
            e.to_string(),
            r#"spec.podFailurePolicy.rules[0].action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]"#
        );
    }

    #[test]
    fn lists_several_errors_as_kubectl() {
        let inv = Invalid {
            kind: "Job".into(),
            name: "pi".into(),
            errors: vec![
                FieldError::invalid(
                    "spec.parallelism",
                    BadValue::Int(-1),
                    "must be greater than or equal to 0",
                ),
                FieldError::required(
                    "spec.template.spec.restartPolicy",
                    r#"valid values: "OnFailure", "Never""#,
                ),
            ],
        };
        assert_eq!(
            inv.to_string(),
            "The Job \"pi\" is invalid: \n* spec.parallelism: Invalid value: -1: must be greater than or equal to 0\n* spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\""
        );
    }
}
