//! Share links (`../shared/docs/scenario-format.md`, "Share links"): the page's
//! state in the URL fragment as `v=1&yaml=<raw DEFLATE, base64url>` or
//! `v=1&example=NAME`, plus optional `k8s`, `speed`, `t`, `view`, `embed`,
//! `autoplay`, `theme` (and `lang`, the page's language).
//!
//! Plain Rust on both targets: the fragment format, base64url, and what a link
//! holds once inflated ([`begin`] and [`finish`]), including a clear
//! [`LinkProblem`] and the text that could be recovered from a corrupt or
//! truncated link. DEFLATE itself is done natively with miniz_oxide ([`open`],
//! [`encode_yaml`], `jobplay link`) and in the page with the browser's
//! `CompressionStream('deflate-raw')` (`www/glue.js`), so the codec adds nothing
//! to the wasm.
//!
//! Opening a link is sans-IO in two steps: [`begin`] parses the fragment and
//! decodes base64url, and says which bytes to inflate; the caller inflates them
//! (as far as they go) and hands the output and how inflating ended to
//! [`finish`], which checks size and UTF-8 and says what went wrong, if anything.

/// The link format version this build writes and reads.
pub const VERSION: &str = "1";

/// Longest link the page offers to copy (the whole URL, in bytes). Chromium opens
/// links of up to 2 MB, but links also pass through chat tools, documentation
/// systems, redirectors and link shorteners, which send the whole URL to a server:
/// Apache's default `LimitRequestLine` is 8190 bytes and nginx's default
/// `large_client_header_buffers` 8 KiB. Over this size the page explains why and
/// offers to download the file instead; `jobplay link` warns.
pub const MAX_LINK_BYTES: usize = 8000;

/// Largest decompressed text a link may carry (the API server's request limit).
pub const MAX_TEXT_BYTES: usize = 3 * 1024 * 1024;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding.
pub fn b64url_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        let chars = [(n >> 18) & 63, (n >> 12) & 63, (n >> 6) & 63, n & 63];
        for c in chars.iter().take(chunk.len() + 1) {
            out.push(ALPHABET[*c as usize] as char);
        }
    }
    out
}

/// Decode base64url as far as it goes: the bytes before the first character that
/// is not base64url, and that character's 1-based position, if any. Padding ends
/// the data; `+` and `/` (plain base64) are accepted, and white space (a link
/// wrapped by a mail program) is skipped.
pub fn b64url_decode_prefix(s: &str) -> (Vec<u8>, Option<usize>) {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for (i, c) in s.bytes().enumerate() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            b'=' => break,
            b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => return (out, Some(i + 1)),
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    (out, None)
}

/// Decode base64url (see [`b64url_decode_prefix`]); an error names the first bad character.
pub fn b64url_decode(s: &str) -> Result<Vec<u8>, String> {
    match b64url_decode_prefix(s) {
        (out, None) => Ok(out),
        (_, Some(i)) => Err(format!(
            "the link's data has a character that is not base64url at position {i}"
        )),
    }
}

/// The parsed fragment of a share link.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkState {
    pub version: Option<String>,
    /// base64url of raw DEFLATE of the YAML (still encoded).
    pub yaml: Option<String>,
    pub example: Option<String>,
    pub speed: Option<f64>,
    pub t: Option<f64>,
    pub view: Option<String>,
    pub embed: bool,
    pub autoplay: bool,
    pub theme: Option<String>,
    pub k8s: Option<String>,
    pub lang: Option<String>,
    /// Parameters whose value could not be read (`speed=fast`), as written; they are ignored.
    pub ignored: Vec<String>,
}

/// Percent-decode; `+` is a space unless `plus_is_space` is false (base64 data).
fn pct_decode(s: &str, plus_is_space: bool) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(if b[i] == b'+' && plus_is_space {
            b' '
        } else {
            b[i]
        });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn pct_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn flag(st: &mut LinkState, key: &str, v: &str) -> bool {
    match v {
        "1" | "true" | "" => true,
        "0" | "false" => false,
        _ => {
            st.ignored.push(format!("{key}={v}"));
            false
        }
    }
}

