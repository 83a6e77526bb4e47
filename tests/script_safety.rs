//! No user text reaches the DOM as HTML: the page's sources (Rust components and
//! hooks, the JavaScript in www/, index.html) use none of the APIs that parse a
//! string as HTML or run it as code. Yew renders text nodes; www/ sets
//! `textContent`. tests/e2e/robust.mjs checks the same in Chromium with payloads.

use std::path::{Path, PathBuf};

/// APIs that turn a string into markup or code.
const FORBIDDEN: &[&str] = &[
    "inner_html",
    "innerHTML",
    "outer_html",
    "outerHTML",
    "insertAdjacentHTML",
    "insert_adjacent_html",
    "document.write",
    "from_html_unchecked",
    "createContextualFragment",
    "DOMParser",
    "eval(",
    "new Function",
    "srcdoc",
    "javascript:",
    "setHTMLUnsafe",
];

fn files(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, exts, out);
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| exts.contains(&x))
        {
            out.push(p);
        }
    }
}

#[test]
fn the_page_never_parses_text_as_html_or_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    files(&root.join("src/ui"), &["rs"], &mut all);
    files(&root.join("www"), &["js", "mjs", "html"], &mut all);
    all.push(root.join("index.html"));
    assert!(all.len() > 20, "found the page's sources: {all:?}");
    let mut found = Vec::new();
    for f in &all {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            for bad in FORBIDDEN {
                if line.contains(bad) {
                    found.push(format!("{}:{}: {bad}: {}", f.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "HTML or code from strings:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_checker_finds_what_it_looks_for() {
    // The scan is only worth something if the patterns match the way the APIs are written.
    let samples = [
        "el.innerHTML = text;",
        "node.set_inner_html(&s);",
        "Html::from_html_unchecked(s.into())",
        "div.insertAdjacentHTML('beforeend', x)",
    ];
    for s in samples {
        assert!(FORBIDDEN.iter().any(|b| s.contains(b)), "{s}");
    }
}
