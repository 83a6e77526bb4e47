//! The page's first paint, before the WebAssembly runs.
//!
//! `dist/index.html` carries the page's initial view prerendered at build time
//! (`scripts/prerender.mjs`: the default example at t = 0 exactly as the wasm
//! renders it, once in English and once in Korean, each in a `<template>`). An
//! inline script of `index.html` shows one of them while the wasm downloads, but
//! only when the page will open exactly that view; otherwise it shows the loading
//! message. [`first_paint`] is that rule. `index.html`'s inline script is its copy
//! in JavaScript; `tests/paint-cases.json` holds the cases both must answer alike
//! (`tests/paint.rs` checks this function, natively, and that whenever it says
//! [`Paint::Prerendered`] the workspace really restores the default example with
//! nothing else on screen; `tests/e2e/paint.mjs` checks the inline script in
//! Chromium, and that the live page then matches the prerender node for node).
//!
//! # The rule
//!
//! The prerendered view is shown only when all of these hold:
//!
//! 1. the address has no fragment (`location.hash` is empty): any fragment is a
//!    link, an embed (`embed=1`), a walk-through, or this tab's own address after
//!    an edit, and the page opens that instead;
//! 2. localStorage holds no saved work: none of [`DRAFT_KEY`], [`INDEX_KEY`] or a
//!    key starting with [`SCENARIO_PREFIX`], and [`CURRENT_KEY`] is absent or
//!    `example:pi` (saved scenarios would also change the My scenarios list);
//! 3. sessionStorage's [`TAB_KEY`] is absent or `example:pi`.
//!
//! Storage the browser refuses to give counts as empty: the page then keeps its
//! work in memory, which starts empty too. The rule is stricter than the page
//! (a tab record naming a deleted Draft opens the default example, yet shows the
//! loading message), never looser.
//!
//! The language is [`LANG_KEY`]'s value when it is set, else
//! `navigator.language`, read by [`Lang::from_tag`] (Korean for tags that start
//! with `ko` after leading white space, in either case). The saved theme
//! ([`THEME_KEY`]: `light` or `dark`) is applied to `<html data-theme>` before
//! the first paint, whatever is shown.
//!
//! The first paint's own strings (the loading message, "Starting…") are
//! [`super::i18n::PAINT_LOADING`] and [`super::i18n::PAINT_STARTING`]; index.html's
//! inline script holds a copy, which `tests/paint.rs` checks.

use super::i18n::Lang;
use super::workspace::{
    Store, CURRENT_KEY, DEFAULT_EXAMPLE, DRAFT_KEY, INDEX_KEY, SCENARIO_PREFIX, TAB_KEY,
};

/// localStorage: the language chosen in the header (`en`, `ko`).
pub const LANG_KEY: &str = "jobplay.lang";
/// localStorage: the theme chosen in the header (`system`, `light`, `dark`).
pub const THEME_KEY: &str = "jobplay.theme";

/// What `index.html` shows before the wasm runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paint {
    /// The prerendered default example, in this language.
    Prerendered(Lang),
    /// The loading message: the page will open something else.
    Loading,
}

impl Paint {
    /// As `index.html` writes it on `<html data-paint>`: `en`, `ko` or `loading`.
    pub fn code(self) -> &'static str {
        match self {
            Paint::Prerendered(l) => l.code(),
            Paint::Loading => "loading",
        }
    }
}

/// The language the page starts in: the saved choice, else the browser's.
pub fn initial_lang(saved: Option<&str>, navigator: Option<&str>) -> Lang {
    saved.or(navigator).map_or(Lang::En, Lang::from_tag)
}

/// What the first paint shows, given the browser's storage, the address's
/// fragment (with or without its `#`) and `navigator.language` (see the module
/// documentation).
pub fn first_paint(
    local: &dyn Store,
    session: &dyn Store,
    fragment: &str,
    navigator: Option<&str>,
) -> Paint {
    let default = format!("example:{DEFAULT_EXAMPLE}");
    let absent_or_default = |v: Option<String>| v.is_none_or(|v| v == default);
    let no_fragment = fragment.strip_prefix('#').unwrap_or(fragment).is_empty();
    let no_work = local.get(DRAFT_KEY).is_none()
        && local.get(INDEX_KEY).is_none()
        && !local.keys().iter().any(|k| k.starts_with(SCENARIO_PREFIX))
        && absent_or_default(local.get(CURRENT_KEY))
        && absent_or_default(session.get(TAB_KEY));
    if no_fragment && no_work {
        let saved = local.get(LANG_KEY);
        Paint::Prerendered(initial_lang(saved.as_deref(), navigator))
    } else {
        Paint::Loading
    }
}
