//! The share-link codec (`src/link.rs`): property tests of the round trip (any
//! text and any parameters through a link and back, exactly), of cut-short and
//! damaged links (never a panic; what is recovered is the start of the text),
//! and links made by Python's zlib and base64 as the scenario format describes
//! (a committed fixture, and the same script run again when python3 is here).

use jobplay::link::{self, Inflated, LinkProblem, LinkState};
use proptest::prelude::*;

fn params() -> impl Strategy<Value = LinkState> {
    (
        proptest::option::of(prop_oneof![
            Just(0.25),
            Just(1.0),
            Just(10.0),
            0.01f64..5000.0
        ]),
        proptest::option::of(prop_oneof![Just(0.0), Just(12.0), 0.0f64..1e7]),
        proptest::option::of(prop_oneof![Just("timeline"), Just("events"), Just("logs")]),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(prop_oneof![Just("light"), Just("dark")]),
        proptest::option::of(prop_oneof![Just("en"), Just("ko")]),
        proptest::option::of("[0-9]\\.[0-9]{1,2}"),
    )
        .prop_map(
            |(speed, t, view, embed, autoplay, theme, lang, k8s)| LinkState {
                speed,
                t,
                view: view.map(String::from),
                embed,
                autoplay,
                theme: theme.map(String::from),
                lang: lang.map(String::from),
                k8s,
                ..Default::default()
            },
        )
}

/// YAML-ish text: scenario lines, any Unicode, and long runs that compress well.
fn texts() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,400}",
        proptest::collection::vec(
            prop_oneof![
                Just("apiVersion: batch/v1\n".to_string()),
                Just("  backoffLimit: 4\n".to_string()),
                Just("# 한국어 주석 🚀\n".to_string()),
                "[ -~]{0,80}\n",
            ],
            0..200
        )
        .prop_map(|v| v.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_and_parameters_round_trip(text in texts(), p in params()) {
        let st = LinkState { yaml: Some(link::encode_yaml(&text)), ..p.clone() };
        let fragment = st.to_fragment();
        prop_assert!(fragment.starts_with("v=1&yaml="));
        let opened = link::open(&format!("#{fragment}")).expect("a link");
        // An empty text is a link that holds no scenario, said as such.
        let expected = text.is_empty().then_some(link::LinkProblem::Empty);
        prop_assert_eq!(opened.problem, expected);
        prop_assert_eq!(opened.text.as_deref().unwrap_or(""), text.as_str());
        let back = opened.state;
        prop_assert_eq!(back.speed, p.speed);
        prop_assert_eq!(back.t, p.t);
        prop_assert_eq!(back.view, p.view);
        prop_assert_eq!(back.embed, p.embed);
        prop_assert_eq!(back.autoplay, p.autoplay);
        prop_assert_eq!(back.theme, p.theme);
        prop_assert_eq!(back.lang, p.lang);
        prop_assert_eq!(back.k8s, p.k8s);
        prop_assert!(back.ignored.is_empty());
    }

    #[test]
    fn a_cut_short_link_recovers_a_prefix_of_its_text(text in texts(), cut in 0.0f64..1.0) {
        let fragment = format!("v=1&yaml={}", link::encode_yaml(&text));
        let at = 9 + ((fragment.len() - 9) as f64 * cut) as usize;
        let opened = link::open(&fragment[..at]).expect("a link");
        let got = opened.text.clone().unwrap_or_default();
        prop_assert!(text.starts_with(&got), "{:?} is not a prefix", got);
        if at < fragment.len() && got.len() < text.len() {
            prop_assert!(opened.problem.is_some());
        }
    }

    #[test]
    fn a_damaged_link_never_panics_and_keeps_a_prefix(text in texts(), pos in 0.0f64..1.0, c in prop_oneof![Just('*'), Just('A'), Just('_'), Just('%'), Just(' ')]) {
        let enc = link::encode_yaml(&text);
        let mut chars: Vec<char> = enc.chars().collect();
        if !chars.is_empty() {
            let i = ((chars.len() - 1) as f64 * pos) as usize;
            chars[i] = c;
        }
        let damaged: String = chars.into_iter().collect();
        let opened = link::open(&format!("v=1&yaml={damaged}")).expect("a link");
        // `%` may start a percent escape (a link can be percent-encoded), which then
        // reads as another character; `*` is never base64url.
        if c == '*' {
            // Not base64url: the data before it is read, and the text is a prefix.
            prop_assert!(text.starts_with(opened.text.as_deref().unwrap_or("")));
        }
        if opened.problem.is_none() {
            prop_assert!(opened.text.is_some() || text.is_empty());
        }
    }

    #[test]
    fn any_fragment_opens_without_panicking(f in "\\PC{0,300}") {
        let _ = link::open(&f);
        let _ = LinkState::parse(&f).to_fragment();
    }
}

