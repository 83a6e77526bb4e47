//! Numbers and JSON values as text, exactly as `serde_yaml_ng` (`Number`'s `Display`,
//! with ryu) and `serde_json` (`Number`'s and `Value`'s `Display`, with zmij) print
//! them, with the standard library's shortest float formatting, which the page
//! has anyway: ryu and zmij each brought their own float printer and power-of-ten
//! tables into the page's WebAssembly. The tests compare every function here with
//! the crate it stands in for.

use std::fmt::Write;

/// A finite float in ryu's and zmij's layout: the shortest digits that read back as
/// `f`, in fixed notation when the decimal point falls within 16 digits before it
/// to 4 zeros after it (`1.0`, `0.0001`, `1234567890123456.0`), else scientific
/// (`1e16`, `1.5e-7`; zmij writes `1e+16`). Non-finite values print as the standard
/// library prints them.
pub fn float_text(f: f64) -> String {
    float_layout(f, false)
}

/// A finite float as zmij (serde_json) prints it: [`float_text`] with `e+` for positive
/// exponents.
pub fn json_float_text(f: f64) -> String {
    float_layout(f, true)
}

fn float_layout(f: f64, plus: bool) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    // `{:e}` is the shortest round-trip representation: `d.ddde-X`.
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let (neg, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, mantissa),
    };
    let mut digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let mut exp: i32 = exp.parse().unwrap_or(0);
    if digits.ends_with(['1', '3', '5', '7', '9']) {
        if let Some((d, e)) = tie_to_even(f.abs(), digits.len()) {
            (digits, exp) = (d, e);
        }
    }
    let len = digits.len() as i32;
    // The decimal point goes after `kk` digits.
    let kk = exp + 1;
    let mut out = String::with_capacity(digits.len() + 8);
    if neg {
        out.push('-');
    }
    if digits == "0" {
        out.push_str("0.0");
    } else if len <= kk && kk <= 16 {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (kk - len) as usize));
        out.push_str(".0");
    } else if 0 < kk && kk <= 16 {
        let (int, frac) = digits.split_at(kk as usize);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    } else if -5 < kk && kk <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-kk) as usize));
        out.push_str(&digits);
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let e = kk - 1;
        let _ = if plus && e > 0 {
            write!(out, "e+{e}")
        } else {
            write!(out, "e{e}")
        };
    }
    out
}

/// When the exact value of `f` lies exactly halfway between two `len`-digit decimals,
/// the standard library takes the upper one and ryu and zmij the even one: that one,
/// as (digits, exponent). A double's exact decimal expansion has at most 767
/// significant digits, so 770 places show whether it ends right after the tie.
fn tie_to_even(f: f64, len: usize) -> Option<(String, i32)> {
    let exact = format!("{f:.770e}");
    let (mantissa, exp) = exact.split_once('e')?;
    let all: Vec<u8> = mantissa.bytes().filter(|b| *b != b'.').collect();
    let (head, tail) = all.split_at(len.min(all.len()));
    if tail.first() != Some(&b'5') || tail[1..].iter().any(|b| *b != b'0') {
        return None;
    }
    let mut digits = head.to_vec();
    let mut exp: i32 = exp.parse().ok()?;
    if digits.last().is_some_and(|d| (d - b'0') % 2 == 1) {
        // The upper neighbour is the even one: add one in the last place.
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                digits.pop();
                exp += 1;
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    String::from_utf8(digits).ok().map(|d| (d, exp))
}

/// `serde_yaml_ng::Number`'s `Display`: integers as they are, `.nan`, `.inf`, `-.inf`.
pub fn yaml_number(n: &serde_yaml_ng::Number) -> String {
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    match n.as_f64() {
        Some(f) if f.is_nan() => ".nan".into(),
        Some(f) if f.is_infinite() => if f < 0.0 { "-.inf" } else { ".inf" }.into(),
        Some(f) => float_text(f),
        None => String::new(),
    }
}

/// `serde_json::Number`'s `Display` (a JSON number is always finite).
pub fn json_number(n: &serde_json::Number) -> String {
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    n.as_f64().map(json_float_text).unwrap_or_default()
}

/// `serde_json::Value`'s `Display`: compact JSON, keys in the map's (sorted) order.
pub fn json_text(v: &serde_json::Value) -> String {
    let mut out = String::new();
    write_json(&mut out, v);
    out
}

fn write_json(out: &mut String, v: &serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&json_number(n)),
        Value::String(s) => write_json_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(out, x);
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, x)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json_string(out, k);
                out.push(':');
                write_json(out, x);
            }
            out.push('}');
        }
    }
}

