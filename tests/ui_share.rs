//! The page's share links and messages in plain Rust (`src/ui/share.rs`,
//! `src/ui/messages.rs`): the fragment the page writes, the embed's "Open in
//! playground" link, and what the page says about links, saved work, files and
//! walk-through checks, in English and Korean.

use jobplay::link::{self, LinkProblem, LinkState};
use jobplay::scenario::walkthrough::{Op, Verdict};
use jobplay::ui::driver::Tab;
use jobplay::ui::i18n::Lang;
use jobplay::ui::messages::{self, FileError};
use jobplay::ui::share::{self, Params};
use jobplay::ui::workspace::Note;

const TEXT: &str = include_str!("../examples/pi.yaml");

fn deflated(text: &str) -> Vec<u8> {
    link::b64url_decode(&link::encode_yaml(text)).unwrap()
}

#[test]
fn the_pages_fragment_holds_the_text_and_what_differs_from_the_defaults() {
    let plain = share::fragment(
        &deflated(TEXT),
        &Params {
            speed: 1.0,
            tab: Some(Tab::Timeline),
            ..Default::default()
        },
    );
    assert!(plain.starts_with("v=1&yaml="));
    assert!(!plain.contains("speed") && !plain.contains("view") && !plain.contains("t="));
    let o = link::open(&plain).unwrap();
    assert_eq!(o.text.as_deref(), Some(TEXT));
    let full = share::fragment(
        &deflated(TEXT),
        &Params {
            speed: 30.0,
            tab: Some(Tab::Events),
            t_ms: Some(12_500),
            kept: share::kept(&LinkState::parse(
                "v=1&embed=1&autoplay=1&theme=dark&lang=ko&k8s=1.34",
            )),
        },
    );
    let st = link::open(&full).unwrap().state;
    assert_eq!(
        (st.speed, st.t, st.view.as_deref()),
        (Some(30.0), Some(12.5), Some("events"))
    );
    assert!(st.embed && st.autoplay);
    assert_eq!(
        (st.theme.as_deref(), st.lang.as_deref(), st.k8s.as_deref()),
        (Some("dark"), Some("ko"), Some("1.34"))
    );
    // Unreadable presentation values are not carried on.
    let k = share::kept(&LinkState::parse("v=1&theme=%3Cscript%3E&lang=xx"));
    assert_eq!((k.theme, k.lang), (None, None));
}

#[test]
fn open_in_playground_is_the_same_state_without_embed_and_autoplay() {
    let f = "v=1&example=backoff&embed=1&autoplay=1&theme=dark&speed=10";
    let href = share::open_in_playground("https://docs.example.org/play/", f);
    assert_eq!(
        href,
        "https://docs.example.org/play/#v=1&example=backoff&speed=10&theme=dark"
    );
    let y = format!("v=1&yaml={}&embed=1", link::encode_yaml(TEXT));
    let href = share::open_in_playground("https://h/p/", &y);
    assert_eq!(
        link::open(href.split_once('#').unwrap().1)
            .unwrap()
            .text
            .as_deref(),
        Some(TEXT)
    );
    assert!(share::fits(&"x".repeat(link::MAX_LINK_BYTES)));
    assert!(!share::fits(&"x".repeat(link::MAX_LINK_BYTES + 1)));
}

#[test]
fn every_link_problem_is_told_in_both_languages() {
    let problems = [
        LinkProblem::NotOurs,
        LinkProblem::Version("9".into()),
        LinkProblem::NoScenario,
        LinkProblem::UnknownExample("nope".into()),
        LinkProblem::Empty,
        LinkProblem::NotBase64 { position: 7 },
        LinkProblem::Truncated,
        LinkProblem::Corrupt,
        LinkProblem::TooLarge,
        LinkProblem::NotUtf8 { offset: 3 },
    ];
    for p in &problems {
        for l in [Lang::En, Lang::Ko] {
            let s = messages::link_problem(l, p, "section-2");
            assert!(s.len() > 10, "{p:?} {l:?}");
        }
    }
    assert!(
        messages::link_problem(Lang::En, &LinkProblem::NotBase64 { position: 7 }, "")
            .contains("character 7")
    );
    assert!(
        messages::link_problem(Lang::Ko, &LinkProblem::UnknownExample("nope".into()), "")
            .contains("nope")
    );
    // A foreign fragment is quoted, shortened.
    let long = "x".repeat(500);
    let s = messages::link_problem(Lang::En, &LinkProblem::NotOurs, &long);
    assert!(s.contains('…') && s.len() < 200);
}

