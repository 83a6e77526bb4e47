//! Engine benchmark (`make bench` / `cargo bench --bench engine`): prints figures,
//! asserts nothing. The 100,000-index Job with parallelism 1,000, a CronJob over a
//! simulated year, and a long CronJob run with history limits, whose live heap is
//! sampled along the way to show that it stays flat.

use jobplay::api::Time;
use jobplay::cluster::Cluster;
use jobplay::scenario::ScenarioFile;
use std::alloc::{GlobalAlloc, Layout, System};
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

fn parse(text: &str) -> ScenarioFile {
    match ScenarioFile::parse(text) {
        Ok(f) => f,
        Err(e) => panic!("{}", e.message),
    }
}

fn measure(name: &str, text: &str, runs: usize) {
    let file = parse(text);
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
    let events = c.store.events.len();
    let pods = c.store.pods.len();
    println!(
        "{name}: best of {runs}: {:.3} s wall; {pods} pods, {events} events, virtual {}, finished {}; {:.0} events/s; heap after {} (peak {})",
        best,
        jobplay::view::duration::short_seconds(c.now.0),
        c.finished_at.map(|t| jobplay::view::duration::short_seconds(t.0)).unwrap_or_else(|| "-".into()),
        events as f64 / best,
        mib(heap),
        mib(peak),
    );
}

/// A CronJob every minute with history limits: the live heap sampled every 6 virtual hours.
fn long_cron() {
    let text = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: \"* * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: c\n            image: busybox\n            command: [sh, -c, \"date; echo Hello from the Kubernetes cluster\"]\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: day\nspec:\n  stopAfterSeconds: 172800\n";
    let file = parse(text);
    let base = LIVE.load(Ordering::Relaxed);
    let t0 = Instant::now();
    let mut c = Cluster::new(&file);
    let mut samples = Vec::new();
    for h in (6..=48).step_by(6) {
        c.advance_to(Time::from_secs(h * 3600));
        samples.push(format!("{h}h {}", mib(LIVE.load(Ordering::Relaxed) - base)));
    }
    println!(
        "cronjob-every-minute-48h (2880 Jobs, history limits 3/1): {:.3} s wall; live heap: {}",
        t0.elapsed().as_secs_f64(),
        samples.join(", ")
    );
}

fn main() {
    let indexed = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: big\nspec:\n  completions: 100000\n  parallelism: 1000\n  completionMode: Indexed\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: big\nspec:\n  stopAfterSeconds: 100000\n  pods:\n  - runSeconds: 10\n";
    measure("indexed-100000-parallelism-1000", indexed, 3);
    let cron = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: tick\nspec:\n  schedule: \"0 */8 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: c\n            image: busybox\n            command: [\"sh\", \"-c\", \"echo tick\"]\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: year\nspec:\n  stopAfterSeconds: 31536000\n";
    measure("cronjob-every-8h-one-year (1095 schedules)", cron, 3);
    long_cron();
}
