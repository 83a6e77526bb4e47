//! Finds the line of a field path (`spec.template.spec.containers[0].image`) in
//! block-style YAML text, so that validation errors can be marked at their line.
//! Best effort: where the exact field cannot be found (flow style, missing key)
//! the deepest ancestor that was found is returned.

/// A 1-based position inside a document's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug)]
struct Line<'a> {
    no: usize,
    indent: usize,
    body: &'a str,
}

/// `lines[lo..hi]`, the first of which may be read with another indent and body.
type Region<'a> = (usize, usize, Option<(usize, &'a str)>);

#[derive(Debug, PartialEq)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn segments(path: &str) -> Vec<Seg<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let mut rest = part;
        let key_end = rest.find('[').unwrap_or(rest.len());
        if key_end > 0 {
            out.push(Seg::Key(&rest[..key_end]));
        }
        rest = &rest[key_end..];
        while let Some(r) = rest.strip_prefix('[') {
            let close = match r.find(']') {
                Some(c) => c,
                None => break,
            };
            match r[..close].parse() {
                Ok(i) => out.push(Seg::Index(i)),
                Err(_) => out.push(Seg::Key(&r[..close])),
            }
            rest = &r[close + 1..];
        }
    }
    out
}

fn key_matches(body: &str, key: &str) -> Option<usize> {
    for quoted in [None, Some('"'), Some('\'')] {
        let rest = match quoted {
            None => body.strip_prefix(key),
            Some(q) => body
                .strip_prefix(q)
                .and_then(|b| b.strip_prefix(key))
                .and_then(|b| b.strip_prefix(q)),
        };
        if let Some(r) = rest {
            let r2 = r.trim_start_matches(' ');
            if r2.starts_with(':') && (r2.len() == 1 || r2[1..].starts_with([' ', '\t'])) {
                return Some(body.len() - r2.len() + 1);
            }
        }
    }
    None
}

/// Like [`locate`], but when the field's value is on the same line, the column of the value
/// (type errors point at the value, as the YAML library does).
pub fn locate_value(text: &str, path: &str) -> Option<Pos> {
    let pos = locate(text, path)?;
    let line = text.lines().nth(pos.line - 1)?;
    let rest = line.get(pos.column - 1..)?;
    let body = rest.trim_start_matches("- ");
    let offset = rest.len() - body.len();
    let after = match body.find(": ") {
        Some(i) => i + 2,
        None => return Some(pos),
    };
    let value = &body[after..];
    let skipped = value.len() - value.trim_start().len();
    if value.trim().is_empty() || value.trim_start().starts_with('#') {
        return Some(pos);
    }
    Some(Pos {
        line: pos.line,
        column: pos.column + offset + after + skipped,
    })
}

/// The line of the first alias (`*name`) in `text`: where an alias bomb starts to expand.
pub fn first_alias(text: &str) -> Option<Pos> {
    for (i, line) in text.lines().enumerate() {
        let (mut sq, mut dq) = (false, false);
        let b = line.as_bytes();
        for (j, &c) in b.iter().enumerate() {
            match c {
                b'\'' if !dq => sq = !sq,
                b'"' if !sq => dq = !dq,
                b'#' if !sq && !dq && (j == 0 || b[j - 1] == b' ') => break,
                b'*' if !sq
                    && !dq
                    && b.get(j + 1)
                        .is_some_and(|n| n.is_ascii_alphanumeric() || *n == b'_')
                    && (j == 0 || matches!(b[j - 1], b' ' | b'[' | b',' | b'{' | b'-' | b':')) =>
                {
                    return Some(Pos {
                        line: i + 1,
                        column: j + 1,
                    });
                }
                _ => {}
            }
        }
    }
    None
}

