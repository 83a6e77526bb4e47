//! Any text through YAML decoding, defaulting and validation: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(e) = jobplay::scenario::ScenarioFile::parse(text) {
            assert!(!e.message.is_empty());
        }
    }
});
