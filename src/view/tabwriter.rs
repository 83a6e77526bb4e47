//! A port of Go's `text/tabwriter` (the subset kubectl uses: space padding, no
//! flags), so columns line up exactly as kubectl's do.
//!
//! Text is cut into cells at tabs; a cell that ends with a tab belongs to a
//! column, the last cell of a line does not. A column block is a run of
//! consecutive lines that all have a cell in that column; the column is as wide
//! as its widest cell plus the padding (at least `min_width`). Cells are padded
//! with spaces, the last cell of a line never is.
//!
//! `kubectl describe` uses `min_width 0, padding 2`; `kubectl get` uses
//! `min_width 6, padding 3`.

/// One cell: its text and its width in characters (Go counts runes).
#[derive(Clone, Debug)]
struct Cell {
    text: String,
    width: usize,
}

/// A Go `tabwriter.Writer` writing into a string.
#[derive(Clone, Debug)]
pub struct TabWriter {
    min_width: usize,
    padding: usize,
    /// Text written since the last flush.
    buf: String,
    out: String,
}

impl TabWriter {
    pub fn new(min_width: usize, padding: usize) -> TabWriter {
        TabWriter {
            min_width,
            padding,
            buf: String::new(),
            out: String::new(),
        }
    }

    /// `kubectl describe`'s writer (`tabwriter.Init(buf, 0, 8, 2, ' ', 0)`).
    pub fn describe() -> TabWriter {
        TabWriter::new(0, 2)
    }

    /// `kubectl get`'s writer (`tabwriter.NewWriter(out, 6, 4, 3, ' ', ...)`).
    pub fn table() -> TabWriter {
        TabWriter::new(6, 3)
    }

    pub fn write(&mut self, s: &str) {
        self.buf.push_str(s);
    }

    /// Format everything written so far; later text starts new column blocks.
    pub fn flush(&mut self) {
        let text = std::mem::take(&mut self.buf);
        if text.is_empty() {
            return;
        }
        let ends_with_newline = text.ends_with('\n');
        let body = text.strip_suffix('\n').unwrap_or(&text);
        let lines: Vec<Vec<Cell>> = body
            .split('\n')
            .map(|l| {
                l.split('\t')
                    .map(|c| Cell {
                        text: c.to_string(),
                        width: c.chars().count(),
                    })
                    .collect()
            })
            .collect();
        let mut widths = Vec::new();
        let mut out = String::new();
        self.format(&lines, &mut widths, 0, lines.len(), &mut out);
        if ends_with_newline {
            out.push('\n');
        }
        self.out.push_str(&out);
    }

    /// Flush and return the whole output.
    pub fn finish(mut self) -> String {
        self.flush();
        self.out
    }

    /// Go's `Writer.format`: lay out the lines `line0..line1` given the widths of
    /// the columns to the left (`widths`).
    fn format(
        &self,
        lines: &[Vec<Cell>],
        widths: &mut Vec<usize>,
        line0: usize,
        line1: usize,
        out: &mut String,
    ) {
        let column = widths.len();
        let has_cell = |i: usize| lines.get(i).is_some_and(|l| column + 1 < l.len());
        let mut line0 = line0;
        let mut this = line0;
        while this < line1 {
            if !has_cell(this) {
                this += 1;
                continue;
            }
            // A column block starts here: print the lines before it.
            self.write_lines(lines, widths, line0, this, out);
            line0 = this;
            let mut width = self.min_width;
            while this < line1 && has_cell(this) {
                let w = lines
                    .get(this)
                    .and_then(|l| l.get(column))
                    .map(|c| c.width)
                    .unwrap_or(0)
                    + self.padding;
                width = width.max(w);
                this += 1;
            }
            widths.push(width);
            self.format(lines, widths, line0, this, out);
            widths.pop();
            line0 = this;
        }
        self.write_lines(lines, widths, line0, line1, out);
    }

    fn write_lines(
        &self,
        lines: &[Vec<Cell>],
        widths: &[usize],
        line0: usize,
        line1: usize,
        out: &mut String,
    ) {
        for i in line0..line1 {
            let Some(line) = lines.get(i) else { continue };
            for (j, c) in line.iter().enumerate() {
                out.push_str(&c.text);
                if let Some(w) = widths.get(j) {
                    for _ in c.width..*w {
                        out.push(' ');
                    }
                }
            }
            if i + 1 < lines.len() {
                out.push('\n');
            }
        }
    }
}

/// kubectl's `printers.EscapeTerminal`: terminal escapes and carriage returns are
/// shown, not interpreted.
pub fn escape_terminal(s: &str) -> String {
    if !s.contains(['\x1b', '\r']) {
        return s.to_string();
    }
    s.replace('\x1b', "^[").replace('\r', "\\r")
}

/// kubectl's describe `PrefixWriter` over a [`TabWriter`]: each write is indented
/// by two spaces per level (at its start only) and escaped.
#[derive(Clone, Debug)]
pub struct PrefixWriter {
    tw: TabWriter,
}

impl Default for PrefixWriter {
    fn default() -> Self {
        PrefixWriter {
            tw: TabWriter::describe(),
        }
    }
}

impl PrefixWriter {
    pub fn write(&mut self, level: usize, s: &str) {
        let mut text = "  ".repeat(level);
        text.push_str(s);
        self.tw.write(&escape_terminal(&text));
    }

    /// `WriteLine`: the text and a newline, without indentation.
    pub fn line(&mut self, s: &str) {
        self.tw.write(&escape_terminal(s));
        self.tw.write("\n");
    }

    pub fn flush(&mut self) {
        self.tw.flush();
    }

    pub fn finish(self) -> String {
        self.tw.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(s: &str) -> String {
        let mut t = TabWriter::describe();
        t.write(s);
        t.finish()
    }

    #[test]
    fn columns_align_within_a_block() {
        assert_eq!(
            fmt("Name:\tpi\nNamespace:\tdefault\n"),
            "Name:       pi\nNamespace:  default\n"
        );
        // A line without a tab ends the block.
        assert_eq!(
            fmt("A:\tx\nLonger:\ty\nbreak\nB:\tz\n"),
            "A:       x\nLonger:  y\nbreak\nB:  z\n"
        );
        // An empty first cell is padded (label continuation lines).
        assert_eq!(fmt("Labels:\ta=b\n\tc=d\n"), "Labels:  a=b\n         c=d\n");
        // A tab-terminated empty last cell leaves padding behind.
        assert_eq!(fmt("Medium:\t\nSize:\tx\n"), "Medium:  \nSize:    x\n");
    }

    #[test]
    fn nested_columns() {
        let t = fmt("  Type\tReason\tAge\n  ----\t------\t---\n  Normal\tSuccessfulCreate\t21s\n");
        assert_eq!(
            t,
            "  Type    Reason            Age\n  ----    ------            ---\n  Normal  SuccessfulCreate  21s\n"
        );
    }

    #[test]
    fn table_min_width() {
        let mut t = TabWriter::table();
        t.write("NAME\tAGE\npi\t5s\n");
        assert_eq!(t.finish(), "NAME   AGE\npi     5s\n");
    }

    #[test]
    fn escapes_terminal_sequences() {
        assert_eq!(escape_terminal("a\x1b[31mb\rc"), "a^[[31mb\\rc");
    }
}
