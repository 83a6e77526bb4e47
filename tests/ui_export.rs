//! The page's downloads (`src/ui/export.rs`) and the walk-through's playback
//! (`Playback::set_stop`, `Playback::verdicts`), natively.

use jobplay::gallery;
use jobplay::scenario::ScenarioFile;
use jobplay::ui::driver::{self, Playback};
use jobplay::ui::export::{self, TimelineSvg};

fn example(name: &str) -> &'static str {
    gallery::get(name).expect("example").text
}

#[test]
fn the_job_alone_is_the_workload_document_as_written() {
    let text = example("pi");
    let job = export::workload_yaml(text).expect("a workload");
    assert!(job.starts_with("# The documentation's first Job"), "{job}");
    assert!(!job.contains("Scenario") && !job.contains("---"));
    let file = ScenarioFile::parse(&job).expect("kubectl-ready on its own");
    assert!(!file.has_scenario);
    assert!(text.starts_with(job.trim_end()));
    // A Scenario first, a Job second.
    let parts: Vec<&str> = text.split("---\n").collect();
    let flipped = format!("{}---\n{}", parts[1], parts[0]);
    assert_eq!(export::workload_yaml(&flipped).as_deref(), Some(parts[0]));
    // An invalid file still gives its Job document.
    let broken = text.replace("backoffLimit: 4", "backoffLimit: four");
    assert!(ScenarioFile::parse(&broken).is_err());
    assert!(export::workload_yaml(&broken)
        .unwrap()
        .contains("backoffLimit: four"));
    assert_eq!(export::workload_yaml("apiVersion: v1\nkind: Pod\n"), None);
    assert!(export::workload_yaml(example("cronjob-hello"))
        .unwrap()
        .contains("kind: CronJob"));
}

