//! Share links (`../shared/docs/scenario-format.md`): the page's state in the URL
//! fragment as `v=1&yaml=<raw DEFLATE, base64url>` or `v=1&example=NAME`, plus
//! optional `speed`, `t`, `view`, `embed`, `autoplay`, `theme`, `k8s`. The fragment
//! format and base64url are shared with the page; DEFLATE is done natively with
//! miniz_oxide here and with the browser's CompressionStream in the page.

/// The link format version this build writes and reads.
pub const VERSION: &str = "1";

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

/// Decode base64url (padding, `+` and `/` are accepted too).
pub fn b64url_decode(s: &str) -> Result<Vec<u8>, String> {
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
            _ => {
                return Err(format!(
                    "the link's data has a character that is not base64url at position {}",
                    i + 1
                ))
            }
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Ok(out)
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
}

fn pct_decode(s: &str) -> String {
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
        out.push(if b[i] == b'+' { b' ' } else { b[i] });
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

impl LinkState {
    /// Parse `v=1&yaml=...` (a leading `#` is allowed). Unknown keys are ignored.
    pub fn parse(fragment: &str) -> LinkState {
        let f = fragment.trim_start_matches('#');
        let mut st = LinkState::default();
        for pair in f.split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = pct_decode(v);
            match k {
                "v" => st.version = Some(v),
                "yaml" => st.yaml = Some(v),
                "example" => st.example = Some(v),
                "speed" => st.speed = v.parse().ok().filter(|x: &f64| x.is_finite() && *x > 0.0),
                "t" => st.t = v.parse().ok().filter(|x: &f64| x.is_finite() && *x >= 0.0),
                "view" => st.view = Some(v),
                "embed" => st.embed = v == "1" || v == "true",
                "autoplay" => st.autoplay = v == "1" || v == "true",
                "theme" => st.theme = Some(v),
                "k8s" => st.k8s = Some(v),
                "lang" => st.lang = Some(v),
                _ => {}
            }
        }
        st
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

/// Largest decompressed text a link may carry (the API server's request limit).
pub const MAX_TEXT_BYTES: usize = 3 * 1024 * 1024;

/// Compress the YAML text for a link: raw DEFLATE (level 9), base64url.
#[cfg(not(target_arch = "wasm32"))]
pub fn encode_yaml(text: &str) -> String {
    b64url_encode(&miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9))
}

/// Decode the `yaml=` value of a link.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode_yaml(value: &str) -> Result<String, String> {
    let bytes = b64url_decode(value)?;
    let raw = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_TEXT_BYTES).map_err(
        |e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => format!(
                "Request entity too large: the link's text is over the limit of {MAX_TEXT_BYTES} bytes"
            ),
            s => format!("the link's data is not valid DEFLATE data (corrupt or truncated link): {s:?}"),
        },
    )?;
    String::from_utf8(raw).map_err(|_| "the link's text is not UTF-8".to_string())
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

    #[test]
    fn base64url_round_trips() {
        for n in 0..50 {
            let data: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(b64url_decode(&b64url_encode(&data)).unwrap(), data);
        }
        assert_eq!(b64url_encode(b"hi?"), "aGk_");
    }

    #[test]
    fn opens_the_documented_example() {
        let frag = "v=1&yaml=RZDPSsRADMbvfYqPenAXttoVTwO-gKh4EC8ibNqmbdjOH2bSXXx7Z2BXc0n4hXxfkht8zIzB96tlp6Ti3W3CKDEpnn1n0HsbVmU8tG2LQSbRBD8iCDbU-VWxb5G2O-jMDpFpKJXFWXTGYfFTOtxVFOSTY8raBh1pP9-f9tVR3GCKR2VZaSAlUwGOLJusXqXAfQHKNiykXGrgSkv0Pi8sLgtfSfM_jkuIpakQjssfyydZKuZfdeH1Dqib104mt9qnLkgGdXNeuOQQxSky3JQHbOvvi0rkpBT13S_S_xi88YljbnXUH_04vogVNXisfgE&speed=10";
        let st = LinkState::parse(frag);
        assert_eq!(st.speed, Some(10.0));
        let text = decode_yaml(st.yaml.as_deref().unwrap()).unwrap();
        assert!(text.contains("name: pi"));
        assert!(text.contains("bpi(2000)"));
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
        assert_eq!(LinkState::parse(&f).speed, Some(2.5));
    }

    #[test]
    fn percent_escapes_next_to_multibyte_text_do_not_panic() {
        // Found by the link_decode fuzzer: `%` followed by a 2-byte character.
        let st = LinkState::parse("v=%+\u{57d}x&theme=%41%zz%");
        assert_eq!(st.version.as_deref(), Some("% \u{57d}x"));
        assert_eq!(st.theme.as_deref(), Some("A%zz%"));
    }

    #[test]
    fn corrupt_links_give_errors() {
        assert!(decode_yaml("!!!").is_err());
        assert!(decode_yaml("AAAA").is_err());
    }
}
