//! Ordinal lists in Scenario selectors: `2`, `"0-1"`, `"1,3-5"`.

use crate::api::IndexSet;
use serde::{Serialize, Serializer};

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

impl crate::api::decode::FromNode for OrdinalList {
    /// A number or a list such as `"0,2-4"`; an invalid list is kept for validation to name.
    fn from_node(n: crate::api::decode::Node<'_>) -> Result<Self, crate::api::decode::DeError> {
        use serde_yaml_ng::Value;
        match n.value() {
            Value::Number(x) => {
                let text = crate::api::number::yaml_number(x);
                let set = x.as_u64().and_then(|v| u32::try_from(v).ok()).map(|v| {
                    let mut s = IndexSet::new();
                    s.insert(v);
                    s
                });
                Ok(OrdinalList { text, set })
            }
            Value::String(v) => Ok(OrdinalList {
                text: v.clone(),
                set: IndexSet::parse(v),
            }),
            _ => Err(n.invalid_type("a number or a list such as \"0,2-4\"")),
        }
    }
}

impl Serialize for OrdinalList {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}
