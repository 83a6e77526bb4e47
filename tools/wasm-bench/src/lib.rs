//! The engine alone in WebAssembly, for measuring it in a browser (see
//! tests/e2e/bench-wasm.mjs): the same scenarios as the native benchmark
//! (benches/scenarios.rs). Timing is done by the caller in JavaScript.

use wasm_bindgen::prelude::*;

include!("../../../benches/scenarios.rs");

/// Bytes of wasm linear memory (it only grows: this is the high-water mark).
fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) * 65536
}

/// The 100,000-index Job: `pods,events,steps,virtual_ms,finished_ms`.
#[wasm_bindgen]
pub fn indexed_job() -> String {
    run_to_end(INDEXED)
}

/// The page's way through the 100,000-index Job (`ui::driver::Playback` jumped to
/// the end: the run, the scrubber's checkpoints and moments): the wasm memory after.
#[wasm_bindgen]
pub fn page_indexed() -> usize {
    if let Ok(mut p) = jobplay::ui::driver::Playback::new(INDEXED) {
        p.jump_to_end();
        while p.wants_ticks() {
            p.tick(16.0, 1.0, &mut || true);
        }
    }
    memory_bytes()
}

/// Run a scenario file to its end; returns `pods,events,steps,virtual_ms,finished_ms`
/// or an error text.
#[wasm_bindgen]
pub fn run_to_end(text: &str) -> String {
    match jobplay::cluster::Cluster::from_text(text) {
        Ok(mut c) => {
            c.run_to_end();
            format!(
                "{},{},{},{},{}",
                c.store.pods_created(),
                c.store.events_recorded(),
                c.steps,
                c.now.0,
                c.finished_at.map(|t| t.0 as i64).unwrap_or(-1)
            )
        }
        Err(e) => format!("error: {}", e.message),
    }
}

/// Parse the 1,000 CronJobs (not timed: call before [`cron_thousand`]).
#[wasm_bindgen]
pub fn cron_prepare() -> usize {
    let files: Vec<jobplay::scenario::ScenarioFile> = thousand_cronjobs()
        .iter()
        .filter_map(|t| jobplay::scenario::ScenarioFile::parse(t).ok())
        .collect();
    let n = files.len();
    FILES.with(|f| *f.borrow_mut() = files);
    n
}

thread_local! {
    static FILES: std::cell::RefCell<Vec<jobplay::scenario::ScenarioFile>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Run the 1,000 CronJobs, each over a simulated year: `jobs,events,halted`.
#[wasm_bindgen]
pub fn cron_thousand() -> String {
    FILES.with(|f| {
        let (mut jobs, mut events, mut halted) = (0, 0, 0);
        for file in f.borrow().iter() {
            let mut c = jobplay::cluster::Cluster::new(file);
            c.run_to_end();
            jobs += c.store.jobs_created();
            events += c.store.events_recorded();
            halted += usize::from(c.halted.is_some());
        }
        format!("{jobs},{events},{halted}")
    })
}

/// The page's long run ([`page_long_run`]): the wasm memory after each virtual
/// hour, `hour:bytes` comma-separated.
#[wasm_bindgen]
pub fn page_memory() -> String {
    page_long_run(&mut memory_bytes)
        .iter()
        .map(|(h, b)| format!("{h}:{b}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// Whether the samples of [`page_memory`] stay flat.
#[wasm_bindgen]
pub fn page_memory_flat(samples: &str) -> bool {
    let s: Vec<(u64, usize)> = samples
        .split(',')
        .filter_map(|x| {
            let (h, b) = x.split_once(':')?;
            Some((h.parse().ok()?, b.parse().ok()?))
        })
        .collect();
    is_flat(&s)
}

#[wasm_bindgen]
pub fn memory_size() -> usize {
    memory_bytes()
}
