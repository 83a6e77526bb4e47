// The scenarios of the engine benchmark: `include!`d by benches/engine.rs and
// tools/wasm-bench/src/lib.rs, so that natively and in the browser the same runs are
// measured.

/// The 100,000-index Job: parallelism 1,000, pods of 10 s.
pub const INDEXED: &str = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: big\nspec:\n  completions: 100000\n  parallelism: 1000\n  completionMode: Indexed\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: big\nspec:\n  stopAfterSeconds: 100000\n  pods:\n  - runSeconds: 10\n";

/// A CronJob every minute with history limits 3/1, for 48 virtual hours.
pub const EVERY_MINUTE: &str = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: \"* * * * *\"\n  successfulJobsHistoryLimit: 3\n  failedJobsHistoryLimit: 1\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: c\n            image: busybox\n            command: [sh, -c, \"date; echo Hello from the Kubernetes cluster\"]\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: two-days\nspec:\n  stopAfterSeconds: 172800\n";


/// A small deterministic generator (the bench must not depend on a random seed).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

const ZONES: &[&str] = &[
    "America/New_York",
    "Europe/Berlin",
    "Asia/Seoul",
    "Australia/Sydney",
    "America/Sao_Paulo",
    "Asia/Kolkata",
];

/// One of the 1,000 varied schedules (about 140 runs a year on average), and its
/// time zone if any.
fn schedule(r: &mut Lcg) -> (String, Option<&'static str>) {
    let m = r.next(60);
    let h = r.next(24);
    let s = match r.next(20) {
        0 | 1 => format!("{m} {h} * * *"),
        2..=6 => format!("{m} {h} * * {}", ["1", "0,6", "3", "1,4", "5"][r.next(5) as usize]),
        7..=12 => match r.next(2) {
            0 => format!("{m} {h} {} * *", 1 + r.next(28)),
            _ => format!("{m} {h} {},{} * *", 1 + r.next(14), 15 + r.next(14)),
        },
        13 | 14 => format!("{m} {h} {} {}-{} *", 1 + r.next(28), 1 + r.next(6), 7 + r.next(6)),
        15 => format!("{m} */{} * * *", [8, 12][r.next(2) as usize]),
        16 => format!("{m} 9,13,17 * * 1-5"),
        17 => ["@weekly", "@monthly", "@yearly", "@daily"][r.next(4) as usize].to_string(),
        18 => format!("{m} {h} 1 */3 *"),
        _ => format!("{m} {h} {} {} *", 1 + r.next(28), 1 + r.next(12)),
    };
    let zone = (r.next(3) == 0).then(|| ZONES[r.next(ZONES.len() as u64) as usize]);
    (s, zone)
}

fn cronjob_text(i: usize, schedule: &str, zone: Option<&str>, policy: &str) -> String {
    let tz = zone.map(|z| format!("  timeZone: {z}\n")).unwrap_or_default();
    format!(
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c{i}\nspec:\n  schedule: \"{schedule}\"\n{tz}  concurrencyPolicy: {policy}\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: c\n            image: busybox\n            command: [sh, -c, \"echo tick\"]\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: year\nspec:\n  stopAfterSeconds: 31536000\n"
    )
}

/// The 1,000 CronJobs of the bench.
pub fn thousand_cronjobs() -> Vec<String> {
    let mut r = Lcg(2026);
    (0..1000)
        .map(|i| {
            let (s, z) = schedule(&mut r);
            let policy = ["Allow", "Forbid", "Replace"][r.next(3) as usize];
            cronjob_text(i, &s, z, policy)
        })
        .collect()
}


/// Play [`EVERY_MINUTE`] as the page does (`ui::driver::Playback`: its session, its
/// checkpoints and the probe simulating ahead) hour by hour of virtual time, and
/// `sample` the memory after each hour: `(hour, sample)` for hours 1 to 48.
pub fn page_long_run(sample: &mut dyn FnMut() -> usize) -> Vec<(u64, usize)> {
    let mut p = match jobplay::ui::driver::Playback::new(EVERY_MINUTE) {
        Ok(p) => p,
        Err(e) => panic!("{}", e.message),
    };
    let mut out = Vec::new();
    for h in 1..=48u64 {
        p.seek(h * 3_600_000);
        while p.now_ms() < h * 3_600_000 && p.wants_ticks() {
            p.tick(16.0, 1.0, &mut || true);
        }
        out.push((h, sample()));
    }
    out
}

/// Whether memory samples over hours 25 to 48 stay within 5 % of the highest over
/// hours 1 to 24 (the session's checkpoints make a saw-tooth; it must not climb).
pub fn is_flat(samples: &[(u64, usize)]) -> bool {
    let max = |r: std::ops::RangeInclusive<u64>| {
        samples
            .iter()
            .filter(|(h, _)| r.contains(h))
            .map(|(_, b)| *b)
            .max()
            .unwrap_or(0)
    };
    let (day1, day2) = (max(1..=24), max(25..=48));
    day2 as f64 <= day1 as f64 * 1.05
}
