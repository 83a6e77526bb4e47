//! Ordinal lists in Scenario selectors: `2`, `"0-1"`, `"1,3-5"`.

use crate::api::IndexSet;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// A list of 0-based ordinals (indexes, pod ordinals, restart counts, job ordinals).
#[derive(Clone, Debug, PartialEq)]
pub struct OrdinalList {
    /// The text as written, for messages.
    pub text: String,
    /// `None` when the text is not a valid list (reported by validation).
    pub set: Option<IndexSet>,
}

impl OrdinalList {
    pub fn contains(&self, i: u32) -> bool {
        self.set.as_ref().is_some_and(|s| s.contains(i))
    }
}

impl<'de> Deserialize<'de> for OrdinalList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OrdinalList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or a list such as \"0,2-4\"")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<OrdinalList, E> {
                let set = u32::try_from(v).ok().map(|v| {
                    let mut s = IndexSet::new();
                    s.insert(v);
                    s
                });
                Ok(OrdinalList {
                    text: v.to_string(),
                    set,
                })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<OrdinalList, E> {
                if v < 0 {
                    return Ok(OrdinalList {
                        text: v.to_string(),
                        set: None,
                    });
                }
                self.visit_u64(v as u64)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OrdinalList, E> {
                Ok(OrdinalList {
                    text: v.to_string(),
                    set: IndexSet::parse(v),
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for OrdinalList {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}
