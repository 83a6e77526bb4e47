//! What the page offers to download, as text: the workload document alone (ready
//! for `kubectl apply`), the run as `jobplay run FILE --json` prints it (the same
//! bytes), and the timeline as a standalone SVG drawn from the rows the timeline
//! tab shows (`view::model::timeline`), with every label escaped, never from the
//! page's HTML. The page turns the SVG into a PNG on a canvas (`www/glue.js`).
//! Plain Rust, tested natively.

use crate::api::yaml;
use crate::cluster::Cluster;
use crate::scenario::file::InputError;
use crate::scenario::ScenarioFile;
use crate::view::model::{PhaseClass, Row};

/// The workload document of a scenario file, as written (comments included),
/// ending with a newline: what `kubectl apply -f` takes. Found through the parsed
/// file when the text is valid, else as the document whose `kind:` is Job or CronJob.
pub fn workload_yaml(text: &str) -> Option<String> {
    let docs = yaml::split_documents(text);
    let doc = match ScenarioFile::parse(text) {
        Ok(f) => docs.iter().find(|d| d.first_line == f.workload_line),
        Err(_) => docs.iter().find(|d| {
            d.text.lines().any(|l| {
                let v = l.strip_prefix("kind:").map(|v| {
                    v.split('#')
                        .next()
                        .unwrap_or("")
                        .trim()
                        .trim_matches(['"', '\''])
                });
                matches!(v, Some("Job" | "CronJob"))
            })
        }),
    }?;
    let mut s = doc.text.trim_start_matches(['\n', '\r']).to_string();
    if !s.ends_with('\n') {
        s.push('\n');
    }
    Some(s)
}

/// The run to its end as `jobplay run FILE --json` prints it.
pub fn run_json(text: &str) -> Result<String, InputError> {
    let file = ScenarioFile::parse(text)?;
    let mut c = Cluster::new(&file);
    c.run_to_end();
    Ok(run_json_of(&c))
}

/// A cluster's run as the CLI prints it (pretty JSON and a newline).
pub fn run_json_of(c: &Cluster) -> String {
    let v = crate::view::json::run_json(c);
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// A file name from a workload's name: letters, digits, `-`, `_` and `.` only.
pub fn file_stem(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches(['-', '.']).to_string();
    if s.is_empty() {
        "scenario".into()
    } else {
        s
    }
}

/// Round tick spacing: 1, 2 or 5 times a power of ten seconds, about `span / 5`.
pub fn tick_step(span_ms: u64) -> u64 {
    let target = (span_ms / 5).max(1_000);
    let mut unit = 1_000u64;
    loop {
        for m in [1, 2, 5] {
            if unit * m >= target {
                return unit * m;
            }
        }
        unit = unit.saturating_mul(10);
    }
}

/// Text for XML: `&`, `<`, `>`, quotes escaped; control characters dropped.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Colours of the SVG: the page's palette (`www/style.css`), light or dark.
struct Palette {
    bg: &'static str,
    text: &'static str,
    muted: &'static str,
    grid: &'static str,
    now: &'static str,
}

fn phase_colours(c: PhaseClass, dark: bool) -> (&'static str, &'static str) {
    // (stroke/text, fill), as --PHASE and --PHASE-bg in style.css.
    match (c, dark) {
        (PhaseClass::Pending, false) => ("#8a5a00", "#fff4cc"),
        (PhaseClass::Pending, true) => ("#e3b341", "#3a2e0c"),
        (PhaseClass::Running, false) => ("#0550ae", "#ddf0ff"),
        (PhaseClass::Running, true) => ("#6cb6ff", "#0f2b46"),
        (PhaseClass::Succeeded, false) => ("#1a7f37", "#dcf7e3"),
        (PhaseClass::Succeeded, true) => ("#56d364", "#12351d"),
        (PhaseClass::Failed, false) => ("#c4162a", "#ffe8e6"),
        (PhaseClass::Failed, true) => ("#ff7b72", "#42171a"),
        (PhaseClass::Evicted, false) => ("#7a3fb8", "#f1e6ff"),
        (PhaseClass::Evicted, true) => ("#d2a8ff", "#2f1d47"),
        (PhaseClass::CrashLoop, false) => ("#b04a00", "#ffe9d6"),
        (PhaseClass::CrashLoop, true) => ("#ffa657", "#3d2410"),
        (PhaseClass::Terminating | PhaseClass::Gone, false) => ("#57606a", "#eaeef2"),
        (PhaseClass::Terminating | PhaseClass::Gone, true) => ("#9aa4af", "#262c34"),
    }
}

/// Width of the SVG in CSS pixels.
pub const SVG_WIDTH: u32 = 960;
const LABEL_W: f64 = 180.0;
const ROW_H: f64 = 24.0;
const TOP: f64 = 56.0;

/// What the timeline export draws.
pub struct TimelineSvg<'a> {
    pub rows: &'a [Row],
    /// Rows not drawn (beyond the timeline's limit).
    pub more: usize,
    pub span_ms: u64,
    pub now_ms: u64,
    /// e.g. `job/pi`.
    pub title: &'a str,
    /// A caption under the title (the clock, in the page's language).
    pub caption: &'a str,
    /// Shown under the rows when `more > 0` (in the page's language).
    pub more_text: &'a str,
    /// The title of a restart notch, `{0}` the time (in the page's language).
    pub restart_text: &'a str,
    pub dark: bool,
}

/// Height of the SVG for this many rows.
pub fn svg_height(rows: usize, more: bool) -> u32 {
    (TOP + rows.max(1) as f64 * ROW_H + if more { 40.0 } else { 20.0 }) as u32
}