fn check_python_line(line: &str) {
    let cols: Vec<&str> = line.splitn(4, '\t').collect();
    assert_eq!(cols.len(), 4, "{line:.80}");
    let text: String = serde_json::from_str(cols[2]).expect("a JSON string");
    let opened = link::open(cols[3]).expect("a link");
    assert_eq!(
        opened.problem, None,
        "{} at zlib level {}",
        cols[0], cols[1]
    );
    assert_eq!(
        opened.text.as_deref(),
        Some(text.as_str()),
        "{} level {}",
        cols[0],
        cols[1]
    );
}

#[test]
fn links_made_by_python_open_exactly() {
    let fixture = include_str!("fixtures/links/python-links.tsv");
    let lines: Vec<&str> = fixture.lines().collect();
    assert_eq!(lines.len(), 9);
    for line in &lines {
        check_python_line(line);
    }
    // The committed texts are scenario files the page can run.
    for line in lines.iter().step_by(3) {
        let text: String = serde_json::from_str(line.split('\t').nth(2).unwrap()).unwrap();
        jobplay::scenario::ScenarioFile::parse(&text).expect("a valid scenario");
    }
}

#[test]
fn links_made_by_python_now_open_exactly() {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/links/make_python_links.py"
    );
    let examples: Vec<String> = ["pi", "indexed-job", "cronjob-hello"]
        .iter()
        .map(|n| format!("{}/examples/{n}.yaml", env!("CARGO_MANIFEST_DIR")))
        .collect();
    let out = match std::process::Command::new("python3")
        .arg(script)
        .args(&examples)
        .output()
    {
        Ok(o) if o.status.success() => o,
        // The committed fixture (the test above) covers machines without Python.
        _ => {
            eprintln!("python3 is not available: only the committed links were checked");
            return;
        }
    };
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(stdout.lines().count(), 9);
    for line in stdout.lines() {
        check_python_line(line);
    }
    // And the committed fixture is what the script prints today.
    let again = std::process::Command::new("python3")
        .arg(script)
        .output()
        .expect("python3");
    assert_eq!(
        String::from_utf8_lossy(&again.stdout),
        include_str!("fixtures/links/python-links.tsv"),
        "regenerate tests/fixtures/links/python-links.tsv with the script"
    );
}

#[test]
fn the_cli_prints_a_link_that_opens_to_the_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/backoff.yaml");
    let out = jobplay::cli::run(&[
        "link".into(),
        path.into(),
        "--base".into(),
        "https://docs.example.org/play/".into(),
        "--embed".into(),
        "--speed".into(),
        "10".into(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let url = out.stdout.trim();
    let (base, fragment) = url.split_once('#').expect("a fragment");
    assert_eq!(base, "https://docs.example.org/play/");
    let opened = link::open(fragment).expect("a link");
    assert_eq!(
        opened.text.as_deref(),
        Some(include_str!("../examples/backoff.yaml"))
    );
    assert!(opened.state.embed);
    assert_eq!(opened.state.speed, Some(10.0));
    assert!(out.stderr.is_empty());
    let bad = jobplay::cli::run(&["link".into(), path.into(), "--view".into(), "nope".into()]);
    assert_eq!(bad.code, 64);
}

#[test]
fn the_cli_warns_about_links_over_the_limit() {
    let dir = std::env::temp_dir().join(format!("jobplay-link-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.yaml");
    // Text that does not compress: a long comment of pseudo-random letters.
    let mut x = 12345u64;
    let mut noise = String::from("# ");
    for _ in 0..12_000 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        noise.push((b'a' + (x >> 33) as u8 % 26) as char);
    }
    let text = format!("{noise}\n{}", include_str!("../examples/pi.yaml"));
    std::fs::write(&path, &text).unwrap();
    let out = jobplay::cli::run(&["link".into(), path.to_string_lossy().into_owned()]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.len() > link::MAX_LINK_BYTES);
    assert!(out.stderr.contains("over the 8000"), "{}", out.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn how_inflating_ended_reads_the_glue_words() {
    assert_eq!(Inflated::from_key("done"), Inflated::Done);
    assert_eq!(Inflated::from_key("truncated"), Inflated::Truncated);
    assert_eq!(Inflated::from_key("toolarge"), Inflated::TooLarge);
    assert_eq!(Inflated::from_key("anything"), Inflated::Corrupt);
    assert_eq!(
        link::open("v=1&example=pi&speed=x").unwrap().state.ignored,
        vec!["speed=x"]
    );
    assert_eq!(
        link::open("v=1").unwrap().problem,
        Some(LinkProblem::NoScenario)
    );
}
