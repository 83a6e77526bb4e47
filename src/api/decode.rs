//! Strict decoding of a parsed YAML tree into our types, without serde's derive:
//! a small [`FromNode`] trait, implemented for scalars with Kubernetes' semantics
//! (numbers and booleans are not strings, YAML 1.1 `yes`/`on` are booleans) and
//! for structs by the [`from_node!`] macro, which lists every unknown field by its
//! full path (`spec.completion`) as the API server's strict decoding does, and
//! names the field of a type error. It compiles to a fraction of what serde's
//! derived visitors cost in the page's WebAssembly.

use serde_yaml_ng::Value;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

/// An error while decoding, with the path of the field it is about.
#[derive(Clone, Debug, PartialEq)]
pub struct DeError {
    pub message: String,
    /// `spec.template.spec.containers[0].image`; empty for the whole document.
    pub path: Option<String>,
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

/// What a decode found besides the value: the unknown fields, in document order.
#[derive(Debug, Default)]
pub struct Sink {
    unknown: Vec<String>,
}

/// A node of the tree, with its path, being decoded.
#[derive(Clone, Copy)]
pub struct Node<'a> {
    pub v: &'a Value,
    path: &'a str,
    sink: &'a RefCell<Sink>,
}

/// A type that can be read from a YAML tree node.
pub trait FromNode: Sized {
    fn from_node(n: Node<'_>) -> Result<Self, DeError>;
}

/// Decode `value` into `T`: `Err` on a type error, else the value and the unknown fields.
pub fn decode<T: FromNode>(value: &Value) -> Result<(T, Vec<String>), DeError> {
    let sink = RefCell::new(Sink::default());
    let t = T::from_node(Node {
        v: value,
        path: "",
        sink: &sink,
    })?;
    Ok((t, sink.into_inner().unknown))
}

/// Whether a camelCase key names a snake_case field (`backoffLimit` and `backoff_limit`).
pub fn key_is(key: &str, field: &str) -> bool {
    let mut f = field.bytes();
    for c in key.bytes() {
        if c.is_ascii_uppercase() {
            if f.next() != Some(b'_') || f.next() != Some(c.to_ascii_lowercase()) {
                return false;
            }
        } else if c == b'_' || f.next() != Some(c) {
            return false;
        }
    }
    f.next().is_none()
}

fn key_text(k: &Value) -> String {
    match k {
        Value::String(s) => s.clone(),
        Value::Number(n) => crate::api::number::yaml_number(n),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        _ => "?".into(),
    }
}

/// serde's words for what a value is (`invalid type: string "x", expected i32`).
fn unexpected(v: &Value) -> String {
    match v {
        Value::Null => "unit value".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) => {
            if n.is_f64() {
                format!("floating point `{}`", n.as_f64().unwrap_or(f64::NAN))
            } else {
                format!("integer `{}`", crate::api::number::yaml_number(n))
            }
        }
        Value::String(s) => format!("string {s:?}"),
        Value::Sequence(_) => "sequence".into(),
        Value::Mapping(_) => "map".into(),
        Value::Tagged(t) => unexpected(&t.value),
    }
}

