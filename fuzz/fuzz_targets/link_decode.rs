//! Any share-link fragment through the decoder: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let st = jobplay::link::LinkState::parse(text);
        if let Some(y) = &st.yaml {
            if let Ok(yaml) = jobplay::link::decode_yaml(y) {
                let _ = jobplay::scenario::ScenarioFile::parse(&yaml);
            }
        }
        let _ = jobplay::link::b64url_decode(text);
        let _ = st.to_fragment();
    }
});
