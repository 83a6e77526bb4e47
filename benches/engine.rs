//! Engine benchmark (`make bench`, or `cargo run --release --example engine-bench [indexed|cron|long]`): prints figures,
//! asserts nothing. Natively:
//!
//! - the 100,000-index Job (parallelism 1,000, pods of 10 s) to its end: wall time,
//!   events per second, and the live heap afterwards;
//! - 1,000 CronJob schedules over a simulated year: 1,000 CronJobs with varied
//!   schedules (daily, weekly, monthly, quarterly, yearly, every few hours, working
//!   days, macros; one in three in one of six time zones, with and without daylight
//!   saving), each run alone for 365 virtual days; the figure is the total over the
//!   1,000 runs;
//! - memory over a long run, a CronJob every minute with history limits 3/1 for 48
//!   virtual hours: with the CLI's full history (every pod, Job and event ever, as
//!   its JSON output promises), and as the page plays it (`ui::driver::Playback`,
//!   whose store keeps what a real cluster keeps), its live heap sampled every
//!   virtual hour.
//!
//! With `BENCH_FIGURES=FILE`, each headline figure is also appended to FILE as a
//! tab-separated line (`scripts/bench-summary.mjs` prints them as one table).

use jobplay::api::Time;
use jobplay::cluster::Cluster;
use jobplay::scenario::ScenarioFile;
use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts live heap bytes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, l, new) };
        if !q.is_null() {
            if new >= l.size() {
                let now = LIVE.fetch_add(new - l.size(), Ordering::Relaxed) + new - l.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(l.size() - new, Ordering::Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn mib(b: usize) -> String {
    format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0))
}

fn kib(b: f64) -> String {
    format!("{:.1} KiB", b / 1024.0)
}

fn parse(text: &str) -> ScenarioFile {
    match ScenarioFile::parse(text) {
        Ok(f) => f,
        Err(e) => panic!("{}\n{text}", e.message),
    }
}

/// One headline figure for the summary table: `area`, what, the value, the goal, met.
fn figure(area: &str, what: &str, value: &str, goal: &str, met: Option<bool>) {
    let Ok(path) = std::env::var("BENCH_FIGURES") else {
        return;
    };
    let met = match met {
        Some(true) => "met",
        Some(false) => "NOT met",
        None => "-",
    };
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(f, "{area}\t{what}\t{value}\t{goal}\t{met}");
    }
}

fn indexed_job() {
    let file = parse(INDEXED);
    let runs = 3;
    let mut best = f64::MAX;
    let mut last = None;
    for _ in 0..runs {
        drop(last.take());
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let t0 = Instant::now();
        let mut c = Cluster::new(&file);
        c.run_to_end();
        let dt = t0.elapsed().as_secs_f64();
        best = best.min(dt);
        last = Some((
            c,
            LIVE.load(Ordering::Relaxed) - base,
            PEAK.load(Ordering::Relaxed) - base,
        ));
    }
    let Some((c, heap, peak)) = last else { return };
    let events = c.store.events_recorded();
    let rate = events as f64 / best;
    println!(
        "indexed-100000-parallelism-1000: best of {runs}: {best:.3} s wall; {} pods, {events} events, {} steps, virtual {}, finished {}; {rate:.0} events/s; heap after {} (peak {})",
        c.store.pods_created(),
        c.steps,
        jobplay::view::duration::short_seconds(c.now.0),
        c.finished_at
            .map(|t| jobplay::view::duration::short_seconds(t.0))
            .unwrap_or_else(|| "-".into()),
        mib(heap),
        mib(peak),
    );
    figure(
        "Engine (native)",
        "100,000-index Job to its end",
        &format!("{best:.2} s, {:.0}k events/s", rate / 1000.0),
        "< 1 s",
        Some(best < 1.0),
    );
    drop(c);
    // The page plays the same run: its session, checkpoints and probe.
    let base = LIVE.load(Ordering::Relaxed);
    let t0 = Instant::now();
    let page = match jobplay::ui::driver::Playback::new(INDEXED) {
        Ok(mut p) => {
            p.jump_to_end();
            while p.wants_ticks() {
                p.tick(16.0, 1.0, &mut || true);
            }
            Some(p)
        }
        Err(_) => None,
    };
    let page_heap = LIVE.load(Ordering::Relaxed) - base;
    println!(
        "indexed-100000-parallelism-1000, page (Playback jumped to the end): {:.3} s wall; heap after {} (the run, the scrubber's checkpoints and moments)",
        t0.elapsed().as_secs_f64(),
        mib(page_heap)
    );
    drop(page);
    figure(
        "Memory (native)",
        "heap after the 100,000-index Job",
        &format!("{} (the page: {})", mib(heap), mib(page_heap)),
        "(reported)",
        None,
    );
}

