//! A very small Python reader for `python3 -c SCRIPT`, enough for the
//! documentation's Job examples: `import`, assignments, `print(...)`,
//! `sys.exit(...)`/`exit(...)`, `time.sleep(...)`, `if`/`elif`/`else` blocks, and
//! expressions over ints and strings with `os.environ.get`, `os.getenv`, `int`,
//! `str`, arithmetic, comparisons and `and`/`or`/`not`. Anything else makes the
//! script "not understood" (the caller then treats it as an unknown program).

use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq)]
enum V {
    Int(i64),
    Str(String),
    Bool(bool),
    None,
}

impl V {
    fn truthy(&self) -> bool {
        match self {
            V::Int(i) => *i != 0,
            V::Str(s) => !s.is_empty(),
            V::Bool(b) => *b,
            V::None => false,
        }
    }
    fn show(&self) -> String {
        match self {
            V::Int(i) => i.to_string(),
            V::Str(s) => s.clone(),
            V::Bool(true) => "True".into(),
            V::Bool(false) => "False".into(),
            V::None => "None".into(),
        }
    }
}

/// What the script did.
pub struct PyOutcome {
    pub run_ms: u64,
    pub exit_code: i32,
    pub lines: Vec<(u64, String)>,
}

struct Py<'a> {
    env: &'a BTreeMap<String, String>,
    vars: BTreeMap<String, V>,
    t: u64,
    lines: Vec<(u64, String)>,
    steps: u32,
}

enum Flow {
    Next,
    Exit(i32),
}

type R<T> = Result<T, ()>;

/// A script line: its indentation and its text.
type Line = (usize, String);

fn tokens(s: &str) -> R<Vec<String>> {
    let mut out = Vec::new();
    let c: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch.is_whitespace() {
            i += 1;
        } else if ch == '#' {
            break;
        } else if ch == '"' || ch == '\'' {
            let mut j = i + 1;
            let mut lit = String::new();
            while j < c.len() && c[j] != ch {
                if c[j] == '\\' && j + 1 < c.len() {
                    j += 1;
                    lit.push(match c[j] {
                        'n' => '\n',
                        't' => '\t',
                        o => o,
                    });
                } else {
                    lit.push(c[j]);
                }
                j += 1;
            }
            if j >= c.len() {
                return Err(());
            }
            out.push(format!("\"{lit}"));
            i = j + 1;
        } else if ch.is_ascii_digit() {
            let mut j = i;
            while j < c.len() && c[j].is_ascii_digit() {
                j += 1;
            }
            out.push(c[i..j].iter().collect());
            i = j;
        } else if ch.is_alphabetic() || ch == '_' {
            let mut j = i;
            while j < c.len() && (c[j].is_alphanumeric() || c[j] == '_' || c[j] == '.') {
                j += 1;
            }
            out.push(c[i..j].iter().collect());
            i = j;
        } else {
            let two: String = c[i..(i + 2).min(c.len())].iter().collect();
            if ["==", "!=", "<=", ">=", "//"].contains(&two.as_str()) {
                out.push(two);
                i += 2;
            } else if "+-*/%<>(),[]=:".contains(ch) {
                out.push(ch.to_string());
                i += 1;
            } else {
                return Err(());
            }
        }
    }
    Ok(out)
}

struct Expr<'t> {
    toks: &'t [String],
    pos: usize,
}