/// serde_json's string escapes: `"`, `\` and the control characters, nothing else.
fn write_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Floats of every magnitude and shape: round numbers, long fractions, powers of
    /// ten at the layout's edges, subnormals, the extremes, and pseudo-random bits.
    fn samples() -> Vec<f64> {
        let mut v = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            0.5,
            1.5,
            2.5,
            10.0,
            100.0,
            1e15,
            1e16,
            1e17,
            9.999e15,
            1234567890123456.0,
            12345678901234567.0,
            0.001,
            0.0001,
            0.00001,
            0.000012345,
            1e-5,
            1e-4,
            1e-7,
            1.5e-7,
            1e21,
            1e22,
            3e21,
            1.7976931348623157e308,
            5e-324,
            2.2250738585072014e-308,
            f64::EPSILON,
            1.0 / 3.0,
            2.0 / 3.0,
            123.456,
            -98.76e-10,
            4.35,
            0.3,
            9007199254740993.0,
            299792458.0,
            6.02214076e23,
            1e300,
            1e-300,
        ];
        for e in -30..30 {
            v.push(10f64.powi(e));
            v.push(-7.25 * 10f64.powi(e));
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let f = f64::from_bits(x);
            if f.is_finite() {
                v.push(f);
            }
            // And numbers people write: a few digits at a modest exponent.
            v.push((x % 100_000) as f64 / 10f64.powi((x % 12) as i32));
        }
        v
    }

    #[test]
    fn floats_print_as_ryu_and_zmij_print_them() {
        for f in samples() {
            let ours = float_text(f);
            let yaml = serde_yaml_ng::Number::from(f).to_string();
            assert_eq!(ours, yaml, "serde_yaml_ng (ryu) prints {f:e} as {yaml}");
            let json = serde_json::Number::from_f64(f).map(|n| n.to_string());
            let ours = json_float_text(f);
            assert_eq!(Some(&ours), json.as_ref(), "serde_json (zmij) prints {f:e}");
            assert_eq!(json_number(&serde_json::Number::from_f64(f).unwrap()), ours);
        }
    }

    #[test]
    fn yaml_numbers_print_as_serde_yaml_ng_prints_them() {
        let mut cases: Vec<serde_yaml_ng::Number> = vec![
            0u64.into(),
            u64::MAX.into(),
            i64::MIN.into(),
            (-1i64).into(),
            42u64.into(),
            f64::NAN.into(),
            f64::INFINITY.into(),
            f64::NEG_INFINITY.into(),
        ];
        cases.extend(
            samples()
                .into_iter()
                .take(500)
                .map(serde_yaml_ng::Number::from),
        );
        for n in cases {
            assert_eq!(yaml_number(&n), n.to_string());
        }
    }

    #[test]
    fn json_values_print_as_serde_json_prints_them() {
        let v = serde_json::json!({
            "z": [1, -2, 3.5, 1e21, 0.0001, null, true, false],
            "a": {"nested": "quote \" backslash \\ tab \t newline \n bell \u{7} del \u{7f} é 😀 <&>"},
            "": "",
            "n": u64::MAX,
            "m": i64::MIN,
        });
        assert_eq!(json_text(&v), v.to_string());
        for f in samples().into_iter().take(2000) {
            let v = serde_json::json!([f, {"k": f}]);
            assert_eq!(json_text(&v), v.to_string());
        }
    }
}
