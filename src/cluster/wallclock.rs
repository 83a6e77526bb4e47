//! The virtual wall clock: t = 0 is a fixed instant (default 2026-01-01T00:00:00Z),
//! and virtual times map to calendar times for CronJob schedules and for the
//! timestamps kubectl prints. Civil-date arithmetic, RFC 3339 and RFC 1123Z.

/// Unix seconds of the default t = 0: 2026-01-01T00:00:00Z.
pub const DEFAULT_EPOCH: i64 = 1_767_225_600;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Broken-down UTC (or offset-shifted) time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// 0 = Sunday.
    pub weekday: u32,
}

pub fn civil(unix: i64) -> Civil {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    Civil {
        year,
        month,
        day,
        hour: (secs / 3600) as u32,
        minute: ((secs / 60) % 60) as u32,
        second: (secs % 60) as u32,
        weekday: (days + 4).rem_euclid(7) as u32,
    }
}

/// Parse an RFC 3339 time (`2026-01-01T00:00:00Z`, offsets and fractions allowed) to unix seconds.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !(b[10] == b'T' || b[10] == b't' || b[10] == b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let t = s.get(r)?;
        if t.bytes().all(|c| c.is_ascii_digit()) {
            t.parse().ok()
        } else {
            None
        }
    };
    let (y, mo, d, h, mi, se) = (
        num(0..4)?,
        num(5..7)?,
        num(8..10)?,
        num(11..13)?,
        num(14..16)?,
        num(17..19)?,
    );
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
        return None;
    }
    let mut rest = &s[19..];
    if let Some(r) = rest.strip_prefix('.') {
        let n = r.bytes().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        rest = &r[n..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        o if o.len() == 6 && (o.starts_with('+') || o.starts_with('-')) && &o[3..4] == ":" => {
            let hh: i64 = o[1..3].parse().ok()?;
            let mm: i64 = o[4..6].parse().ok()?;
            let v = hh * 3600 + mm * 60;
            if o.starts_with('-') {
                -v
            } else {
                v
            }
        }
        _ => return None,
    };
    let days = days_from_civil(y, mo as u32, d as u32);
    if civil_from_days(days) != (y, mo as u32, d as u32) {
        return None;
    }
    Some(days * 86_400 + h * 3600 + mi * 60 + se - offset)
}

/// `2026-01-01T00:01:00Z`.
pub fn format_rfc3339(unix: i64) -> String {
    let c = civil(unix);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    )
}

/// RFC 3339 with a numeric offset: `2026-01-01T09:01:00+09:00`.
pub fn format_rfc3339_offset(unix: i64, offset_secs: i64) -> String {
    if offset_secs == 0 {
        return format_rfc3339(unix);
    }
    let c = civil(unix + offset_secs);
    let sign = if offset_secs < 0 { '-' } else { '+' };
    let o = offset_secs.abs();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        c.year,
        c.month,
        c.day,
        c.hour,
        c.minute,
        c.second,
        o / 3600,
        (o / 60) % 60
    )
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Go's `time.RFC1123Z`: `Thu, 01 Jan 2026 00:00:00 +0000`.
pub fn format_rfc1123z(unix: i64, offset_secs: i64) -> String {
    let c = civil(unix + offset_secs);
    let sign = if offset_secs < 0 { '-' } else { '+' };
    let o = offset_secs.abs();
    format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} {sign}{:02}{:02}",
        DAYS[c.weekday as usize],
        c.day,
        MONTHS[(c.month - 1) as usize],
        c.year,
        c.hour,
        c.minute,
        c.second,
        o / 3600,
        (o / 60) % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_round_trips() {
        assert_eq!(parse_rfc3339("2026-01-01T00:00:00Z"), Some(DEFAULT_EPOCH));
        assert_eq!(DEFAULT_EPOCH / 60, 29_453_760);
        assert_eq!(format_rfc3339(DEFAULT_EPOCH + 60), "2026-01-01T00:01:00Z");
        assert_eq!(
            parse_rfc3339("2024-01-01T00:01:00Z").map(|s| s / 60),
            Some(28_401_121)
        );
        assert_eq!(
            parse_rfc3339("2026-01-01T09:00:00+09:00"),
            Some(DEFAULT_EPOCH)
        );
        assert_eq!(parse_rfc3339("2026-02-30T00:00:00Z"), None);
        assert_eq!(parse_rfc3339("yesterday"), None);
        assert_eq!(civil(DEFAULT_EPOCH).weekday, 4);
        assert_eq!(
            format_rfc1123z(DEFAULT_EPOCH, 0),
            "Thu, 01 Jan 2026 00:00:00 +0000"
        );
        assert_eq!(
            format_rfc1123z(DEFAULT_EPOCH, 7200),
            "Thu, 01 Jan 2026 02:00:00 +0200"
        );
        for d in [-1000, 0, 1, 20000, 100000] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
    }
}
