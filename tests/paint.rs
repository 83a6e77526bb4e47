//! The first paint's rule (`src/ui/paint.rs`): the cases of `tests/paint-cases.json`,
//! which index.html's inline script answers alike in Chromium (`tests/e2e/paint.mjs`);
//! that whenever the rule shows the prerendered view, the page really opens the
//! default example with nothing else on screen (random storage states); and that
//! index.html's own strings are i18n's.

use std::collections::BTreeMap;

use proptest::prelude::*;

use jobplay::gallery;
use jobplay::ui::i18n::{self, Lang};
use jobplay::ui::paint::{first_paint, initial_lang, Paint, LANG_KEY, THEME_KEY};
use jobplay::ui::workspace::{
    MemoryStore, Names, Source, Store, Workspace, CURRENT_KEY, DEFAULT_EXAMPLE, DRAFT_KEY,
    INDEX_KEY, SCENARIO_PREFIX, TAB_KEY,
};

fn store(v: Option<&serde_json::Value>) -> MemoryStore {
    let map: BTreeMap<String, String> = v
        .and_then(|v| v.as_object())
        .map(|o| {
            o.iter()
                .map(|(k, v)| (k.clone(), v.as_str().expect("string values").to_string()))
                .collect()
        })
        .unwrap_or_default();
    MemoryStore {
        map,
        ..Default::default()
    }
}

#[test]
fn the_shared_cases() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/paint-cases.json");
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("tests/paint-cases.json"))
            .expect("JSON");
    let cases = file["cases"].as_array().expect("cases");
    assert!(cases.len() >= 20);
    for c in cases {
        let name = c["name"].as_str().expect("name");
        let local = store(c.get("local"));
        let session = store(c.get("session"));
        let fragment = c.get("fragment").and_then(|f| f.as_str()).unwrap_or("");
        let navigator = c
            .get("navigator")
            .and_then(|n| n.as_str())
            .unwrap_or("en-US");
        let got = first_paint(&local, &session, fragment, Some(navigator));
        assert_eq!(got.code(), c["expect"].as_str().expect("expect"), "{name}");
        // The fragment as Rust's glue reads it (without its '#') gives the same.
        let bare = fragment.strip_prefix('#').unwrap_or(fragment);
        assert_eq!(
            first_paint(&local, &session, bare, Some(navigator)),
            got,
            "{name}"
        );
    }
}

#[test]
fn the_language_is_the_saved_choice_else_the_browsers() {
    assert_eq!(initial_lang(None, None), Lang::En);
    assert_eq!(initial_lang(None, Some("ko-KR")), Lang::Ko);
    assert_eq!(initial_lang(Some("en"), Some("ko-KR")), Lang::En);
    assert_eq!(initial_lang(Some("ko"), Some("en-US")), Lang::Ko);
}

/// What a page load without a fragment shows (as `PageState::boot` asks the workspace).
fn page_opens(local: &MemoryStore, session: &MemoryStore) -> (Workspace, String, usize) {
    let mut local = local.clone();
    let (mut ws, notes) = Workspace::load(&mut local, false, "Recovered scenario");
    let text = ws.restore(&local, session);
    (ws, text, notes.len())
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(DRAFT_KEY.to_string()),
        Just(INDEX_KEY.to_string()),
        Just(CURRENT_KEY.to_string()),
        Just(TAB_KEY.to_string()),
        Just(LANG_KEY.to_string()),
        Just(THEME_KEY.to_string()),
        Just("jobplay.v1.fragment".to_string()),
        (0u32..4).prop_map(|i| format!("{SCENARIO_PREFIX}{i}")),
        Just("unrelated".to_string()),
    ]
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("example:pi".to_string()),
        Just("example:backoff".to_string()),
        Just("example:nope".to_string()),
        Just("draft".to_string()),
        Just("saved:1".to_string()),
        Just("link\n# a link\n".to_string()),
        Just("recovered\n# part\n".to_string()),
        Just("1\tMine\n".to_string()),
        Just("ko".to_string()),
        Just("# my work\n".to_string()),
        Just(gallery::get(DEFAULT_EXAMPLE).unwrap().text.to_string()),
    ]
}

fn stores() -> impl Strategy<Value = (MemoryStore, MemoryStore)> {
    let area = || {
        proptest::collection::btree_map(key(), value(), 0..5).prop_map(|map| MemoryStore {
            map,
            ..Default::default()
        })
    };
    (area(), area())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Never looser than the page: the prerendered view is shown only when the page
    /// opens the default example, with no saved scenario listed and no message.
    #[test]
    fn the_prerender_is_shown_only_when_the_page_opens_it(
        (local, session) in stores(),
        navigator in prop_oneof![Just("en-US"), Just("ko-KR")],
    ) {
        let paint = first_paint(&local, &session, "", Some(navigator));
        if let Paint::Prerendered(lang) = paint {
            let (ws, text, notes) = page_opens(&local, &session);
            prop_assert_eq!(&ws.source, &Source::Example(DEFAULT_EXAMPLE));
            prop_assert_eq!(text.as_str(), gallery::get(DEFAULT_EXAMPLE).unwrap().text);
            prop_assert!(ws.entries.is_empty());
            prop_assert_eq!(notes, 0);
            prop_assert!(!ws.is_foreign_fragment(&session, ""));
            prop_assert_eq!(lang, initial_lang(local.get(LANG_KEY).as_deref(), Some(navigator)));
        }
        // Any fragment is something else to open.
        prop_assert_eq!(first_paint(&local, &session, "#v=1&example=pi", Some(navigator)), Paint::Loading);
    }
}

/// The rule is no stricter than it must be for a first visit and for a person who
/// only ever looked at pi.
#[test]
fn a_first_visit_and_a_return_to_pi_are_prerendered() {
    let empty = MemoryStore::default();
    assert_eq!(
        first_paint(&empty, &empty, "", None),
        Paint::Prerendered(Lang::En)
    );
    let mut local = MemoryStore::default();
    let mut session = MemoryStore::default();
    let (mut ws, text, _) = page_opens(&local, &session);
    ws.show(
        &mut local,
        &mut session,
        Source::Example(DEFAULT_EXAMPLE),
        &text,
    );
    assert_eq!(
        first_paint(&local, &session, "", Some("ko")),
        Paint::Prerendered(Lang::Ko)
    );
    // Once the person edits, their Draft is what the page opens.
    ws.edited(
        &mut local,
        &mut session,
        "# mine\n",
        Names {
            rescue: "Earlier draft",
            fork: "Draft from a second tab",
        },
    );
    assert_eq!(first_paint(&local, &session, "", None), Paint::Loading);
}

#[test]
fn index_html_holds_i18ns_first_paint_strings() {
    let html = include_str!("../index.html");
    let line = |l: Lang| {
        format!(
            "{}: {{ loading: '{}', starting: '{}' }},",
            l.code(),
            l.t(i18n::PAINT_LOADING),
            l.t(i18n::PAINT_STARTING)
        )
    };
    for l in [Lang::En, Lang::Ko] {
        assert!(html.contains(&line(l)), "index.html lacks {}", line(l));
    }
    // The static loading message (without JavaScript's choice of language).
    assert!(html.contains(&format!(
        "<p class=\"loading\">{}</p>",
        i18n::PAINT_LOADING.en
    )));
    // The marker scripts/prerender.mjs replaces, once, in <head>.
    let marker = "<!-- paint: scripts/prerender.mjs puts the prerendered views here -->";
    assert_eq!(html.matches(marker).count(), 1);
    assert!(html.find(marker) < html.find("</head>"));
}
