//! Property tests of the share-link decoder (`link`): any fragment parses without
//! panicking, what a link encodes decodes back to the same text, and any `yaml=`
//! value either decodes or gives a message. The fuzz target `link_decode` does the
//! same with libFuzzer for longer (see README).

use jobplay::link::{self, LinkState};
use proptest::prelude::*;

/// Fragments made of the characters links are made of, and some that they are not.
fn fragment() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "v", "yaml", "example", "speed", "t", "view", "embed", "autoplay", "theme", "k8s", "lang",
        "", "x",
    ]);
    let value = "[A-Za-z0-9_\\-%=+.~#&é€😀<>\"' ]{0,40}";
    prop::collection::vec((key, value), 0..8).prop_map(|pairs| {
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn any_fragment_parses_and_prints_back_stably(f in fragment(), junk in "\\PC{0,80}") {
        for text in [f.clone(), format!("#{f}"), junk.clone(), format!("{f}&{junk}")] {
            let st = LinkState::parse(&text);
            // Printing and parsing again is stable after one round.
            let once = st.to_fragment();
            let again = LinkState::parse(&once).to_fragment();
            prop_assert_eq!(&once, &again);
            prop_assert!(once.starts_with("v="));
            if let Some(y) = &st.yaml {
                if let Err(e) = link::decode_yaml(y) {
                    prop_assert!(!e.is_empty());
                }
            }
        }
    }

    #[test]
    fn a_link_gives_back_its_text(text in "\\PC{0,400}", base in "https://[a-z]{1,10}\\.example/[a-z/]{0,12}") {
        let url = link::link_for(&base, &text);
        let (_, frag) = url.split_once('#').expect("a fragment");
        let st = LinkState::parse(frag);
        prop_assert_eq!(st.version.as_deref(), Some("1"));
        let y = st.yaml.expect("yaml=");
        prop_assert_eq!(link::decode_yaml(&y).expect("decodes"), text);
    }

    #[test]
    fn base64url_round_trips_and_rejects_with_a_message(bytes in prop::collection::vec(any::<u8>(), 0..300), s in "[A-Za-z0-9_\\-=+/ ]{0,64}") {
        prop_assert_eq!(link::b64url_decode(&link::b64url_encode(&bytes)).expect("decodes"), bytes);
        if let Err(e) = link::b64url_decode(&s) {
            prop_assert!(!e.is_empty());
        }
    }

    #[test]
    fn corrupt_compressed_data_is_refused_with_a_message(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        match link::decode_yaml(&link::b64url_encode(&bytes)) {
            Ok(text) => prop_assert!(text.len() <= link::MAX_TEXT_BYTES),
            Err(e) => prop_assert!(!e.is_empty()),
        }
    }
}

#[test]
fn a_deflate_bomb_is_cut_at_the_request_limit() {
    // 64 MiB of spaces compress to about 64 KiB: more than the 3 MiB a link may carry.
    let big = " ".repeat(64 << 20);
    let value = link::encode_yaml(&big);
    assert!(value.len() < 200_000);
    let e = link::decode_yaml(&value).expect_err("refused");
    assert_eq!(
        e,
        "Request entity too large: the link's text is over the limit of 3145728 bytes"
    );
}