/// Find `path` in `text`; positions are relative to `text`.
pub fn locate(text: &str, path: &str) -> Option<Pos> {
    let lines: Vec<Line<'_>> = text
        .lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let t = l.trim_start_matches(' ');
            if t.trim().is_empty() || t.starts_with('#') {
                None
            } else {
                Some(Line {
                    no: i + 1,
                    indent: l.len() - t.len(),
                    body: t.trim_end(),
                })
            }
        })
        .collect();
    if lines.is_empty() {
        return None;
    }
    // A region: lines[lo..hi], the first of which may be read with another indent and body
    // (the content after `- ` of a sequence item).
    let (mut lo, mut hi) = (0usize, lines.len());
    let mut first: Option<(usize, &str)> = None;
    let mut best: Option<Pos> = None;
    fn entry<'t>(
        lines: &[Line<'t>],
        idx: usize,
        lo: usize,
        first: Option<(usize, &'t str)>,
    ) -> (usize, &'t str) {
        match first {
            Some(f) if idx == lo => f,
            _ => (lines[idx].indent, lines[idx].body),
        }
    }
    for seg in segments(path) {
        if lo >= hi {
            break;
        }
        let child_indent = entry(&lines, lo, lo, first).0;
        let mut next: Option<Region<'_>> = None;
        match seg {
            Seg::Key(k) => {
                for idx in lo..hi {
                    let (ind, body) = entry(&lines, idx, lo, first);
                    if ind != child_indent {
                        continue;
                    }
                    if let Some(after) = key_matches(body, k) {
                        best = Some(Pos {
                            line: lines[idx].no,
                            column: ind + 1,
                        });
                        let value = body[after..].trim();
                        let end = (idx + 1..hi)
                            .find(|&j| {
                                lines[j].indent < ind
                                    || (lines[j].indent == ind && !lines[j].body.starts_with('-'))
                            })
                            .unwrap_or(hi);
                        if value.is_empty()
                            || value.starts_with('#')
                            || value.starts_with('|')
                            || value.starts_with('>')
                        {
                            next = Some((idx + 1, end, None));
                        } else {
                            // An inline value: nothing deeper to find on other lines.
                            next = Some((idx, idx, None));
                        }
                        break;
                    }
                }
            }
            Seg::Index(want) => {
                let mut count = 0usize;
                for idx in lo..hi {
                    let (ind, body) = entry(&lines, idx, lo, first);
                    if ind != child_indent || !(body == "-" || body.starts_with("- ")) {
                        continue;
                    }
                    if count == want {
                        best = Some(Pos {
                            line: lines[idx].no,
                            column: ind + 1,
                        });
                        let end = (idx + 1..hi)
                            .find(|&j| lines[j].indent <= ind)
                            .unwrap_or(hi);
                        next = if body == "-" {
                            Some((idx + 1, end, None))
                        } else {
                            let item = body[1..].trim_start_matches(' ');
                            let item_indent = ind + (body.len() - item.len());
                            Some((idx, end, Some((item_indent, item))))
                        };
                        break;
                    }
                    count += 1;
                }
            }
        }
        match next {
            Some((l, h, f)) => {
                lo = l;
                hi = h;
                first = f;
            }
            None => break,
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    const JOB: &str = "apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  parallelism: -1
  template:
    spec:
      containers:
      - name: pi
        image: perl
        env:
        - name: A
          value: b
      - name: second
        image: x
      restartPolicy: Always
";

    #[test]
    fn finds_nested_fields() {
        assert_eq!(
            locate(JOB, "spec.parallelism"),
            Some(Pos { line: 6, column: 3 })
        );
        assert_eq!(
            locate(JOB, "spec.template.spec.restartPolicy"),
            Some(Pos {
                line: 17,
                column: 7
            })
        );
        assert_eq!(
            locate(JOB, "spec.template.spec.containers[0].image"),
            Some(Pos {
                line: 11,
                column: 9
            })
        );
        assert_eq!(
            locate(JOB, "spec.template.spec.containers[1].image").map(|p| p.line),
            Some(16)
        );
        assert_eq!(
            locate(JOB, "spec.template.spec.containers[0].env[0].value").map(|p| p.line),
            Some(14)
        );
        assert_eq!(
            locate(JOB, "spec.template.spec.containers[1]").map(|p| p.line),
            Some(15)
        );
        assert_eq!(locate(JOB, "metadata.name").map(|p| p.line), Some(4));
    }

    #[test]
    fn falls_back_to_the_deepest_ancestor() {
        assert_eq!(locate(JOB, "spec.completions").map(|p| p.line), Some(5));
        assert_eq!(
            locate(JOB, "spec.template.spec.containers[5]").map(|p| p.line),
            Some(9)
        );
        assert_eq!(locate(JOB, "nothing"), None);
    }
}