impl<'a> Node<'a> {
    /// The value, looking through a YAML tag.
    pub fn value(&self) -> &'a Value {
        match self.v {
            Value::Tagged(t) => &t.value,
            v => v,
        }
    }

    pub fn path(&self) -> &str {
        self.path
    }

    pub fn error(&self, message: impl Into<String>) -> DeError {
        DeError {
            message: message.into(),
            path: Some(self.path.to_string()),
        }
    }

    /// `invalid type: <what it is>, expected <what>`.
    pub fn invalid_type(&self, expected: &str) -> DeError {
        self.error(format!(
            "invalid type: {}, expected {expected}",
            unexpected(self.value())
        ))
    }

    fn with<R>(&self, v: &'a Value, path: &str, f: impl FnOnce(Node<'_>) -> R) -> R {
        f(Node {
            v,
            path,
            sink: self.sink,
        })
    }

    /// Visit the entries of a mapping that is a struct: `f` returns whether it knew the key;
    /// keys it does not know are unknown fields. A null is an empty struct.
    pub fn fields(
        &self,
        expected: &str,
        mut f: impl FnMut(&str, Node<'_>) -> Result<bool, DeError>,
    ) -> Result<(), DeError> {
        self.fields_dyn(expected, &mut f)
    }

    // The walks below take `dyn` closures: one compiled copy for every struct and item
    // type (they were a copy each, about 20 KB of the page's wasm).
    fn fields_dyn(
        &self,
        expected: &str,
        f: &mut dyn FnMut(&str, Node<'_>) -> Result<bool, DeError>,
    ) -> Result<(), DeError> {
        match self.value() {
            Value::Mapping(m) => {
                for (k, v) in m {
                    let key = key_text(k);
                    let path = if self.path.is_empty() {
                        key.clone()
                    } else {
                        format!("{}.{key}", self.path)
                    };
                    let known = self.with(v, &path, |child| f(&key, child))?;
                    if !known {
                        self.sink.borrow_mut().unknown.push(path);
                    }
                }
                Ok(())
            }
            Value::Null => Ok(()),
            _ => Err(self.invalid_type(&format!("struct {expected}"))),
        }
    }

    /// Decode each item of a sequence (a null is an empty list, as Go's JSON reads it).
    pub fn items<T>(
        &self,
        mut f: impl FnMut(Node<'_>) -> Result<T, DeError>,
    ) -> Result<Vec<T>, DeError> {
        let len = match self.value() {
            Value::Sequence(items) => items.len(),
            _ => 0,
        };
        let mut out = Vec::with_capacity(len);
        self.items_dyn(&mut |child| {
            out.push(f(child)?);
            Ok(())
        })?;
        Ok(out)
    }

    fn items_dyn(&self, f: &mut dyn FnMut(Node<'_>) -> Result<(), DeError>) -> Result<(), DeError> {
        match self.value() {
            Value::Sequence(items) => {
                for (i, v) in items.iter().enumerate() {
                    let path = format!("{}[{i}]", self.path);
                    self.with(v, &path, &mut *f)?;
                }
                Ok(())
            }
            Value::Null => Ok(()),
            _ => Err(self.invalid_type("a sequence")),
        }
    }

    /// Decode each entry of a map with string keys.
    pub fn entries<T>(
        &self,
        mut f: impl FnMut(Node<'_>) -> Result<T, DeError>,
    ) -> Result<BTreeMap<String, T>, DeError> {
        let mut out = BTreeMap::new();
        self.entries_dyn(&mut |key, child| {
            out.insert(key, f(child)?);
            Ok(())
        })?;
        Ok(out)
    }

    fn entries_dyn(
        &self,
        f: &mut dyn FnMut(String, Node<'_>) -> Result<(), DeError>,
    ) -> Result<(), DeError> {
        match self.value() {
            Value::Mapping(m) => {
                for (k, v) in m {
                    let key = match k {
                        Value::String(s) => s.clone(),
                        other => {
                            return Err(self.error(format!(
                                "invalid type: {}, expected a string key: quote it (\"{}\")",
                                unexpected(other),
                                key_text(other)
                            )))
                        }
                    };
                    let path = if self.path.is_empty() {
                        key.clone()
                    } else {
                        format!("{}.{key}", self.path)
                    };
                    self.with(v, &path, |child| f(key, child))?;
                }
                Ok(())
            }
            Value::Null => Ok(()),
            _ => Err(self.invalid_type("a map")),
        }
    }
}

impl FromNode for String {
    /// A string field: numbers and booleans are rejected, as Kubernetes does; null reads as empty.
    fn from_node(n: Node<'_>) -> Result<Self, DeError> {
        match n.value() {
            Value::String(s) => Ok(s.clone()),
            Value::Null => Ok(String::new()),
            Value::Bool(b) => {
                Err(n.error(format!("cannot unmarshal bool into a string field: quote it (\"{b}\") if you mean the text")))
            }
            Value::Number(x) => Err(n.error(format!(
                "cannot unmarshal number into a string field: quote it (\"{}\")",
                crate::api::number::yaml_number(x)
            ))),
            _ => Err(n.invalid_type("a string")),
        }
    }
}

impl FromNode for bool {
    /// A boolean field; YAML 1.1's `yes`/`no`/`on`/`off` read as kubectl reads them.
    fn from_node(n: Node<'_>) -> Result<Self, DeError> {
        match n.value() {
            Value::Bool(b) => Ok(*b),
            Value::String(s) => match s.as_str() {
                "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" | "True" | "TRUE" => {
                    Ok(true)
                }
                "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" | "False" | "FALSE" => {
                    Ok(false)
                }
                _ => Err(n.error(format!(
                    "cannot unmarshal string {s:?} into a boolean field: use true or false"
                ))),
            },
            Value::Number(_) => {
                Err(n.error("cannot unmarshal number into a boolean field: use true or false"))
            }
            _ => Err(n.invalid_type("a boolean")),
        }
    }
}

macro_rules! int_from_node {
    ($($t:ty),*) => {$(
        impl FromNode for $t {
            fn from_node(n: Node<'_>) -> Result<Self, DeError> {
                let name = stringify!($t);
                match n.value() {
                    Value::Number(x) if !x.is_f64() => {
                        let fits = if let Some(u) = x.as_u64() { <$t>::try_from(u).ok() } else { x.as_i64().and_then(|i| <$t>::try_from(i).ok()) };
                        fits.ok_or_else(|| n.error(format!("invalid value: integer `{}`, expected {name}", crate::api::number::yaml_number(x))))
                    }
                    _ => Err(n.invalid_type(name)),
                }
            }
        }
    )*};
}
int_from_node!(i32, i64, u32, u64);

impl FromNode for f64 {
    fn from_node(n: Node<'_>) -> Result<Self, DeError> {
        match n.value() {
            Value::Number(x) => x.as_f64().ok_or_else(|| n.invalid_type("f64")),
            _ => Err(n.invalid_type("f64")),
        }
    }
}

impl<T: FromNode> FromNode for Option<T> {
    fn from_node(n: Node<'_>) -> Result<Self, DeError> {
        match n.value() {
            Value::Null => Ok(None),
            _ => T::from_node(n).map(Some),
        }
    }
}

impl<T: FromNode> FromNode for Box<T> {
    fn from_node(n: Node<'_>) -> Result<Self, DeError> {
        T::from_node(n).map(Box::new)
    }
}

impl<T: FromNode> FromNode for std::sync::Arc<T> {
    fn from_node(n: Node<'_>) -> Result<Self, DeError> {
        T::from_node(n).map(std::sync::Arc::new)
    }
}

impl<T: FromNode> FromNode for Vec<T> {
    fn from_node(n: Node<'_>) -> Result<Self, DeError> {
        n.items(T::from_node)
    }
}

impl<T: FromNode> FromNode for BTreeMap<String, T> {
    fn from_node(n: Node<'_>) -> Result<Self, DeError> {
        n.entries(T::from_node)
    }
}

impl FromNode for serde_json::Value {
    /// Opaque content (volumes, affinity ...): kept as JSON, unchecked.
    fn from_node(n: Node<'_>) -> Result<Self, DeError> {
        to_json(n.value()).map_err(|m| n.error(m))
    }
}

fn to_json(v: &Value) -> Result<serde_json::Value, String> {
    Ok(match v {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u.into()
            } else if let Some(i) = n.as_i64() {
                i.into()
            } else {
                serde_json::Number::from_f64(n.as_f64().unwrap_or(0.0))
                    .map(serde_json::Value::Number)
                    .unwrap_or(serde_json::Value::Null)
            }
        }
        Value::String(s) => serde_json::Value::String(s.clone()),
        Value::Sequence(items) => {
            serde_json::Value::Array(items.iter().map(to_json).collect::<Result<_, _>>()?)
        }
        Value::Mapping(m) => {
            let mut o = serde_json::Map::new();
            for (k, v) in m {
                o.insert(key_text(k), to_json(v)?);
            }
            serde_json::Value::Object(o)
        }
        Value::Tagged(t) => to_json(&t.value)?,
    })
}

/// A field the server owns (uid, timestamps, status): accepted on input and dropped.
pub struct ServerSet;

impl FromNode for ServerSet {
    fn from_node(_: Node<'_>) -> Result<Self, DeError> {
        Ok(ServerSet)
    }
}

/// Implements [`FromNode`] for a struct with `Default`: each field is read from the key of
/// the same name in camelCase, or the given name; `[server]` fields are accepted and dropped.
#[macro_export]
macro_rules! from_node {
    ($ty:ty { $($field:ident $(= $name:literal)? $([$kind:ident])?),* $(,)? }) => {
        impl $crate::api::decode::FromNode for $ty {
            fn from_node(n: $crate::api::decode::Node<'_>) -> Result<Self, $crate::api::decode::DeError> {
                let mut out = <$ty as Default>::default();
                n.fields(stringify!($ty), |key, child| {
                    $(
                        if $crate::from_node!(@is key, $field $(, $name)?) {
                            $crate::from_node!(@set out.$field, child $(, $kind)?);
                            return Ok(true);
                        }
                    )*
                    let _ = child;
                    Ok(false)
                })?;
                Ok(out)
            }
        }
    };
    (@is $key:ident, $field:ident) => { $crate::api::decode::key_is($key, stringify!($field)) };
    (@is $key:ident, $field:ident, $name:literal) => { $key == $name };
    (@set $t:expr, $child:ident) => { $t = $crate::api::decode::FromNode::from_node($child)? };
    (@set $t:expr, $child:ident, server) => {{
        let _: $crate::api::decode::ServerSet = $crate::api::decode::FromNode::from_node($child)?;
    }};
}

/// Parse one YAML document into a tree (syntax errors carry their line and column).
pub fn parse_yaml(text: &str) -> Result<Value, serde_yaml_ng::Error> {
    serde_yaml_ng::from_str(text)
}

/// Turn a JSON value (a merge-patched object) into a YAML tree for [`decode`].
pub fn from_json(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                Value::Number(u.into())
            } else if let Some(i) = n.as_i64() {
                Value::Number(i.into())
            } else {
                Value::Number(n.as_f64().unwrap_or(0.0).into())
            }
        }
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(a) => Value::Sequence(a.iter().map(from_json).collect()),
        serde_json::Value::Object(o) => {
            let mut m = serde_yaml_ng::Mapping::new();
            for (k, v) in o {
                m.insert(Value::String(k.clone()), from_json(v));
            }
            Value::Mapping(m)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq)]
    struct Inner {
        image: Option<String>,
        count: Option<i32>,
        type_: String,
    }
    crate::from_node!(Inner { image, count, type_ = "type" });

    #[derive(Debug, Default, PartialEq)]
    struct Outer {
        items: Vec<Inner>,
        labels: BTreeMap<String, String>,
        uid: Option<String>,
    }
    crate::from_node!(Outer { items, labels, uid[server] });

    #[test]
    fn keys_match_snake_case_fields() {
        assert!(key_is("backoffLimit", "backoff_limit"));
        assert!(key_is("parallelism", "parallelism"));
        assert!(!key_is("backoff_limit", "backoff_limit"));
        assert!(!key_is("backoffLimits", "backoff_limit"));
        assert!(!key_is("backoff", "backoff_limit"));
    }

    #[test]
    fn unknown_fields_are_listed_with_their_paths() {
        let v = parse_yaml("items:\n- image: a\n  imagee: b\n  type: t\n- count: 3\nextra: 1\nlabels: {x: y}\nuid: abc\n").unwrap();
        let (o, unknown): (Outer, _) = decode(&v).unwrap();
        assert_eq!(o.items[1].count, Some(3));
        assert_eq!(o.items[0].type_, "t");
        assert_eq!(o.uid, None, "server-set fields are dropped");
        assert_eq!(
            unknown,
            vec!["items[0].imagee".to_string(), "extra".to_string()]
        );
    }

    #[test]
    fn type_errors_name_the_field() {
        let v = parse_yaml("items:\n- count: 3000000000\n").unwrap();
        let e = decode::<Outer>(&v).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("items[0].count"));
        assert_eq!(
            e.message,
            "invalid value: integer `3000000000`, expected i32"
        );
        let v = parse_yaml("items:\n- image: [1]\n").unwrap();
        let e = decode::<Outer>(&v).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("items[0].image"));
        assert_eq!(e.message, "invalid type: sequence, expected a string");
        let v = parse_yaml("items:\n- count: \"3\"\n").unwrap();
        assert_eq!(
            decode::<Outer>(&v).unwrap_err().message,
            "invalid type: string \"3\", expected i32"
        );
        let v = parse_yaml("labels: {a: 1}\n").unwrap();
        let e = decode::<Outer>(&v).unwrap_err();
        assert_eq!(
            (e.path.as_deref(), e.message.as_str()),
            (
                Some("labels.a"),
                "cannot unmarshal number into a string field: quote it (\"1\")"
            )
        );
    }
}