/// The timeline as a standalone SVG document.
pub fn timeline_svg(t: &TimelineSvg<'_>) -> String {
    let pal = if t.dark {
        Palette {
            bg: "#171b21",
            text: "#e6e9ed",
            muted: "#9aa4af",
            grid: "#333b45",
            now: "#d2a8ff",
        }
    } else {
        Palette {
            bg: "#ffffff",
            text: "#1b1f24",
            muted: "#57606a",
            grid: "#d0d7de",
            now: "#7a3fb8",
        }
    };
    let w = SVG_WIDTH as f64;
    let h = svg_height(t.rows.len(), t.more > 0);
    let track_w = w - LABEL_W - 16.0;
    let span = t.span_ms.max(t.now_ms).max(1_000);
    let x = |ms: u64| LABEL_W + ms.min(span) as f64 * track_w / span as f64;
    let mut o = String::new();
    o.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans KR', sans-serif\" font-size=\"12\">\n"
    ));
    o.push_str(&format!(
        "<title>{}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n",
        xml_escape(&format!("{} — {}", t.title, t.caption)),
        pal.bg
    ));
    o.push_str(&format!(
        "<text x=\"12\" y=\"20\" font-size=\"14\" font-weight=\"600\" fill=\"{}\">{}</text>\n",
        pal.text,
        xml_escape(t.title)
    ));
    o.push_str(&format!(
        "<text x=\"{}\" y=\"20\" text-anchor=\"end\" fill=\"{}\">{}</text>\n",
        w - 16.0,
        pal.muted,
        xml_escape(t.caption)
    ));
    // Axis: ticks and their grid lines.
    let step = tick_step(span);
    let bottom = TOP + t.rows.len().max(1) as f64 * ROW_H;
    for i in 0..=span / step {
        let ms = i * step;
        let px = x(ms);
        o.push_str(&format!(
            "<line x1=\"{px:.1}\" y1=\"{}\" x2=\"{px:.1}\" y2=\"{bottom:.1}\" stroke=\"{}\" stroke-width=\"1\"/>\n\
<text x=\"{px:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
            TOP - 8.0,
            pal.grid,
            TOP - 14.0,
            pal.muted,
            xml_escape(&super::driver::clock(ms))
        ));
    }
    for (r, row) in t.rows.iter().enumerate() {
        let y = TOP + r as f64 * ROW_H;
        let label: String = row.label.chars().take(26).collect();
        o.push_str(&format!(
            "<text x=\"12\" y=\"{:.1}\" font-family=\"ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace\" fill=\"{}\">{}</text>\n",
            y + ROW_H * 0.65,
            pal.text,
            xml_escape(&label)
        ));
        for b in &row.bars {
            let (stroke, fill) = phase_colours(b.class, t.dark);
            let x0 = x(b.start_ms);
            let x1 = x(b.end_ms).max(x0 + 2.0);
            let run_x = b.run_ms.map_or(x1, |r| x(r).clamp(x0, x1));
            let (y0, bh) = (y + 4.0, ROW_H - 8.0);
            o.push_str(&format!(
                "<g><title>{}</title>\
<rect x=\"{x0:.1}\" y=\"{y0:.1}\" width=\"{:.1}\" height=\"{bh:.1}\" rx=\"3\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1\"/>",
                xml_escape(&format!(
                    "{} {}: {}–{}",
                    row.label,
                    b.class.css(),
                    super::driver::clock(b.start_ms),
                    if b.open {
                        String::new()
                    } else {
                        super::driver::clock(b.end_ms)
                    }
                )),
                x1 - x0
            ));
            // Pending (creation to Running) is drawn as a dashed outline only.
            if run_x < x1 {
                o.push_str(&format!(
                    "<rect x=\"{run_x:.1}\" y=\"{y0:.1}\" width=\"{:.1}\" height=\"{bh:.1}\" rx=\"3\" fill=\"{stroke}\" fill-opacity=\"0.35\"/>",
                    x1 - run_x
                ));
            }
            // A container restarted in place (OnFailure): a notch across the bar.
            let (failed, _) = phase_colours(PhaseClass::Failed, t.dark);
            for r in &b.restarts_ms {
                let rx = x(*r).clamp(x0, x1);
                o.push_str(&format!(
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"3\" height=\"{:.1}\" fill=\"{failed}\" stroke=\"{}\" stroke-width=\"1\"><title>{}</title></rect>",
                    rx - 1.5,
                    y0 - 1.0,
                    bh + 2.0,
                    pal.bg,
                    xml_escape(&t.restart_text.replace("{0}", &super::driver::clock(*r)))
                ));
            }
            if x1 - x0 > 14.0 {
                o.push_str(&format!(
                    "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"{stroke}\" font-size=\"11\">{}</text>",
                    x0 + 4.0,
                    y + ROW_H * 0.65,
                    super::driver::glyph(b.class)
                ));
            }
            o.push_str("</g>\n");
        }
    }
    let nx = x(t.now_ms);
    o.push_str(&format!(
        "<line x1=\"{nx:.1}\" y1=\"{}\" x2=\"{nx:.1}\" y2=\"{bottom:.1}\" stroke=\"{}\" stroke-width=\"2\"/>\n",
        TOP - 6.0,
        pal.now
    ));
    if t.more > 0 {
        o.push_str(&format!(
            "<text x=\"12\" y=\"{:.1}\" fill=\"{}\">{}</text>\n",
            bottom + 24.0,
            pal.muted,
            xml_escape(t.more_text)
        ));
    }
    o.push_str("</svg>\n");
    o
}
