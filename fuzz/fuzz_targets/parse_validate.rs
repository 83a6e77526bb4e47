//! Any text through YAML decoding, defaulting and validation, as the CLI and the
//! page's editor see it: never a panic, and every refusal carries a message.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(e) = jobplay::scenario::ScenarioFile::parse(text) {
            assert!(!e.message.is_empty());
            let _ = jobplay::cli::render_input_error("fuzz.yaml", &e);
        }
        // The editor's path: problems with lines and the diagnostics it draws.
        let v = jobplay::ui::driver::validate(text);
        assert_eq!(v.is_valid(), v.summary.is_none());
        let _ = v.diagnostics_json();
    }
});
