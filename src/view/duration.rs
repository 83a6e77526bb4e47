//! Durations in kubectl's human format (apimachinery `duration.HumanDuration`).

/// kubectl's `HumanDuration` for a duration in milliseconds.
pub fn human(ms: u64) -> String {
    let secs = ms / 1000;
    if secs < 120 {
        return format!("{secs}s");
    }
    let minutes = secs / 60;
    if minutes < 10 {
        let s = secs % 60;
        return if s == 0 {
            format!("{minutes}m")
        } else {
            format!("{minutes}m{s}s")
        };
    }
    if minutes < 3 * 60 {
        return format!("{minutes}m");
    }
    let hours = minutes / 60;
    if hours < 8 {
        let m = minutes % 60;
        return if m == 0 {
            format!("{hours}h")
        } else {
            format!("{hours}h{m}m")
        };
    }
    if hours < 48 {
        return format!("{hours}h");
    }
    if hours < 8 * 24 {
        let h = hours % 24;
        let d = hours / 24;
        return if h == 0 {
            format!("{d}d")
        } else {
            format!("{d}d{h}h")
        };
    }
    let days = hours / 24;
    if days < 365 * 2 {
        return format!("{days}d");
    }
    let years = days / 365;
    if years < 8 {
        let d = days % 365;
        return if d == 0 {
            format!("{years}y")
        } else {
            format!("{years}y{d}d")
        };
    }
    format!("{years}y")
}

/// A virtual time for people: `1m23s`, `45s`, `1.5s`, `1h02m03s`.
pub fn short_seconds(ms: u64) -> String {
    let total = ms / 1000;
    let frac = ms % 1000;
    let (h, m, s) = (total / 3600, (total / 60) % 60, total % 60);
    let secs = if frac == 0 {
        format!("{s}")
    } else {
        let f = format!("{:03}", frac);
        format!("{s}.{}", f.trim_end_matches('0'))
    };
    if h > 0 {
        format!("{h}h{m:02}m{:0>2}s", secs)
    } else if m > 0 {
        format!("{m}m{:0>2}s", secs)
    } else {
        format!("{secs}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_duration_matches_kubectl() {
        let s = |x: u64| human(x * 1000);
        assert_eq!(s(5), "5s");
        assert_eq!(s(119), "119s");
        assert_eq!(s(120), "2m");
        assert_eq!(s(125), "2m5s");
        assert_eq!(s(600), "10m");
        assert_eq!(s(3 * 3600 - 1), "179m");
        assert_eq!(s(3 * 3600), "3h");
        assert_eq!(s(3 * 3600 + 60), "3h1m");
        assert_eq!(s(8 * 3600), "8h");
        assert_eq!(s(47 * 3600), "47h");
        assert_eq!(s(48 * 3600), "2d");
        assert_eq!(s(50 * 3600), "2d2h");
        assert_eq!(s(8 * 86400), "8d");
        assert_eq!(s(730 * 86400), "2y");
        assert_eq!(s(731 * 86400), "2y1d");
        assert_eq!(s(8 * 365 * 86400), "8y");
    }

    #[test]
    fn short_virtual_times() {
        assert_eq!(short_seconds(83_000), "1m23s");
        assert_eq!(short_seconds(45_000), "45s");
        assert_eq!(short_seconds(1_500), "1.5s");
        assert_eq!(short_seconds(3_723_000), "1h02m03s");
        assert_eq!(short_seconds(0), "0s");
    }
}
