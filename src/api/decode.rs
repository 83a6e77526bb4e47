//! Strict decoding of a parsed YAML tree into our types, with one serde
//! `Deserializer` of our own: it records every unknown field of a struct by its
//! full path (`spec.completion`), as the API server's strict decoding does, and
//! names the field of any type error. One deserializer for every input (YAML
//! documents and merge-patched objects) keeps the WebAssembly small: each type's
//! `Deserialize` is compiled once.

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use serde_yaml_ng::Value;
use std::cell::RefCell;
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

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError {
            message: msg.to_string(),
            path: None,
        }
    }
}

/// What a decode found besides the value: the unknown fields, in document order.
#[derive(Debug, Default)]
struct Sink {
    unknown: Vec<String>,
}

/// Decode `value` into `T`; `Err` on a type error, `Ok((value, unknown field paths))` otherwise.
pub fn decode<T: DeserializeOwned>(value: &Value) -> Result<(T, Vec<String>), DeError> {
    let sink = RefCell::new(Sink::default());
    let t = T::deserialize(Node {
        v: value,
        path: String::new(),
        sink: &sink,
    })?;
    Ok((t, sink.into_inner().unknown))
}

/// A node of the tree with its path.
struct Node<'a> {
    v: &'a Value,
    path: String,
    sink: &'a RefCell<Sink>,
}

fn child_path(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

fn key_text(k: &Value) -> String {
    match k {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        _ => "?".into(),
    }
}

impl<'a> Node<'a> {
    fn at(&self, e: DeError) -> DeError {
        if e.path.is_some() {
            e
        } else {
            DeError {
                message: e.message,
                path: Some(self.path.clone()),
            }
        }
    }

    fn unexpected(&self) -> de::Unexpected<'a> {
        match self.v {
            Value::Null => de::Unexpected::Unit,
            Value::Bool(b) => de::Unexpected::Bool(*b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    de::Unexpected::Unsigned(u)
                } else if let Some(i) = n.as_i64() {
                    de::Unexpected::Signed(i)
                } else {
                    de::Unexpected::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => de::Unexpected::Str(s),
            Value::Sequence(_) => de::Unexpected::Seq,
            Value::Mapping(_) => de::Unexpected::Map,
            Value::Tagged(_) => de::Unexpected::Other("tagged value"),
        }
    }

    fn any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        let r = match self.v {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => visitor.visit_str(s),
            Value::Sequence(items) => visitor.visit_seq(Seq {
                items: items.iter(),
                index: 0,
                path: &self.path,
                sink: self.sink,
            }),
            Value::Mapping(m) => visitor.visit_map(Map {
                iter: m.iter(),
                value: None,
                path: &self.path,
                sink: self.sink,
                fields: None,
            }),
            Value::Tagged(t) => {
                return Node {
                    v: &t.value,
                    path: self.path.clone(),
                    sink: self.sink,
                }
                .any(visitor);
            }
        };
        r.map_err(|e| self.at(e))
    }
}

struct Seq<'a, 'p> {
    items: std::slice::Iter<'a, Value>,
    index: usize,
    path: &'p str,
    sink: &'a RefCell<Sink>,
}

impl<'a> SeqAccess<'a> for Seq<'a, '_> {
    type Error = DeError;
    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.items.next() {
            Some(v) => {
                let path = format!("{}[{}]", self.path, self.index);
                self.index += 1;
                seed.deserialize(Node {
                    v,
                    path,
                    sink: self.sink,
                })
                .map(Some)
            }
            None => Ok(None),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'a, 'p> {
    iter: serde_yaml_ng::mapping::Iter<'a>,
    value: Option<(&'a Value, String)>,
    path: &'p str,
    sink: &'a RefCell<Sink>,
    /// The fields of the struct being read: other keys are unknown fields.
    fields: Option<&'static [&'static str]>,
}

impl<'a> MapAccess<'a> for Map<'a, '_> {
    type Error = DeError;
    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        match self.iter.next() {
            Some((k, v)) => {
                let name = key_text(k);
                let path = child_path(self.path, &name);
                if self.fields.is_some_and(|f| !f.contains(&name.as_str())) {
                    self.sink.borrow_mut().unknown.push(path.clone());
                }
                self.value = Some((v, path.clone()));
                seed.deserialize(Node {
                    v: k,
                    path,
                    sink: self.sink,
                })
                .map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        match self.value.take() {
            Some((v, path)) => seed.deserialize(Node {
                v,
                path,
                sink: self.sink,
            }),
            None => Err(de::Error::custom("value requested before its key")),
        }
    }
}

macro_rules! forward_to_any {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
                self.any(visitor)
            }
        )*
    };
}

impl<'a> de::Deserializer<'a> for Node<'a> {
    type Error = DeError;

    forward_to_any! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64 deserialize_char deserialize_str deserialize_string
        deserialize_bytes deserialize_byte_buf deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        let r = match self.v {
            Value::Null => visitor.visit_none(),
            _ => {
                let path = self.path.clone();
                visitor.visit_some(Node {
                    v: self.v,
                    path,
                    sink: self.sink,
                })
            }
        };
        r.map_err(|e| self.at(e))
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.any(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let path = self.path.clone();
        visitor
            .visit_newtype_struct(Node {
                v: self.v,
                path,
                sink: self.sink,
            })
            .map_err(|e| self.at(e))
    }

    fn deserialize_tuple<V: Visitor<'a>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.any(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.any(visitor)
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.v {
            Value::Mapping(m) => visitor
                .visit_map(Map {
                    iter: m.iter(),
                    value: None,
                    path: &self.path,
                    sink: self.sink,
                    fields: Some(fields),
                })
                .map_err(|e| self.at(e)),
            _ => self.any(visitor),
        }
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.v {
            Value::String(s) => visitor
                .visit_enum(s.as_str().into_deserializer())
                .map_err(|e: DeError| self.at(e)),
            _ => Err(self.at(de::Error::invalid_type(self.unexpected(), &"a string"))),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
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

    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "camelCase")]
    struct Inner {
        #[serde(default)]
        image: Option<String>,
        #[serde(default)]
        count: Option<i32>,
    }

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Outer {
        #[serde(default)]
        items: Vec<Inner>,
        #[serde(default)]
        labels: std::collections::BTreeMap<String, String>,
    }

    #[test]
    fn unknown_fields_are_listed_with_their_paths() {
        let v =
            parse_yaml("items:\n- image: a\n  imagee: b\n- count: 3\nextra: 1\nlabels: {x: y}\n")
                .unwrap();
        let (o, unknown): (Outer, _) = decode(&v).unwrap();
        assert_eq!(o.items[1].count, Some(3));
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
    }
}
