//! Time zones for CronJob `timeZone`. PLACEHOLDER: UTC only; to be replaced.

#[derive(Clone, Debug, PartialEq)]
pub struct Zone {
    name: String,
}

impl Zone {
    pub fn utc() -> Zone {
        Zone { name: "UTC".into() }
    }
    pub fn load(name: &str) -> Result<Zone, String> {
        if name == "UTC" || name == "Etc/UTC" {
            Ok(Zone { name: name.into() })
        } else {
            Err(format!("unknown time zone {name}"))
        }
    }
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Seconds east of UTC at `unix`.
    pub fn offset_at(&self, _unix: i64) -> i64 {
        0
    }
}