impl Py<'_> {
    fn eval(&mut self, toks: &[String]) -> R<V> {
        let mut e = Expr { toks, pos: 0 };
        let v = self.or(&mut e)?;
        if e.pos != toks.len() {
            return Err(());
        }
        Ok(v)
    }
    fn peek<'t>(e: &Expr<'t>) -> Option<&'t str> {
        e.toks.get(e.pos).map(|s| s.as_str())
    }
    fn or(&mut self, e: &mut Expr<'_>) -> R<V> {
        let mut v = self.and(e)?;
        while Self::peek(e) == Some("or") {
            e.pos += 1;
            let r = self.and(e)?;
            v = V::Bool(v.truthy() || r.truthy());
        }
        Ok(v)
    }
    fn and(&mut self, e: &mut Expr<'_>) -> R<V> {
        let mut v = self.not(e)?;
        while Self::peek(e) == Some("and") {
            e.pos += 1;
            let r = self.not(e)?;
            v = V::Bool(v.truthy() && r.truthy());
        }
        Ok(v)
    }
    fn not(&mut self, e: &mut Expr<'_>) -> R<V> {
        if Self::peek(e) == Some("not") {
            e.pos += 1;
            let v = self.not(e)?;
            return Ok(V::Bool(!v.truthy()));
        }
        self.cmp(e)
    }
    fn cmp(&mut self, e: &mut Expr<'_>) -> R<V> {
        let a = self.sum(e)?;
        let op = match Self::peek(e) {
            Some(op @ ("==" | "!=" | "<" | ">" | "<=" | ">=")) => op.to_string(),
            _ => return Ok(a),
        };
        e.pos += 1;
        let b = self.sum(e)?;
        let r = match (&a, &b) {
            (V::Int(x), V::Int(y)) => match op.as_str() {
                "==" => x == y,
                "!=" => x != y,
                "<" => x < y,
                ">" => x > y,
                "<=" => x <= y,
                _ => x >= y,
            },
            _ => match op.as_str() {
                "==" => a == b,
                "!=" => a != b,
                _ => return Err(()),
            },
        };
        Ok(V::Bool(r))
    }
    fn sum(&mut self, e: &mut Expr<'_>) -> R<V> {
        let mut v = self.product(e)?;
        while let Some(op @ ("+" | "-")) = Self::peek(e) {
            e.pos += 1;
            let r = self.product(e)?;
            v = match (v, r, op) {
                (V::Int(a), V::Int(b), "+") => V::Int(a.checked_add(b).ok_or(())?),
                (V::Int(a), V::Int(b), _) => V::Int(a.checked_sub(b).ok_or(())?),
                (V::Str(a), V::Str(b), "+") => V::Str(a + &b),
                _ => return Err(()),
            };
        }
        Ok(v)
    }
    fn product(&mut self, e: &mut Expr<'_>) -> R<V> {
        let mut v = self.unary(e)?;
        while let Some(op @ ("*" | "%" | "//")) = Self::peek(e) {
            e.pos += 1;
            let r = self.unary(e)?;
            v = match (v, r) {
                (V::Int(a), V::Int(b)) => match op {
                    "*" => V::Int(a.checked_mul(b).ok_or(())?),
                    _ if b == 0 => return Err(()),
                    "%" => V::Int(a.rem_euclid(b)),
                    _ => V::Int(a.div_euclid(b)),
                },
                _ => return Err(()),
            };
        }
        Ok(v)
    }
    fn unary(&mut self, e: &mut Expr<'_>) -> R<V> {
        if Self::peek(e) == Some("-") {
            e.pos += 1;
            return match self.unary(e)? {
                V::Int(i) => Ok(V::Int(-i)),
                _ => Err(()),
            };
        }
        self.atom(e)
    }
    fn args(&mut self, e: &mut Expr<'_>) -> R<Vec<V>> {
        if Self::peek(e) != Some("(") {
            return Err(());
        }
        e.pos += 1;
        let mut out = Vec::new();
        if Self::peek(e) == Some(")") {
            e.pos += 1;
            return Ok(out);
        }
        loop {
            out.push(self.or(e)?);
            match Self::peek(e) {
                Some(",") => e.pos += 1,
                Some(")") => {
                    e.pos += 1;
                    return Ok(out);
                }
                _ => return Err(()),
            }
        }
    }
    fn atom(&mut self, e: &mut Expr<'_>) -> R<V> {
        let tok = Self::peek(e).ok_or(())?.to_string();
        e.pos += 1;
        if let Some(s) = tok.strip_prefix('"') {
            return Ok(V::Str(s.to_string()));
        }
        if tok.bytes().all(|b| b.is_ascii_digit()) {
            return tok.parse().map(V::Int).map_err(|_| ());
        }
        match tok.as_str() {
            "(" => {
                let v = self.or(e)?;
                if Self::peek(e) != Some(")") {
                    return Err(());
                }
                e.pos += 1;
                Ok(v)
            }
            "True" => Ok(V::Bool(true)),
            "False" => Ok(V::Bool(false)),
            "None" => Ok(V::None),
            "os.environ.get" | "os.getenv" => {
                let a = self.args(e)?;
                let key = match a.first() {
                    Some(V::Str(k)) => k.clone(),
                    _ => return Err(()),
                };
                Ok(match self.env.get(&key) {
                    Some(v) => V::Str(v.clone()),
                    None => a.get(1).cloned().unwrap_or(V::None),
                })
            }
            "os.environ" => {
                if Self::peek(e) != Some("[") {
                    return Err(());
                }
                e.pos += 1;
                let k = self.or(e)?;
                if Self::peek(e) != Some("]") {
                    return Err(());
                }
                e.pos += 1;
                match k {
                    V::Str(k) => self.env.get(&k).map(|v| V::Str(v.clone())).ok_or(()),
                    _ => Err(()),
                }
            }
            "int" => match self.args(e)?.as_slice() {
                [V::Int(i)] => Ok(V::Int(*i)),
                [V::Str(s)] => s.trim().parse().map(V::Int).map_err(|_| ()),
                [V::Bool(b)] => Ok(V::Int(*b as i64)),
                _ => Err(()),
            },
            "str" => match self.args(e)?.as_slice() {
                [v] => Ok(V::Str(v.show())),
                _ => Err(()),
            },
            name => self.vars.get(name).cloned().ok_or(()),
        }
    }

    fn block(&mut self, lines: &[Line]) -> R<Flow> {
        let mut i = 0;
        while i < lines.len() {
            self.steps += 1;
            if self.steps > 10_000 {
                return Err(());
            }
            let (indent, text) = &lines[i];
            let text = text.as_str();
            if text.starts_with("import ") || text.starts_with("from ") || text == "pass" {
                i += 1;
                continue;
            }
            if let Some(cond) = text.strip_prefix("if ").and_then(|c| c.strip_suffix(':')) {
                // Gather the if/elif/else chain.
                let mut branches: Vec<(Option<String>, Vec<Line>)> = Vec::new();
                let mut cur_cond = Some(cond.to_string());
                i += 1;
                loop {
                    let start = i;
                    while i < lines.len() && lines[i].0 > *indent {
                        i += 1;
                    }
                    if start == i {
                        return Err(());
                    }
                    branches.push((cur_cond.take(), lines[start..i].to_vec()));
                    match lines.get(i) {
                        Some((ind, t))
                            if ind == indent && t.starts_with("elif ") && t.ends_with(':') =>
                        {
                            cur_cond = Some(t[5..t.len() - 1].to_string());
                            i += 1;
                        }
                        Some((ind, t)) if ind == indent && t == "else:" => {
                            i += 1;
                            let start = i;
                            while i < lines.len() && lines[i].0 > *indent {
                                i += 1;
                            }
                            branches.push((None, lines[start..i].to_vec()));
                            break;
                        }
                        _ => break,
                    }
                }
                for (cond, body) in branches {
                    let take = match cond {
                        Some(c) => self.eval(&tokens(&c)?)?.truthy(),
                        None => true,
                    };
                    if take {
                        if let Flow::Exit(code) = self.block(&body)? {
                            return Ok(Flow::Exit(code));
                        }
                        break;
                    }
                }
                continue;
            }
            let toks = tokens(text)?;
            match toks.first().map(|s| s.as_str()) {
                Some("print") => {
                    let mut e = Expr {
                        toks: &toks[1..],
                        pos: 0,
                    };
                    let args = self.args(&mut e)?;
                    if e.pos != toks.len() - 1 {
                        return Err(());
                    }
                    let line = args.iter().map(V::show).collect::<Vec<_>>().join(" ");
                    self.lines.push((self.t, line));
                }
                Some("sys.exit" | "exit" | "quit") => {
                    let mut e = Expr {
                        toks: &toks[1..],
                        pos: 0,
                    };
                    let args = self.args(&mut e)?;
                    let code = match args.first() {
                        None | Some(V::None) => 0,
                        Some(V::Int(i)) => i.rem_euclid(256) as i32,
                        Some(V::Bool(b)) => *b as i32,
                        Some(V::Str(s)) => {
                            self.lines.push((self.t, s.clone()));
                            1
                        }
                    };
                    return Ok(Flow::Exit(code));
                }
                Some("time.sleep") => {
                    let mut e = Expr {
                        toks: &toks[1..],
                        pos: 0,
                    };
                    match self.args(&mut e)?.first() {
                        Some(V::Int(s)) if *s >= 0 => {
                            self.t += (*s as u64).min(10 * 365 * 86_400) * 1000
                        }
                        _ => return Err(()),
                    }
                }
                Some(name)
                    if toks.get(1).map(|s| s.as_str()) == Some("=") && !name.contains('.') =>
                {
                    let v = self.eval(&toks[2..])?;
                    self.vars.insert(name.to_string(), v);
                }
                _ => return Err(()),
            }
            i += 1;
        }
        Ok(Flow::Next)
    }
}

