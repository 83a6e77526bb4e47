//! Object metadata shared by every kind: [`ObjectMeta`], owner references, label
//! selectors, the virtual timestamp [`Time`], and the `string_enum!` macro for enum
//! fields that must keep unknown values so validation can name them.

use serde::{Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

/// A virtual timestamp: milliseconds since the workload was created (t = 0).
/// Serialized as seconds (a JSON number), as the CLI contract prints times.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(pub u64);

impl Time {
    pub const ZERO: Time = Time(0);
    pub fn from_secs(s: u64) -> Time {
        Time(s.saturating_mul(1000))
    }
    pub fn from_secs_f64(s: f64) -> Time {
        if s.is_finite() && s > 0.0 {
            Time((s * 1000.0).round().min(u64::MAX as f64 / 2.0) as u64)
        } else {
            Time(0)
        }
    }
    pub fn millis(self) -> u64 {
        self.0
    }
    pub fn secs_f64(self) -> f64 {
        self.0 as f64 / 1000.0
    }
    /// Whole seconds, rounded down.
    pub fn secs(self) -> u64 {
        self.0 / 1000
    }
    pub fn plus(self, d: Duration) -> Time {
        Time(
            self.0
                .saturating_add(d.as_millis().min(u64::MAX as u128) as u64),
        )
    }
    pub fn plus_ms(self, ms: u64) -> Time {
        Time(self.0.saturating_add(ms))
    }
    /// `self - earlier`, or zero when `earlier` is later.
    pub fn since(self, earlier: Time) -> Duration {
        Duration::from_millis(self.0.saturating_sub(earlier.0))
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", crate::view::duration::short_seconds(self.0))
    }
}

impl Serialize for Time {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.secs_f64())
    }
}

/// Standard object metadata (`metadata`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectMeta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generate_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generation: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_link: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creation_timestamp: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deletion_timestamp: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deletion_grace_period_seconds: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_references: Option<Vec<OwnerReference>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finalizers: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub managed_fields: Option<serde_json::Value>,
}

impl ObjectMeta {
    pub fn name(&self) -> &str {
        self.name.as_deref().unwrap_or("")
    }
    pub fn namespace(&self) -> &str {
        self.namespace.as_deref().unwrap_or("default")
    }
    pub fn label(&self, key: &str) -> Option<&str> {
        self.labels.as_ref()?.get(key).map(|s| s.as_str())
    }
    pub fn annotation(&self, key: &str) -> Option<&str> {
        self.annotations.as_ref()?.get(key).map(|s| s.as_str())
    }
    pub fn set_label(&mut self, key: &str, value: impl Into<String>) {
        self.labels
            .get_or_insert_with(BTreeMap::new)
            .insert(key.to_string(), value.into());
    }
    pub fn set_annotation(&mut self, key: &str, value: impl Into<String>) {
        self.annotations
            .get_or_insert_with(BTreeMap::new)
            .insert(key.to_string(), value.into());
    }
    pub fn has_finalizer(&self, f: &str) -> bool {
        self.finalizers
            .as_ref()
            .is_some_and(|v| v.iter().any(|x| x == f))
    }
    pub fn remove_finalizer(&mut self, f: &str) -> bool {
        if let Some(v) = self.finalizers.as_mut() {
            let before = v.len();
            v.retain(|x| x != f);
            let removed = v.len() != before;
            if v.is_empty() {
                self.finalizers = None;
            }
            return removed;
        }
        false
    }
}

/// `metadata.ownerReferences[]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnerReference {
    pub api_version: String,
    pub kind: String,
    pub name: String,
    pub uid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub controller: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_owner_deletion: Option<bool>,
}

/// A label selector (`matchLabels` and `matchExpressions`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LabelSelector {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub match_labels: Option<BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub match_expressions: Option<Vec<LabelSelectorRequirement>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LabelSelectorRequirement {
    pub key: String,
    pub operator: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

impl LabelSelector {
    /// Whether `labels` satisfy this selector (an empty selector matches everything).
    pub fn matches(&self, labels: Option<&BTreeMap<String, String>>) -> bool {
        let empty = BTreeMap::new();
        let labels = labels.unwrap_or(&empty);
        if let Some(ml) = &self.match_labels {
            if ml.iter().any(|(k, v)| labels.get(k) != Some(v)) {
                return false;
            }
        }
        for req in self.match_expressions.iter().flatten() {
            let values = req.values.as_deref().unwrap_or(&[]);
            let got = labels.get(&req.key);
            let ok = match req.operator.as_str() {
                "In" => got.is_some_and(|g| values.contains(g)),
                "NotIn" => got.is_none_or(|g| !values.contains(g)),
                "Exists" => got.is_some(),
                "DoesNotExist" => got.is_none(),
                _ => false,
            };
            if !ok {
                return false;
            }
        }
        true
    }

    /// `a=b,c in (d)` as kubectl prints selectors.
    pub fn to_display(&self) -> String {
        let mut parts = Vec::new();
        for (k, v) in self.match_labels.iter().flatten() {
            parts.push(format!("{k}={v}"));
        }
        for r in self.match_expressions.iter().flatten() {
            let vals = r.values.as_deref().unwrap_or(&[]).join(",");
            parts.push(match r.operator.as_str() {
                "In" => format!("{} in ({vals})", r.key),
                "NotIn" => format!("{} notin ({vals})", r.key),
                "Exists" => r.key.clone(),
                "DoesNotExist" => format!("!{}", r.key),
                op => format!("{} {op} ({vals})", r.key),
            });
        }
        if parts.is_empty() {
            "<none>".into()
        } else {
            parts.join(",")
        }
    }
}

/// Declares a string enum whose unknown values are kept (as `Unknown`) so that
/// validation, not decoding, rejects them with the API server's message.
macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)+
            /// A value the API does not know; rejected by validation.
            Unknown(String),
        }
        impl $name {
            pub const KNOWN: &'static [&'static str] = &[$($text),+];
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)+
                    $name::Unknown(s) => s.as_str(),
                }
            }
            pub fn parse(s: &str) -> Self {
                match s {
                    $($text => $name::$variant,)+
                    other => $name::Unknown(other.to_string()),
                }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl $crate::api::decode::FromNode for $name {
            fn from_node(n: $crate::api::decode::Node<'_>) -> Result<Self, $crate::api::decode::DeError> {
                let s: String = $crate::api::decode::FromNode::from_node(n)?;
                Ok($name::parse(&s))
            }
        }
    };
}
pub(crate) use string_enum;

// Strict decoding from YAML (see `api::decode`).
crate::from_node!(ObjectMeta { name, generate_name, namespace, uid[server], resource_version[server], generation[server], self_link[server], creation_timestamp[server], deletion_timestamp[server], deletion_grace_period_seconds[server], labels, annotations, owner_references[server], finalizers, managed_fields[server] });
crate::from_node!(LabelSelector {
    match_labels,
    match_expressions
});
crate::from_node!(LabelSelectorRequirement {
    key,
    operator,
    values
});
