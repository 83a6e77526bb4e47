//! Engine benchmark (`make bench` / `cargo bench --bench engine`): prints figures,
//! asserts nothing. The 100,000-index Job with parallelism 1,000, a CronJob over a
//! simulated year, and a long CronJob run with history limits (memory stays flat).

use jobplay::cluster::Cluster;
use jobplay::scenario::ScenarioFile;
use std::time::Instant;

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
        let t0 = Instant::now();
        let mut c = Cluster::new(&file);
        c.run_to_end();
        let dt = t0.elapsed().as_secs_f64();
        best = best.min(dt);
        last = Some(c);
    }
    let c = last.expect("ran");
    let events = c.store.events.len();
    let pods = c.store.pods.len();
    let transitions = events + pods * 3;
    println!(
        "{name}: best of {runs}: {:.3} s wall; {pods} pods, {events} events, virtual {}, finished {}; {:.0} events/s, {:.0} pod transitions/s",
        best,
        jobplay::view::duration::short_seconds(c.now.0),
        c.finished_at.map(|t| jobplay::view::duration::short_seconds(t.0)).unwrap_or_else(|| "-".into()),
        events as f64 / best,
        transitions as f64 / best,
    );
}

fn main() {
    let indexed = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: big\nspec:\n  completions: 100000\n  parallelism: 1000\n  completionMode: Indexed\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: main\n        image: busybox\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: big\nspec:\n  stopAfterSeconds: 100000\n  pods:\n  - runSeconds: 10\n";
    measure("indexed-100000-parallelism-1000", indexed, 3);
    let cron = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: tick\nspec:\n  schedule: \"0 */8 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: c\n            image: busybox\n            command: [\"sh\", \"-c\", \"echo tick\"]\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: year\nspec:\n  stopAfterSeconds: 31536000\n";
    measure("cronjob-every-8h-one-year (1095 schedules)", cron, 3);
    let minutely = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: \"* * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: c\n            image: busybox\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata:\n  name: day\nspec:\n  stopAfterSeconds: 86400\n";
    measure("cronjob-every-minute-one-day (1440 schedules)", minutely, 1);
}
