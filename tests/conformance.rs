//! Runs every conformance case — the shared ones (../shared/conformance) and the
//! project's own (tests/conformance/**) — through `jobplay run CASE --json` with
//! the shared checker, `check.py`. Needs python3 with PyYAML (`make setup` installs it).

use std::path::{Path, PathBuf};
use std::process::Command;

fn case_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![
        root.join("../shared/conformance"),
        root.join("../shared/conformance/policies"),
    ];
    let own = root.join("tests/conformance");
    if let Ok(entries) = std::fs::read_dir(&own) {
        let mut sub: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        #[allow(clippy::disallowed_methods)] // native test code: the standard sort is fine
        sub.sort();
        dirs.extend(sub);
    }
    dirs
}

#[test]
fn every_conformance_case_passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let checker = root.join("../shared/conformance/check.py");
    assert!(
        checker.exists(),
        "the shared conformance checker is missing at {}",
        checker.display()
    );
    let mut failures = Vec::new();
    for dir in case_dirs() {
        let out = Command::new("python3")
            .arg(&checker)
            .arg("--jobplay")
            .arg(env!("CARGO_BIN_EXE_jobplay"))
            .arg(&dir)
            .output()
            .expect("python3 runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("needs PyYAML"),
            "install PyYAML: pip install pyyaml ({stderr})"
        );
        println!("{}:\n{stdout}", dir.display());
        if !out.status.success() {
            failures.push(format!("{}:\n{stdout}{stderr}", dir.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "conformance failures:\n{}",
        failures.join("\n")
    );
}
