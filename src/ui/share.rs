//! The page's share links, in plain Rust: the fragment for the page's state (the
//! text's compressed bytes come from the browser), the "Open in playground" link
//! of an embed, and whether a link is short enough to offer. Tested natively.

use super::driver::Tab;
use crate::link::{b64url_encode, LinkState, MAX_LINK_BYTES};

/// What a fragment holds besides the text: the page's speed and view, the
/// clock for a share link (`t`), and the presentation the page was opened with
/// (`embed`, `autoplay`, `theme`, `lang`, `k8s`, kept from the opening link).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params {
    pub speed: f64,
    pub tab: Option<Tab>,
    pub t_ms: Option<u64>,
    pub kept: LinkState,
}

/// The fragment (without `#`) for the text's raw DEFLATE bytes.
pub fn fragment(deflated: &[u8], p: &Params) -> String {
    let st = LinkState {
        yaml: Some(b64url_encode(deflated)),
        speed: (p.speed != 1.0 && p.speed.is_finite() && p.speed > 0.0).then_some(p.speed),
        t: p.t_ms.filter(|t| *t > 0).map(|t| t as f64 / 1000.0),
        view: p
            .tab
            .filter(|t| *t != Tab::Timeline)
            .map(|t| t.key().to_string()),
        embed: p.kept.embed,
        autoplay: p.kept.autoplay,
        theme: p.kept.theme.clone(),
        lang: p.kept.lang.clone(),
        k8s: p.kept.k8s.clone(),
        ..Default::default()
    };
    st.to_fragment()
}

/// The presentation parameters of an opened link worth keeping in the page's own
/// fragment (so that reloading an embed keeps it embedded and themed).
pub fn kept(st: &LinkState) -> LinkState {
    LinkState {
        embed: st.embed,
        autoplay: st.autoplay,
        theme: st.theme.clone().filter(|t| t == "light" || t == "dark"),
        lang: st.lang.clone().filter(|l| l == "en" || l == "ko"),
        k8s: st.k8s.clone(),
        ..Default::default()
    }
}

/// The full page's link for an embed's fragment: the same state without
/// `embed` and `autoplay` (the person opens it to work with it).
pub fn open_in_playground(base: &str, fragment: &str) -> String {
    let mut st = LinkState::parse(fragment);
    st.embed = false;
    st.autoplay = false;
    st.ignored.clear();
    format!("{base}#{}", st.to_fragment())
}

/// Whether a link is short enough to offer for copying.
pub fn fits(link: &str) -> bool {
    link.len() <= MAX_LINK_BYTES
}