impl LinkState {
    /// Parse `v=1&yaml=...` (a leading `#` is allowed). Unknown keys are ignored
    /// (a later version may add some); values that cannot be read are listed in
    /// [`LinkState::ignored`].
    pub fn parse(fragment: &str) -> LinkState {
        let f = fragment.strip_prefix('#').unwrap_or(fragment);
        let mut st = LinkState::default();
        for pair in f.split('&').filter(|p| !p.is_empty()) {
            let (k, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let v = pct_decode(raw, k != "yaml");
            let number = |st: &mut LinkState, min_ok: fn(f64) -> bool| {
                let n = v
                    .parse::<f64>()
                    .ok()
                    .filter(|x| x.is_finite() && min_ok(*x));
                if n.is_none() {
                    st.ignored.push(format!("{k}={v}"));
                }
                n
            };
            match k {
                "v" => st.version = Some(v),
                "yaml" => st.yaml = Some(v),
                "example" => st.example = Some(v),
                "speed" => st.speed = number(&mut st, |x| x > 0.0),
                "t" => st.t = number(&mut st, |x| x >= 0.0),
                "view" => st.view = Some(v),
                "embed" => st.embed = flag(&mut st, k, &v),
                "autoplay" => st.autoplay = flag(&mut st, k, &v),
                "theme" => st.theme = Some(v),
                "k8s" => st.k8s = Some(v),
                "lang" => st.lang = Some(v),
                _ => {}
            }
        }
        st
    }

    /// Whether the fragment looks like a playground link at all.
    pub fn is_ours(&self) -> bool {
        self.version.is_some() || self.yaml.is_some() || self.example.is_some()
    }

    /// The fragment, without `#`, with `v=1` first.
    pub fn to_fragment(&self) -> String {
        let mut parts = vec![format!("v={}", self.version.as_deref().unwrap_or(VERSION))];
        if let Some(y) = &self.yaml {
            parts.push(format!("yaml={y}"));
        } else if let Some(e) = &self.example {
            parts.push(format!("example={}", pct_encode(e)));
        }
        if let Some(k) = &self.k8s {
            parts.push(format!("k8s={}", pct_encode(k)));
        }
        if let Some(s) = self.speed {
            parts.push(format!("speed={}", fmt_num(s)));
        }
        if let Some(t) = self.t {
            parts.push(format!("t={}", fmt_num(t)));
        }
        if let Some(v) = &self.view {
            parts.push(format!("view={}", pct_encode(v)));
        }
        if self.embed {
            parts.push("embed=1".into());
        }
        if self.autoplay {
            parts.push("autoplay=1".into());
        }
        if let Some(t) = &self.theme {
            parts.push(format!("theme={}", pct_encode(t)));
        }
        if let Some(l) = &self.lang {
            parts.push(format!("lang={}", pct_encode(l)));
        }
        parts.join("&")
    }
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

// ---------------------------------------------------------------------------
// Opening a link

/// Why a link could not be opened exactly as it was sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// The fragment is not a playground link (no `v=`, `yaml=` or `example=`).
    NotOurs,
    /// `v=` names a format this build does not read (a newer playground made it).
    Version(String),
    /// `v=1` but neither `yaml=` nor `example=`.
    NoScenario,
    /// `example=` names no entry of the gallery.
    UnknownExample(String),
    /// `yaml=` is empty.
    Empty,
    /// `yaml=` has a character that is not base64url at this 1-based position
    /// (the data before it was read).
    NotBase64 { position: usize },
    /// The compressed data ends early: the link was cut short.
    Truncated,
    /// The compressed data is damaged (or is not raw DEFLATE).
    Corrupt,
    /// The text is longer than [`MAX_TEXT_BYTES`]; the start was kept.
    TooLarge,
    /// The text is not UTF-8 from this byte on; the text before it was kept.
    NotUtf8 { offset: usize },
}

/// How inflating the compressed bytes ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inflated {
    /// The whole stream, up to its final block.
    Done,
    /// The input ended before the final block.
    Truncated,
    /// The data is not valid DEFLATE from some point on.
    Corrupt,
    /// The output reached the size limit.
    TooLarge,
}

impl Inflated {
    /// From the words `www/glue.js` reports (`done`, `truncated`, `corrupt`, `toolarge`).
    pub fn from_key(k: &str) -> Inflated {
        match k {
            "done" => Inflated::Done,
            "truncated" => Inflated::Truncated,
            "toolarge" => Inflated::TooLarge,
            _ => Inflated::Corrupt,
        }
    }
}

/// What a link holds, as far as it could be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub state: LinkState,
    /// The scenario's text: the whole text, or (with a `problem`) the part that
    /// could be recovered; `None` when nothing could be.
    pub text: Option<String>,
    /// The gallery entry the link names (`example=`).
    pub example: Option<String>,
    pub problem: Option<LinkProblem>,
}

