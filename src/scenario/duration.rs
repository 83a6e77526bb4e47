//! Scenario times and durations: a number of seconds (`5`, `0.5`) or a duration
//! string as Kubernetes tools write them (`"90s"`, `"5m"`, `"1h30m"`, `"250ms"`).

use crate::api::Time;
use serde::{Serialize, Serializer};

/// Seconds as written in a Scenario; may be negative or non-finite until validated.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Seconds(pub f64);

impl Seconds {
    /// Whether the value is a usable time (finite, not negative, under ten years).
    pub fn is_valid(self) -> bool {
        self.0.is_finite() && self.0 >= 0.0 && self.0 <= 10.0 * 365.0 * 86400.0
    }
    pub fn to_time(self) -> Time {
        Time::from_secs_f64(self.0)
    }
    pub fn millis(self) -> u64 {
        self.to_time().0
    }
}

/// Parse `"90s"`, `"5m"`, `"1h30m"`, `"250ms"`, `"1.5s"` or a bare number of seconds.
pub fn parse_duration(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(v) = s.parse::<f64>() {
        return Some(v);
    }
    let (neg, mut rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let mut total = 0.0;
    while !rest.is_empty() {
        let num_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if num_end == 0 {
            return None;
        }
        let n: f64 = rest[..num_end].parse().ok()?;
        rest = &rest[num_end..];
        let unit_end = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let factor = match &rest[..unit_end] {
            "ms" => 0.001,
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            "d" => 86400.0,
            _ => return None,
        };
        total += n * factor;
        rest = &rest[unit_end..];
    }
    Some(if neg { -total } else { total })
}

impl crate::api::decode::FromNode for Seconds {
    /// Seconds (a number) or a duration such as `"90s"` or `"5m"`.
    fn from_node(n: crate::api::decode::Node<'_>) -> Result<Self, crate::api::decode::DeError> {
        use serde_yaml_ng::Value;
        match n.value() {
            Value::Number(x) => x.as_f64().map(Seconds).ok_or_else(|| n.invalid_type("seconds")),
            Value::String(v) => parse_duration(v).map(Seconds).ok_or_else(|| {
                n.error(format!("invalid duration {v:?}: use seconds (30) or a duration such as \"90s\", \"5m\", \"1h30m\""))
            }),
            _ => Err(n.invalid_type("seconds (a number) or a duration such as \"90s\" or \"5m\"")),
        }
    }
}

impl Serialize for Seconds {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.fract() == 0.0 && self.0.abs() < 1e15 {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90s"), Some(90.0));
        assert_eq!(parse_duration("5m"), Some(300.0));
        assert_eq!(parse_duration("1h30m"), Some(5400.0));
        assert_eq!(parse_duration("250ms"), Some(0.25));
        assert_eq!(parse_duration("1.5s"), Some(1.5));
        assert_eq!(parse_duration("12"), Some(12.0));
        assert_eq!(parse_duration("-5s"), Some(-5.0));
        assert_eq!(parse_duration("5x"), None);
        assert_eq!(parse_duration("s"), None);
    }
}