#[test]
fn an_opened_link_says_what_it_is() {
    let whole = link::open(&format!("v=1&yaml={}&speed=fast", link::encode_yaml(TEXT))).unwrap();
    let m = messages::link_opened(Lang::En, &whole, "", false, false);
    assert_eq!(m.len(), 2);
    assert!(!m[0].problem && m[0].text.contains("exactly as it was sent"));
    assert!(m[1].problem && m[1].text.contains("Ignored in the link: speed=fast"));
    let invalid = messages::link_opened(Lang::En, &whole, "", false, true);
    assert!(invalid.iter().any(|x| x.text.contains("YAML has problems")));
    let enc = link::encode_yaml(TEXT);
    let cut = link::open(&format!("v=1&yaml={}", &enc[..enc.len() / 2])).unwrap();
    let m = messages::link_opened(Lang::En, &cut, "", false, true);
    assert_eq!(
        m.len(),
        1,
        "a recovered text is not also called as sent: {m:?}"
    );
    assert!(
        m[0].problem && m[0].text.contains("cut short") && m[0].text.contains("recovered draft")
    );
    let foreign = link::open("section-2").unwrap();
    let m = messages::link_opened(Lang::Ko, &foreign, "section-2", false, false);
    assert!(m[0].text.contains("#section-2") && m[0].text.contains("내 작업"));
    let ex = link::open("v=1&example=backoff").unwrap();
    let m = messages::link_opened(Lang::En, &ex, "", false, false);
    assert!(m[0].text.contains("Exponential backoff"), "{m:?}");
    let m = messages::link_opened(Lang::En, &foreign, "", true, false);
    assert!(m[0].text.contains("DecompressionStream"));
}

#[test]
fn notes_and_file_errors() {
    assert!(
        messages::note(Lang::En, &Note::Rescued("Earlier draft".into()))
            .text
            .contains("“Earlier draft”")
    );
    assert!(messages::note(Lang::Ko, &Note::Full).problem);
    assert!(!messages::note(Lang::En, &Note::Rescued("x".into())).problem);
    assert!(messages::note(Lang::En, &Note::IndexRebuilt(2))
        .text
        .contains("2 saved texts"));
    let f = messages::file_error(Lang::En, "<img src=x>.png", &FileError::NotUtf8);
    assert_eq!(
        f.text,
        "“<img src=x>.png” is not UTF-8 text: a YAML file is expected."
    );
    assert!(
        messages::file_error(Lang::Ko, "a.yaml", &FileError::TooLarge)
            .text
            .contains("3MiB")
    );
}

#[test]
fn verdicts_read_as_checks() {
    let v = |op, found| Verdict {
        passed: false,
        path: "job.spec.backoffLimit".into(),
        op,
        found,
    };
    assert_eq!(
        messages::verdict(Lang::En, &v(Op::AtLeast(2.0), Some(serde_json::json!(1)))),
        "job.spec.backoffLimit ≥ 2 (found 1)"
    );
    assert_eq!(
        messages::verdict(Lang::Ko, &v(Op::AtMost(2.5), None)),
        "job.spec.backoffLimit ≤ 2.5 (값 없음)"
    );
    assert_eq!(
        messages::verdict(
            Lang::En,
            &v(
                Op::Equals(serde_json::json!("x")),
                Some(serde_json::json!("y"))
            )
        ),
        "job.spec.backoffLimit = \"x\" (found \"y\")"
    );
    let outcome = Verdict {
        passed: true,
        path: "job.status.conditions[type=Complete].status".into(),
        op: Op::Equals(serde_json::json!("True")),
        found: Some(serde_json::json!("True")),
    };
    assert_eq!(
        messages::verdict(Lang::En, &outcome),
        "the Job ends Complete (found \"True\")"
    );
    assert!(messages::verdict(Lang::En, &v(Op::Exists(false), None)).contains("does not exist"));
}