impl Opened {
    /// The text is the whole scenario as it was sent.
    pub fn is_whole(&self) -> bool {
        self.problem.is_none() && (self.text.is_some() || self.example.is_some())
    }
}

/// The first step of opening a fragment.
#[derive(Clone, Debug, PartialEq)]
pub enum Begin {
    /// An empty fragment: there is no link to open.
    Nothing,
    /// Nothing to inflate: an example, or a problem found before the data.
    Ready(Opened),
    /// Inflate `data` (raw DEFLATE, at most [`MAX_TEXT_BYTES`] of output) and
    /// pass the result to [`finish`] with `pending`.
    Inflate { data: Vec<u8>, pending: Pending },
}

/// What [`begin`] learnt, kept for [`finish`].
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    state: LinkState,
    bad_char: Option<usize>,
}

/// Parse a fragment (with or without `#`) and decode its base64url.
/// `is_example` tells whether a name is in the gallery.
pub fn begin(fragment: &str, is_example: &dyn Fn(&str) -> bool) -> Begin {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    if f.trim().is_empty() {
        return Begin::Nothing;
    }
    let state = LinkState::parse(f);
    let ready = |state: LinkState, example: Option<String>, problem: Option<LinkProblem>| {
        Begin::Ready(Opened {
            state,
            text: None,
            example,
            problem,
        })
    };
    if !state.is_ours() {
        return ready(state, None, Some(LinkProblem::NotOurs));
    }
    if let Some(v) = state.version.as_deref().filter(|v| *v != VERSION) {
        let v = v.to_string();
        return ready(state, None, Some(LinkProblem::Version(v)));
    }
    if let Some(y) = state.yaml.clone() {
        if y.trim().is_empty() {
            return ready(state, None, Some(LinkProblem::Empty));
        }
        let (data, bad_char) = b64url_decode_prefix(&y);
        return Begin::Inflate {
            data,
            pending: Pending { state, bad_char },
        };
    }
    match state.example.clone() {
        Some(e) if is_example(&e) => ready(state, Some(e), None),
        Some(e) => ready(state, None, Some(LinkProblem::UnknownExample(e))),
        None => ready(state, None, Some(LinkProblem::NoScenario)),
    }
}

/// The second step: the inflated bytes (as far as inflating went) and how it ended.
pub fn finish(pending: Pending, mut bytes: Vec<u8>, how: Inflated) -> Opened {
    let mut problem = match how {
        Inflated::Done => None,
        Inflated::Truncated => Some(LinkProblem::Truncated),
        Inflated::Corrupt => Some(LinkProblem::Corrupt),
        Inflated::TooLarge => Some(LinkProblem::TooLarge),
    };
    if bytes.len() > MAX_TEXT_BYTES {
        bytes.truncate(MAX_TEXT_BYTES);
        problem = Some(LinkProblem::TooLarge);
    }
    // A bad character cut the data short: that is the reason to give.
    if let Some(position) = pending.bad_char {
        problem = Some(LinkProblem::NotBase64 { position });
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let err = e.utf8_error();
            let at = err.valid_up_to();
            // A character cut in two at the end of a cut-short text is no news.
            if !(problem.is_some() && err.error_len().is_none()) {
                problem = Some(LinkProblem::NotUtf8 { offset: at });
            }
            let mut b = e.into_bytes();
            b.truncate(at);
            String::from_utf8(b).unwrap_or_default()
        }
    };
    // Data that inflates to nothing (a damaged link can) holds no scenario.
    if text.is_empty() && problem.is_none() {
        problem = Some(LinkProblem::Empty);
    }
    Opened {
        state: pending.state,
        text: (!text.is_empty()).then_some(text),
        example: None,
        problem,
    }
}

/// Compress the YAML text for a link: raw DEFLATE (level 9), base64url.
#[cfg(not(target_arch = "wasm32"))]
pub fn encode_yaml(text: &str) -> String {
    b64url_encode(&miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9))
}

/// Inflate raw DEFLATE natively, as far as it goes: the output up to where the
/// data ends or breaks (miniz_oxide's `decompress_to_vec` returns its whole
/// buffer on an error, so this is its loop, keeping the output position).
#[cfg(not(target_arch = "wasm32"))]
pub fn inflate(data: &[u8]) -> (Vec<u8>, Inflated) {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut out = vec![0u8; data.len().saturating_mul(4).clamp(1024, MAX_TEXT_BYTES)];
    let mut d = Box::<DecompressorOxide>::default();
    let (mut input, mut pos) = (data, 0usize);
    loop {
        let (status, used, written) = decompress(&mut d, input, &mut out, pos, flags);
        pos += written;
        input = input.get(used..).unwrap_or_default();
        let how = match status {
            TINFLStatus::Done => Inflated::Done,
            TINFLStatus::HasMoreOutput if out.len() < MAX_TEXT_BYTES => {
                let len = out.len().saturating_mul(2).min(MAX_TEXT_BYTES);
                out.resize(len, 0);
                continue;
            }
            TINFLStatus::HasMoreOutput => Inflated::TooLarge,
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                Inflated::Truncated
            }
            _ => Inflated::Corrupt,
        };
        out.truncate(pos);
        return (out, how);
    }
}