#[test]
fn the_run_json_is_the_clis_bytes() {
    let dir = std::env::temp_dir().join(format!("jobplay-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in [
        "pi",
        "backoff",
        "indexed-job",
        "cronjob-hello",
        "workshop-parallelism",
    ] {
        let path = dir.join(format!("{name}.yaml"));
        std::fs::write(&path, example(name)).unwrap();
        let cli = jobplay::cli::run(&[
            "run".into(),
            path.to_string_lossy().into_owned(),
            "--json".into(),
        ]);
        assert_eq!(cli.code, 0);
        assert_eq!(
            export::run_json(example(name)).unwrap(),
            cli.stdout,
            "{name}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(export::run_json("kind: Job\n").is_err());
}

#[test]
fn file_stems_are_safe() {
    assert_eq!(export::file_stem("pi"), "pi");
    assert_eq!(export::file_stem("../etc/passwd"), "etc-passwd");
    assert_eq!(export::file_stem("<img src=x>"), "img-src-x");
    assert_eq!(export::file_stem("잡"), "scenario");
}

#[test]
fn the_timeline_svg_draws_every_bar_and_escapes_every_label() {
    let mut p = Playback::new(example("backoff-limit")).unwrap();
    p.jump_to_end();
    while p.tick(0.0, 1.0, &mut || true) && !p.is_over() {}
    let (rows, more, span) = driver::timeline_rows(&p);
    let bars: usize = rows.iter().map(|r| r.bars.len()).sum();
    assert_eq!(bars, 3, "three pods, three bars");
    let hostile = "job/<img src=x onerror=alert(1)> & \"q\"";
    for dark in [false, true] {
        let svg = export::timeline_svg(&TimelineSvg {
            rows: &rows,
            more,
            span_ms: span,
            now_ms: p.now_ms(),
            title: hostile,
            caption: "t = 19s",
            more_text: "",
            restart_text: "container restarted in place at {0}",
            dark,
        });
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>\n"));
        assert_eq!(svg.matches("<g>").count(), bars);
        assert!(!svg.contains("<img"), "labels are escaped");
        assert!(svg.contains("job/&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;"));
        assert!(svg.contains(if dark { "#171b21" } else { "#ffffff" }));
        // The failed pods in the failed colour of the theme.
        assert!(svg.contains(if dark { "#ff7b72" } else { "#c4162a" }));
    }
    assert_eq!(export::xml_escape("a\u{0}b<"), "ab&lt;");
}

/// restartPolicy OnFailure: the container of the one pod fails once (at 6 s, the
/// example's Scenario) and restarts in place; its bar carries one notch there, and
/// the SVG draws it with its title.
#[test]
fn a_container_restarted_in_place_is_a_notch_on_its_bar() {
    let mut p = Playback::new(example("oneshot")).unwrap();
    p.jump_to_end();
    while p.tick(0.0, 1.0, &mut || true) && !p.is_over() {}
    let (rows, more, span) = driver::timeline_rows(&p);
    let bars: Vec<_> = rows.iter().flat_map(|r| r.bars.iter()).collect();
    assert_eq!(bars.len(), 1, "one pod");
    let b = bars[0];
    assert_eq!(b.restarts_ms.len(), 1, "one restart");
    let r = b.restarts_ms[0];
    let started = b.run_ms.expect("it ran");
    assert_eq!(
        r,
        started + 6_000,
        "the container failed 6 s after it started"
    );
    assert!(r < b.end_ms);
    let svg = export::timeline_svg(&TimelineSvg {
        rows: &rows,
        more,
        span_ms: span,
        now_ms: p.now_ms(),
        title: "job/oneshot",
        caption: "",
        more_text: "",
        restart_text: "restarted at {0}",
        dark: false,
    });
    assert_eq!(svg.matches("<title>restarted at ").count(), 1);
    assert!(svg.contains(&format!("<title>restarted at {}</title>", driver::clock(r))));
    // A pod that never restarts has none.
    let mut p = Playback::new(example("pi")).unwrap();
    p.jump_to_end();
    while p.tick(0.0, 1.0, &mut || true) && !p.is_over() {}
    let (rows, _, _) = driver::timeline_rows(&p);
    assert!(rows
        .iter()
        .flat_map(|r| r.bars.iter())
        .all(|b| b.restarts_ms.is_empty()));
}

#[test]
fn playing_pauses_at_a_walkthrough_stop() {
    let mut p = Playback::new(example("workshop-backoff-limit")).unwrap();
    assert_eq!(p.steps().len(), 4);
    p.set_stop(Some(6_000));
    p.play();
    for _ in 0..10_000 {
        p.tick(50.0, 10.0, &mut || true);
        if !p.playing {
            break;
        }
    }
    assert!(!p.playing);
    assert_eq!(p.now_ms(), 6_000, "paused exactly at the stop");
    assert_eq!(p.take_stop(), Some(6_000));
    assert_eq!(p.take_stop(), None);
    // Resuming goes on past it.
    p.play();
    p.tick(1_000.0, 10.0, &mut || true);
    assert!(p.now_ms() > 6_000);
    // A stop behind the clock is ignored.
    p.set_stop(Some(1_000));
    p.tick(100.0, 10.0, &mut || true);
    assert!(p.playing);
    assert_eq!(p.take_stop(), None);
}

#[test]
fn the_walkthrough_verdicts_come_with_the_run() {
    let verdicts = |text: &str| {
        let mut p = Playback::new(text).unwrap();
        assert!(p.verdicts().is_none(), "not before the run is known");
        for _ in 0..1000 {
            p.tick(0.0, 1.0, &mut || true);
            if p.end_ms().is_some() {
                break;
            }
        }
        p.verdicts().expect("known with the end")
    };
    let text = example("workshop-backoff-limit");
    let v = verdicts(text);
    assert_eq!(v.len(), 4);
    assert!(v[0].is_empty() && v[3].is_empty());
    assert!(!v[2][0].passed && !v[2][1].passed);
    let fixed = verdicts(&text.replace("backoffLimit: 1", "backoffLimit: 3"));
    assert!(fixed[2].iter().all(|x| x.passed));
    // No checks, no verdicts.
    let mut p = Playback::new(example("pi")).unwrap();
    p.jump_to_end();
    for _ in 0..100 {
        p.tick(0.0, 1.0, &mut || true);
    }
    assert!(p.end_ms().is_some() && p.verdicts().is_none());
}