/// Run a `python3 -c` script; `None` when it uses something this reader does not know.
pub fn run(script: &str, env: &BTreeMap<String, String>) -> Option<PyOutcome> {
    let mut lines = Vec::new();
    for raw in script.lines() {
        let body = raw.trim_end();
        let text = body.trim_start();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        if raw.contains('\t') {
            return None;
        }
        lines.push((body.len() - text.len(), text.to_string()));
    }
    // Statements joined with `;` on one line.
    let mut split = Vec::new();
    for (ind, text) in lines {
        if text.contains(';') && !text.contains('"') && !text.contains('\'') {
            for part in text.split(';') {
                if !part.trim().is_empty() {
                    split.push((ind, part.trim().to_string()));
                }
            }
        } else {
            split.push((ind, text));
        }
    }
    let mut py = Py {
        env,
        vars: BTreeMap::new(),
        t: 0,
        lines: Vec::new(),
        steps: 0,
    };
    let flow = py.block(&split).ok()?;
    let exit_code = match flow {
        Flow::Exit(c) => c,
        Flow::Next => 0,
    };
    Some(PyOutcome {
        run_ms: py.t,
        exit_code,
        lines: py.lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(i: &str) -> BTreeMap<String, String> {
        [("JOB_COMPLETION_INDEX".to_string(), i.to_string())]
            .into_iter()
            .collect()
    }

    const BLPI: &str = "import os, sys\nprint(\"Hello world\")\nif int(os.environ.get(\"JOB_COMPLETION_INDEX\")) % 2 == 0:\n  sys.exit(1)\n";
    const FAILINDEX: &str = "import os, sys\nindex = int(os.environ.get(\"JOB_COMPLETION_INDEX\"))\nif index == 0:\n  sys.exit(1)\nelif index == 1:\n  sys.exit(42)\nelse:\n  sys.exit(0)\n";

    #[test]
    fn documentation_scripts() {
        let o = run(BLPI, &env("4")).unwrap();
        assert_eq!((o.exit_code, o.lines[0].1.as_str()), (1, "Hello world"));
        assert_eq!(run(BLPI, &env("3")).unwrap().exit_code, 0);
        assert_eq!(run(FAILINDEX, &env("0")).unwrap().exit_code, 1);
        assert_eq!(run(FAILINDEX, &env("1")).unwrap().exit_code, 42);
        assert_eq!(run(FAILINDEX, &env("2")).unwrap().exit_code, 0);
        let sp = "import os, sys\nif os.environ.get(\"JOB_COMPLETION_INDEX\") == \"2\":\n  sys.exit(0)\nelse:\n  sys.exit(1)\n";
        assert_eq!(run(sp, &env("2")).unwrap().exit_code, 0);
        assert_eq!(run(sp, &env("5")).unwrap().exit_code, 1);
        let o = run(
            "import time\ntime.sleep(3)\nprint('done', 1 + 2)",
            &env("0"),
        )
        .unwrap();
        assert_eq!((o.run_ms, o.lines[0].1.as_str()), (3000, "done 3"));
    }

    #[test]
    fn unknown_python_is_not_guessed() {
        assert!(run("import numpy\nnumpy.zeros(3)", &env("0")).is_none());
        assert!(run("for i in range(3):\n  print(i)", &env("0")).is_none());
        assert!(run("if x:\n", &env("0")).is_none());
    }
}