/// Open a fragment natively (the CLI, tests): [`begin`], [`inflate`], [`finish`].
/// `None` for an empty fragment.
#[cfg(not(target_arch = "wasm32"))]
pub fn open(fragment: &str) -> Option<Opened> {
    match begin(fragment, &|n| crate::gallery::get(n).is_some()) {
        Begin::Nothing => None,
        Begin::Ready(o) => Some(o),
        Begin::Inflate { data, pending } => {
            let (bytes, how) = inflate(&data);
            Some(finish(pending, bytes, how))
        }
    }
}

/// Decode the `yaml=` value of a link: the whole text, or why not.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode_yaml(value: &str) -> Result<String, String> {
    let bytes = b64url_decode(value)?;
    match inflate(&bytes) {
        (raw, Inflated::Done) => {
            String::from_utf8(raw).map_err(|_| "the link's text is not UTF-8".to_string())
        }
        (_, Inflated::TooLarge) => Err(format!(
            "Request entity too large: the link's text is over the limit of {MAX_TEXT_BYTES} bytes"
        )),
        (_, how) => Err(format!(
            "the link's data is not valid DEFLATE data (corrupt or truncated link): {how:?}"
        )),
    }
}

/// A full link for a scenario file's text.
#[cfg(not(target_arch = "wasm32"))]
pub fn link_for(base: &str, text: &str) -> String {
    let st = LinkState {
        yaml: Some(encode_yaml(text)),
        ..Default::default()
    };
    format!("{}#{}", base.trim_end_matches('#'), st.to_fragment())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC_EXAMPLE: &str = "v=1&yaml=RZDPSsRADMbvfYqPenAXttoVTwO-gKh4EC8ibNqmbdjOH2bSXXx7Z2BXc0n4hXxfkht8zIzB96tlp6Ti3W3CKDEpnn1n0HsbVmU8tG2LQSbRBD8iCDbU-VWxb5G2O-jMDpFpKJXFWXTGYfFTOtxVFOSTY8raBh1pP9-f9tVR3GCKR2VZaSAlUwGOLJusXqXAfQHKNiykXGrgSkv0Pi8sLgtfSfM_jkuIpakQjssfyydZKuZfdeH1Dqib104mt9qnLkgGdXNeuOQQxSky3JQHbOvvi0rkpBT13S_S_xi88YljbnXUH_04vogVNXisfgE&speed=10";

    #[test]
    fn base64url_round_trips() {
        for n in 0..50 {
            let data: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(b64url_decode(&b64url_encode(&data)).unwrap(), data);
        }
        assert_eq!(b64url_encode(b"hi?"), "aGk_");
        assert_eq!(b64url_decode("aGk/").unwrap(), b"hi?");
        assert_eq!(b64url_decode("aG\nk_").unwrap(), b"hi?");
        assert_eq!(b64url_decode_prefix("aGk_*x"), (b"hi?".to_vec(), Some(5)));
    }

    #[test]
    fn opens_the_documented_example_as_the_gallery_pi() {
        let st = LinkState::parse(SPEC_EXAMPLE);
        assert_eq!(st.speed, Some(10.0));
        let text = decode_yaml(st.yaml.as_deref().unwrap()).unwrap();
        assert_eq!(
            text,
            include_str!("../www/examples/pi.yaml"),
            "the spec's link holds www/examples/pi.yaml, 351 bytes"
        );
        let o = open(SPEC_EXAMPLE).unwrap();
        assert!(o.is_whole());
        assert_eq!(o.text.as_deref(), Some(text.as_str()));
        assert!(crate::scenario::ScenarioFile::parse(&text).is_ok());
    }

    #[test]
    fn fragments_round_trip() {
        let st = LinkState {
            example: Some("pi".into()),
            speed: Some(2.5),
            embed: true,
            theme: Some("dark".into()),
            ..Default::default()
        };
        let f = st.to_fragment();
        assert_eq!(f, "v=1&example=pi&speed=2.5&embed=1&theme=dark");
        let back = LinkState {
            version: Some("1".into()),
            ..st
        };
        assert_eq!(LinkState::parse(&f), back);
        assert_eq!(LinkState::parse(&format!("#{f}")), back);
    }

    #[test]
    fn unreadable_values_are_listed_and_ignored() {
        let st = LinkState::parse("v=1&example=pi&speed=fast&t=-3&embed=maybe&autoplay=1");
        assert_eq!(st.speed, None);
        assert_eq!(st.t, None);
        assert!(!st.embed && st.autoplay);
        assert_eq!(st.ignored, vec!["speed=fast", "t=-3", "embed=maybe"]);
    }

    #[test]
    fn percent_escapes_next_to_multibyte_text_do_not_panic() {
        // Found by the link_decode fuzzer: `%` followed by a 2-byte character.
        let st = LinkState::parse("v=%+\u{57d}x&theme=%41%zz%");
        assert_eq!(st.version.as_deref(), Some("% \u{57d}x"));
        assert_eq!(st.theme.as_deref(), Some("A%zz%"));
    }

    #[test]
    fn plain_base64_plus_signs_survive_in_yaml() {
        let st = LinkState::parse("v=1&yaml=ab+/");
        assert_eq!(st.yaml.as_deref(), Some("ab+/"));
    }

    #[test]
    fn problems_before_the_data() {
        let o = |f: &str| open(f).unwrap().problem;
        assert_eq!(open(""), None);
        assert_eq!(open("#"), None);
        assert_eq!(o("#section-2"), Some(LinkProblem::NotOurs));
        assert_eq!(o("v=2&yaml=AAAA"), Some(LinkProblem::Version("2".into())));
        assert_eq!(o("v=1&speed=3"), Some(LinkProblem::NoScenario));
        assert_eq!(o("v=1&yaml="), Some(LinkProblem::Empty));
        // An empty final block of fixed Huffman codes: valid DEFLATE, no text.
        assert_eq!(o("v=1&yaml=AwAA"), Some(LinkProblem::Empty));
        assert_eq!(
            o("v=1&example=nope"),
            Some(LinkProblem::UnknownExample("nope".into()))
        );
        let ex = open("v=1&example=backoff&view=events").unwrap();
        assert_eq!(ex.example.as_deref(), Some("backoff"));
        assert!(ex.is_whole());
    }

    #[test]
    fn a_truncated_link_gives_the_start_of_its_text() {
        let text = include_str!("../examples/backoff-limit.yaml");
        let link = format!("v=1&yaml={}", encode_yaml(text));
        let cut = &link[..link.len() * 2 / 3];
        let o = open(cut).unwrap();
        assert_eq!(o.problem, Some(LinkProblem::Truncated));
        let got = o.text.unwrap();
        assert!(got.len() > 50 && text.starts_with(&got), "{got:?}");
    }

    #[test]
    fn corrupt_links_give_problems_not_panics() {
        assert!(decode_yaml("!!!").is_err());
        assert!(decode_yaml("AAAA").is_err());
        // A character that is not base64url: the data before it is read.
        let text = include_str!("../examples/pi.yaml");
        let enc = encode_yaml(text);
        let o = open(&format!("v=1&yaml={}*{}", &enc[..200], &enc[200..])).unwrap();
        assert_eq!(o.problem, Some(LinkProblem::NotBase64 { position: 201 }));
        assert!(text.starts_with(o.text.as_deref().unwrap_or("")));
        // Not DEFLATE at all.
        let o = open(&format!("v=1&yaml={}", b64url_encode(&[0xff; 40]))).unwrap();
        assert_eq!(o.problem, Some(LinkProblem::Corrupt));
        // DEFLATE of bytes that are not UTF-8.
        let bad = miniz_oxide::deflate::compress_to_vec(b"name: \xff\xfe", 9);
        let o = open(&format!("v=1&yaml={}", b64url_encode(&bad))).unwrap();
        assert_eq!(o.problem, Some(LinkProblem::NotUtf8 { offset: 6 }));
        assert_eq!(o.text.as_deref(), Some("name: "));
    }

    #[test]
    fn too_large_texts_keep_their_start() {
        let pending = Pending {
            state: LinkState::default(),
            bad_char: None,
        };
        let o = finish(pending, vec![b'a'; MAX_TEXT_BYTES + 10], Inflated::Done);
        assert_eq!(o.problem, Some(LinkProblem::TooLarge));
        assert_eq!(o.text.map(|t| t.len()), Some(MAX_TEXT_BYTES));
    }
}