// The scenarios (shared with tools/wasm-bench, which runs them in a browser).
include!("scenarios.rs");

fn cron_schedules() {
    let texts = thousand_cronjobs();
    let files: Vec<ScenarioFile> = texts.iter().map(|t| parse(t)).collect();
    let t0 = Instant::now();
    let (mut jobs, mut events, mut halted) = (0usize, 0usize, 0usize);
    for f in &files {
        let mut c = Cluster::new(f);
        c.run_to_end();
        jobs += c.store.jobs_created();
        events += c.store.events_recorded();
        halted += usize::from(c.halted.is_some());
    }
    let dt = t0.elapsed().as_secs_f64();
    let rate = events as f64 / dt;
    println!(
        "cronjob-1000-schedules-one-year: {dt:.3} s wall for 1,000 CronJobs (varied schedules, 1 in 3 with a time zone), each over 365 virtual days: {jobs} Jobs scheduled, {events} events; {rate:.0} events/s; {halted} runs stopped by a limit"
    );
    figure(
        "Engine (native)",
        "1,000 CronJob schedules over a simulated year",
        &format!("{dt:.2} s, {:.0}k events/s, {jobs} Jobs", rate / 1000.0),
        "(reported)",
        None,
    );
}

/// Growth per hour over the second day, from (hour, bytes) samples.
fn growth_per_hour(samples: &[(u64, usize)]) -> f64 {
    let (Some(a), Some(b)) = (samples.iter().find(|s| s.0 == 24), samples.last()) else {
        return 0.0;
    };
    (b.1 as f64 - a.1 as f64) / (b.0 - a.0).max(1) as f64
}

fn long_cron() {
    let file = parse(EVERY_MINUTE);
    // 1. The CLI's engine: full history.
    let base = LIVE.load(Ordering::Relaxed);
    let t0 = Instant::now();
    let mut c = Cluster::new(&file);
    let mut full = Vec::new();
    for h in 1..=48 {
        c.advance_to(Time::from_secs(h * 3600));
        full.push((h, LIVE.load(Ordering::Relaxed) - base));
    }
    let wall = t0.elapsed().as_secs_f64();
    let jobs = c.store.jobs_created();
    drop(c);
    let show = |s: &[(u64, usize)]| {
        s.iter()
            .filter(|(h, _)| h % 6 == 0 || *h == 1)
            .map(|(h, b)| format!("{h}h {}", mib(*b)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        "cronjob-every-minute-48h, CLI (full history: {jobs} Jobs kept for the JSON output): {wall:.2} s wall; live heap {}; growth over the 2nd day {} per virtual hour",
        show(&full),
        kib(growth_per_hour(&full))
    );

    // 2. The page: a Playback, sampled every virtual hour.
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let t0 = Instant::now();
    let page = page_long_run(&mut || LIVE.load(Ordering::Relaxed).saturating_sub(base));
    let wall = t0.elapsed().as_secs_f64();
    let peak = PEAK.load(Ordering::Relaxed) - base;
    let range = |r: std::ops::RangeInclusive<u64>| {
        let v: Vec<usize> = page
            .iter()
            .filter(|(h, _)| r.contains(h))
            .map(|s| s.1)
            .collect();
        (
            v.iter().copied().min().unwrap_or(0),
            v.iter().copied().max().unwrap_or(0),
        )
    };
    let ((a1, b1), (a2, b2)) = (range(1..=24), range(25..=48));
    println!(
        "cronjob-every-minute-48h, page (Playback; the store keeps 1 h of events, 10 min of what left the API): {wall:.2} s wall; live heap every virtual hour (MiB): {}; peak {}",
        page.iter()
            .map(|(h, b)| format!("{h}h {:.2}", *b as f64 / 1048576.0))
            .collect::<Vec<_>>()
            .join(", "),
        mib(peak),
    );
    println!(
        "  hours 1-24: {} to {}; hours 25-48: {} to {} (checkpoints make a saw-tooth)",
        mib(a1),
        mib(b1),
        mib(a2),
        mib(b2)
    );
    figure(
        "Memory (native)",
        "page playing a CronJob every minute for 48 h",
        &format!("day 1 max {}, day 2 max {}", mib(b1), mib(b2)),
        "flat",
        Some(is_flat(&page)),
    );
    figure(
        "Memory (native)",
        "CLI run of the same, full history (JSON contract)",
        &format!("+{} per h", kib(growth_per_hour(&full))),
        "(grows by contract)",
        None,
    );
}

fn main() {
    // A name (indexed, cron, long) runs only that part; flags are ignored.
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let want = |name: &str| only.is_empty() || only.iter().any(|o| name.contains(o.as_str()));
    if want("indexed") {
        indexed_job();
    }
    if want("cron") {
        cron_schedules();
    }
    if want("long") {
        long_cron();
    }
}
