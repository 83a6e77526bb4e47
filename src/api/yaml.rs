//! Decoding YAML as the API server does: multi-document splitting with line
//! numbers, strict decoding that lists every unknown field by its full path,
//! type errors that name the field, and the YAML 1.1 scalars kubectl users meet
//! (`yes`/`on` booleans, octal-looking numbers, tabs) turned into helpful messages.
//!
//! The `strict` submodule holds the deserializers our types use for string and
//! boolean fields, so that `value: 1` is rejected as Kubernetes rejects it and
//! `suspend: yes` is accepted as Kubernetes accepts it.

use crate::api::decode::FromNode;
use std::fmt;

/// Largest input accepted (the API server's request size limit).
pub const MAX_INPUT_BYTES: usize = 3 * 1024 * 1024;
/// Deepest nesting accepted before decoding (the YAML library stops at 128).
pub const MAX_DEPTH: usize = 100;

/// One YAML document of a multi-document file.
#[derive(Clone, Copy, Debug)]
pub struct Doc<'a> {
    pub text: &'a str,
    /// 1-based line of the file on which this document's text starts.
    pub first_line: usize,
}

/// A decoding problem, with the position in the whole file where known.
#[derive(Clone, Debug, PartialEq)]
pub struct DecodeError {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl DecodeError {
    pub fn new(message: impl Into<String>) -> Self {
        DecodeError {
            message: message.into(),
            line: None,
            column: None,
        }
    }
    pub fn at(message: impl Into<String>, line: usize, column: usize) -> Self {
        DecodeError {
            message: message.into(),
            line: Some(line),
            column: Some(column),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(
                f,
                "error parsing YAML at line {l}, column {c}: {}",
                self.message
            ),
            (Some(l), None) => write!(f, "error parsing YAML at line {l}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

/// Split a file into its YAML documents at `---` lines, keeping line numbers.
/// Documents holding only comments and blank lines are dropped.
pub fn split_documents(text: &str) -> Vec<Doc<'_>> {
    let mut docs = Vec::new();
    let mut start = 0usize;
    let mut start_line = 1usize;
    let mut offset = 0usize;
    for (line_no, line) in (1usize..).zip(text.split_inclusive('\n')) {
        let bare = line.trim_end_matches(['\n', '\r']);
        let is_sep =
            bare == "---" || bare.starts_with("--- ") || bare.starts_with("---\t") || bare == "...";
        if is_sep {
            docs.push(Doc {
                text: &text[start..offset],
                first_line: start_line,
            });
            start = offset + line.len();
            start_line = line_no + 1;
            // `--- {inline}` content after the marker is rare; treat it as its own line.
            if let Some(rest) = bare.strip_prefix("--- ") {
                if !rest.trim().is_empty() && !rest.trim_start().starts_with('#') {
                    start = offset + 4;
                    start_line = line_no;
                }
            }
        }
        offset += line.len();
    }
    docs.push(Doc {
        text: &text[start..],
        first_line: start_line,
    });
    docs.into_iter().filter(|d| !is_blank_doc(d.text)).collect()
}

fn is_blank_doc(text: &str) -> bool {
    text.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#') || t.starts_with('%')
    })
}

/// Check what would make the YAML library slow or confused before handing it the text:
/// size, tabs used for indentation, and nesting depth.
pub fn precheck(doc: &Doc<'_>) -> Result<(), DecodeError> {
    for (i, line) in doc.text.lines().enumerate() {
        let indent: &str = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        if indent.contains('\t') && !line.trim().is_empty() {
            let col = indent.find('\t').unwrap_or(0) + 1;
            return Err(DecodeError::at(
                "found a tab character used for indentation: YAML allows only spaces there; replace the tab with spaces",
                doc.first_line + i,
                col,
            ));
        }
    }
    let mut depth = 0usize;
    let mut max_depth = 0usize;
    for (i, b) in doc.text.bytes().enumerate() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > max_depth {
                    max_depth = depth;
                }
                if max_depth > MAX_DEPTH {
                    let line = doc.text[..i].matches('\n').count();
                    return Err(DecodeError::at(
                        format!("nesting deeper than {MAX_DEPTH} levels is not accepted"),
                        doc.first_line + line,
                        1,
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// What kind of object a document declares (`apiVersion` and `kind`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TypeMeta {
    pub api_version: Option<String>,
    pub kind: Option<String>,
}

crate::from_node!(TypeMeta { api_version, kind });

/// Parse a document into a YAML tree, after the prechecks.
pub fn parse_doc(doc: &Doc<'_>) -> Result<serde_yaml_ng::Value, DecodeError> {
    precheck(doc)?;
    match crate::api::decode::parse_yaml(doc.text) {
        Ok(v) => Ok(v),
        Err(e) => {
            let msg = e.to_string();
            let loc = e.location().map(|l| (l.line(), l.column()));
            // An integer past 64 bits: JSON (and so the API server) reads it as a float;
            // read it as one too, so that the field's type gives the message.
            if msg.contains(" as u128,") || msg.contains(" as i128,") {
                if let Some(fixed) = loc.and_then(|(l, c)| float_at(doc.text, l, c)) {
                    if let Ok(v) = crate::api::decode::parse_yaml(&fixed) {
                        return Ok(v);
                    }
                }
            }
            Err(yaml_error(doc, None, &msg, loc))
        }
    }
}

/// The text with `.0` appended to the integer literal at (line, column).
fn float_at(text: &str, line: usize, column: usize) -> Option<String> {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum::<usize>()
        + column.checked_sub(1)?;
    let rest = text.get(start..)?;
    let digits = rest.trim_start_matches(['-', '+']);
    let len = rest.len() - digits.len() + digits.bytes().take_while(|b| b.is_ascii_digit()).count();
    if len == 0 {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 2);
    out.push_str(&text[..start + len]);
    out.push_str(".0");
    out.push_str(&text[start + len..]);
    Some(out)
}

/// Read `apiVersion` and `kind` of a parsed document.
pub fn type_meta_of(doc: &Doc<'_>, value: &serde_yaml_ng::Value) -> Result<TypeMeta, DecodeError> {
    match crate::api::decode::decode::<TypeMeta>(value) {
        Ok((t, _)) => Ok(t),
        Err(e) => {
            let path = e.path.clone().unwrap_or_default();
            Err(yaml_error(doc, Some(("", &path)), &e.message, None))
        }
    }
}

/// Read only `apiVersion` and `kind` of a document.
pub fn type_meta(doc: &Doc<'_>) -> Result<TypeMeta, DecodeError> {
    let value = parse_doc(doc)?;
    type_meta_of(doc, &value)
}

/// Decode a parsed document into `T`, strictly: every unknown field is reported with its path.
/// `kind` and `version` are used in messages, e.g. `Job in version "v1"`.
pub fn decode_tree<T: FromNode>(
    doc: &Doc<'_>,
    value: &serde_yaml_ng::Value,
    kind: &str,
    version: &str,
) -> Result<T, DecodeError> {
    let prefix = format!("{kind} in version {version:?} cannot be handled as a {kind}");
    match crate::api::decode::decode::<T>(value) {
        Ok((v, unknown)) => {
            if unknown.is_empty() {
                Ok(v)
            } else {
                let list = unknown
                    .iter()
                    .map(|p| format!("unknown field {p:?}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let (line, column) = match crate::api::locate::locate(doc.text, &unknown[0]) {
                    Some(pos) => (Some(doc.first_line + pos.line - 1), Some(pos.column)),
                    None => (None, None),
                };
                Err(DecodeError {
                    message: format!("{prefix}: strict decoding error: {list}"),
                    line,
                    column,
                })
            }
        }
        Err(e) => {
            let path = e.path.clone().unwrap_or_default();
            Err(yaml_error(doc, Some((&prefix, &path)), &e.message, None))
        }
    }
}

/// Parse and decode a document into `T` (see [`decode_tree`]).
pub fn decode<T: FromNode>(doc: &Doc<'_>, kind: &str, version: &str) -> Result<T, DecodeError> {
    let value = parse_doc(doc)?;
    decode_tree(doc, &value, kind, version)
}

/// Paths printed as `a.b.0.c` become Kubernetes' `a.b[0].c`.
pub fn k8s_path(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for (i, seg) in p.split('.').enumerate() {
        if seg == "?" {
            continue;
        }
        if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) && i > 0 {
            out.push('[');
            out.push_str(seg);
            out.push(']');
        } else {
            if i > 0 && !out.is_empty() {
                out.push('.');
            }
            out.push_str(seg);
        }
    }
    out
}

fn yaml_error(
    doc: &Doc<'_>,
    context: Option<(&str, &str)>,
    message: &str,
    location: Option<(usize, usize)>,
) -> DecodeError {
    let mut msg = message.to_string();
    // Drop the library's own position suffix; we report positions in the whole file.
    if let Some(i) = msg.find(" at line ") {
        msg.truncate(i);
    }
    msg = msg
        .replace("serde_yaml_ng::", "")
        .replace("unsafe-libyaml", "YAML");
    // The library starts some messages with its own copy of the field path.
    if let Some(i) = msg.find(": ") {
        if !msg[..i].contains(' ') {
            msg = msg[i + 2..].to_string();
        }
    }
    let mut context = context;
    let mut location = location;
    if msg.contains("repetition limit exceeded") {
        msg = "the document expands aliases too many times (a YAML alias bomb?): refused".into();
        location = location
            .or_else(|| crate::api::locate::first_alias(doc.text).map(|p| (p.line, p.column)));
    }
    if let Some(key) = msg.strip_prefix("duplicate entry with key ") {
        // sigs.k8s.io/yaml's strict conversion, as kubectl reports it.
        msg = format!("yaml: unmarshal errors: key {key} already set in map");
    }
    if msg.contains("recursion limit exceeded") {
        msg = format!("nesting deeper than {MAX_DEPTH} levels is not accepted");
        // The path of a runaway nesting is as long as the nesting: leave it out.
        context = context.map(|(prefix, _)| (prefix, ""));
    }
    let message = match context {
        Some((prefix, path)) if !path.is_empty() => match go_type_error(prefix, path, &msg) {
            Some(go) => format!("{prefix}: {go}"),
            None if prefix.is_empty() => format!("{path}: {msg}"),
            None => format!("{prefix}: {path}: {msg}"),
        },
        Some((prefix, _)) if !prefix.is_empty() => format!("{prefix}: {msg}"),
        _ => msg,
    };
    match location {
        Some((line, column)) => DecodeError::at(message, doc.first_line + line - 1, column),
        None => {
            // Errors found while decoding carry no position: place them at the field's value.
            let path = context.map(|(_, p)| p).unwrap_or("");
            match crate::api::locate::locate_value(doc.text, path).filter(|_| !path.is_empty()) {
                Some(pos) => DecodeError::at(message, doc.first_line + pos.line - 1, pos.column),
                None => DecodeError::new(message),
            }
        }
    }
}

/// The Go struct a field path (without indexes) belongs to, as encoding/json names it.
fn go_struct_of(kind: &str, parent: &str) -> String {
    let last = parent.rsplit('.').next().unwrap_or(parent);
    let known = match (kind, parent) {
        (_, "") => return kind.to_string(),
        ("CronJob", "spec") => "CronJobSpec",
        (_, "spec") | (_, "spec.jobTemplate.spec") => "JobSpec",
        _ => match last {
            "metadata" => "ObjectMeta",
            "jobTemplate" => "JobTemplateSpec",
            "template" => "PodTemplateSpec",
            "spec" if parent.ends_with("template.spec") => "PodSpec",
            "containers" | "initContainers" => "Container",
            "env" => "EnvVar",
            "podFailurePolicy" => "PodFailurePolicy",
            "rules" if parent.ends_with("podFailurePolicy.rules") => "PodFailurePolicyRule",
            "onExitCodes" => "PodFailurePolicyOnExitCodesRequirement",
            "onPodConditions" => "PodFailurePolicyOnPodConditionsPattern",
            "successPolicy" => "SuccessPolicy",
            "rules" if parent.ends_with("successPolicy.rules") => "SuccessPolicyRule",
            "selector" => "LabelSelector",
            _ => "",
        },
    };
    if !known.is_empty() {
        return known.to_string();
    }
    let mut c = last.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// A float as Go's encoding/json writes it.
fn go_json_float(f: f64) -> String {
    let abs = f.abs();
    if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        let s = format!("{f:e}");
        match s.split_once('e') {
            Some((m, e)) if e.starts_with('-') => {
                format!("{m}e-{:0>2}", e.trim_start_matches('-'))
            }
            Some((m, e)) => format!("{m}e+{e:0>2}"),
            None => s,
        }
    } else {
        format!("{f}")
    }
}

/// The API server's message for a value of the wrong type in a number field of a Kubernetes
/// object (`json: cannot unmarshal number 3000000000 into Go struct field
/// JobSpec.spec.parallelism of type int32`), from serde's message.
fn go_type_error(prefix: &str, path: &str, msg: &str) -> Option<String> {
    let kind = prefix.split(' ').next().unwrap_or("");
    if !matches!(kind, "Job" | "CronJob") {
        return None;
    }
    let (what, expected) = msg.rsplit_once(", expected ")?;
    let go_type = match expected {
        "i32" => "int32",
        "i64" => "int64",
        "u32" => "uint32",
        "u64" => "uint64",
        _ => return None,
    };
    let literal = |s: &str| s.split('`').nth(1).map(str::to_string);
    let value = if let Some(rest) = what.strip_prefix("invalid value: integer ") {
        format!("number {}", literal(rest)?)
    } else if let Some(rest) = what.strip_prefix("invalid type: integer ") {
        let n: f64 = literal(rest)?.parse().ok()?;
        format!("number {}", go_json_float(n))
    } else if let Some(rest) = what.strip_prefix("invalid type: floating point ") {
        let n: f64 = literal(rest)?.parse().ok()?;
        if !n.is_finite() {
            return None;
        }
        format!("number {}", go_json_float(n))
    } else if what.starts_with("invalid type: string") {
        "string".into()
    } else if what.starts_with("invalid type: boolean") {
        "bool".into()
    } else if what.starts_with("invalid type: sequence") {
        "array".into()
    } else if what.starts_with("invalid type: map") {
        "object".into()
    } else {
        return None;
    };
    let mut field = String::with_capacity(path.len());
    let mut depth = 0usize;
    for c in path.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => field.push(c),
            _ => {}
        }
    }
    let parent = field.rsplit_once('.').map(|(p, _)| p).unwrap_or("");
    Some(format!(
        "json: cannot unmarshal {value} into Go struct field {}.{field} of type {go_type}",
        go_struct_of(kind, parent)
    ))
}

/// A YAML 1.1 reading kubectl would make of a plain scalar that YAML 1.2 reads otherwise.
#[derive(Clone, Debug, PartialEq)]
pub struct Yaml11Note {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Find plain scalars that kubectl (YAML 1.1) reads differently from YAML 1.2:
/// `yes`/`no`/`on`/`off`/`y`/`n` are booleans there, `0755` is octal.
pub fn yaml11_notes(doc: &Doc<'_>) -> Vec<Yaml11Note> {
    let mut notes = Vec::new();
    for (i, line) in doc.text.lines().enumerate() {
        let code = strip_comment(line);
        let value_start = match code.find(": ") {
            Some(p) => p + 2,
            None => match code.trim_start().strip_prefix("- ") {
                Some(_) => code.find("- ").map(|p| p + 2).unwrap_or(0),
                None => continue,
            },
        };
        let value = code[value_start..].trim();
        if value.is_empty() {
            continue;
        }
        let col = value_start + code[value_start..].find(value).unwrap_or(0) + 1;
        let lower = value.to_ascii_lowercase();
        let bool_like = matches!(value, "y" | "Y" | "n" | "N")
            || matches!(lower.as_str(), "yes" | "no" | "on" | "off")
                && matches!(
                    value,
                    "yes"
                        | "Yes"
                        | "YES"
                        | "no"
                        | "No"
                        | "NO"
                        | "on"
                        | "On"
                        | "ON"
                        | "off"
                        | "Off"
                        | "OFF"
                );
        if bool_like {
            let b = matches!(lower.as_str(), "y" | "yes" | "on");
            notes.push(Yaml11Note {
                line: doc.first_line + i,
                column: col,
                message: format!(
                    "kubectl reads unquoted {value} as the boolean {b} (YAML 1.1); write \"{value}\" in quotes if you mean the text"
                ),
            });
        } else if value.len() > 1
            && value.starts_with('0')
            && value.bytes().all(|b| b.is_ascii_digit())
        {
            let octal = i64::from_str_radix(value, 8).ok();
            let msg = match octal {
                Some(v) => format!("kubectl reads {value} as the octal number {value} = {v} (YAML 1.1); write {} for decimal or \"{value}\" for text", value.trim_start_matches('0')),
                None => format!("{value} looks octal but is not (YAML 1.1 reads a leading 0 as octal); drop the leading zero or quote it"),
            };
            notes.push(Yaml11Note {
                line: doc.first_line + i,
                column: col,
                message: msg,
            });
        }
    }
    notes
}

fn strip_comment(line: &str) -> &str {
    // A `#` starts a comment at the start or after whitespace, outside quotes.
    let bytes = line.as_bytes();
    let (mut sq, mut dq) = (false, false);
    for i in 0..bytes.len() {
        match bytes[i] {
            b'\'' if !dq => sq = !sq,
            b'"' if !sq => dq = !dq,
            b'#' if !sq && !dq && (i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t') => {
                return &line[..i];
            }
            _ => {}
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_documents_with_lines() {
        let text = "# c\napiVersion: v1\nkind: A\n---\nkind: B\n---\n# only a comment\n";
        let docs = split_documents(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].first_line, 1);
        assert_eq!(docs[1].first_line, 5);
        assert_eq!(docs[1].text, "kind: B\n");
    }

    #[test]
    fn k8s_paths() {
        assert_eq!(
            k8s_path("spec.template.spec.containers.0.imagee"),
            "spec.template.spec.containers[0].imagee"
        );
        assert_eq!(k8s_path("spec.completion"), "spec.completion");
    }

    #[test]
    fn tabs_are_named() {
        let docs = split_documents("a:\n\tb: 1\n");
        let e = precheck(&docs[0]).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("tab"));
    }

    #[test]
    fn yaml11_scalars_get_notes() {
        let docs = split_documents("a: yes\nb: 0755\nc: \"on\"\nd: 10 # on\n");
        let n = yaml11_notes(&docs[0]);
        assert_eq!(n.len(), 2);
        assert_eq!(n[0].line, 1);
        assert!(n[0].message.contains("boolean true"));
        assert!(n[1].message.contains("493"));
    }
}
