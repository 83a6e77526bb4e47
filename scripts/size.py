#!/usr/bin/env python3
"""The page's download size, measured on the built site (dist/).

Prints, for every file the page downloads, its raw and gzip -9 bytes, split into
what the first paint needs, what the live page needs on top of it (the wasm and its
glue), and what the page fetches after it (and what it fetches only on demand); the
page's total against the budget, the first paint against the goal, the editor's own
share, and the difference against the record committed in benches/size-record.txt.

The first paint is static when dist/index.html holds the prerendered view
(scripts/prerender.mjs: a <template id="paint-en"> with a pod card in it): the
browser then paints the playground from index.html and its stylesheets alone, and
the wasm and its glue count as "interactive". Without the prerender (a build without
Chromium), nothing renders before the wasm runs, so they count in the first paint. Then a breakdown of the wasm's code by crate and module
(with twiggy, if installed), so the next person sees where the bytes go.

    scripts/size.py            measure dist/ (build it first: make dist; make size does both)
    scripts/size.py --record   also rewrite benches/size-record.txt with the figures
    scripts/size.py --check    exit 1 if the page's total is over the budget (make test)

It asserts nothing else: figures, not timings. Standard library only; uses the
system's gzip -9 -n, so the figures are what `gzip -9` gives.
"""

import argparse
import collections
import csv
import io
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RECORD = os.path.join(ROOT, "benches", "size-record.txt")
DIST = os.path.join(ROOT, "dist")

# The budget for everything the page downloads (gzip), and the goal for the first paint.
BUDGET = 350_000  # 350 KB
GOAL_FIRST_PAINT = 140 * 1024  # 140 KiB

# When the page downloads each file of dist/. A file that is in none of these lists
# stops the script: a new file must be placed in one, so that no byte goes uncounted.
# What the browser needs before it paints the prerendered view (plus any stylesheet
# or classic script index.html's <head> blocks on, see blocking()).
FIRST_PAINT = [
    "index.html",
    "style.css",
]
# What the live page needs on top of it: the wasm and the scripts that start it
# (module scripts: they run after the first paint). In the first paint when
# index.html has no prerendered view.
INTERACTIVE = [
    "boot.js",
    "glue.js",
    "jobplay.js",
    "jobplay_bg.wasm",
]
# Fetched by the page on its own once it runs (the editor), unless index.html's <head>
# links it: then it is first paint (see blocking()).
AFTER_FIRST_PAINT = [
    "editor.js",
    "editor.css",
    "favicon.svg",
    "sw.js",
]
# Fetched only when a text needs it: the time-zone table when one names a time zone.
# Not in the page's total: most visits never fetch it. Also listed, and not counted:
# files of dist/ the page never fetches (the sample YAML of www/examples/, for people
# and the editor's tests). (pattern, label, when)
ON_DEMAND = [
    (re.compile(r"^tzdata\.bin$"), "tzdata.bin", "when a text names a time zone"),
    (re.compile(r"^examples/[^/]+\.yaml$"), "examples/*.yaml", "never (sample files)"),
    (re.compile(r"^try-it\.js$"), "try-it.js", "never (the script for documentation pages)"),
]
EDITOR = ["editor.js", "editor.css"]


def gzip_size(path):
    with open(path, "rb") as f:
        out = subprocess.run(["gzip", "-9", "-n", "-c"], stdin=f, capture_output=True, check=True)
    return len(out.stdout)


def measure(dist):
    """{relative path: (raw, gzip)} for every file of dist/."""
    sizes = {}
    for base, _, files in os.walk(dist):
        for name in files:
            path = os.path.join(base, name)
            rel = os.path.relpath(path, dist).replace(os.sep, "/")
            sizes[rel] = (os.path.getsize(path), gzip_size(path))
    return sizes


def index_html(dist):
    try:
        with open(os.path.join(dist, "index.html"), encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return ""


def blocking(dist):
    """What index.html makes the browser fetch before it paints: stylesheets and
    classic scripts without async or defer (so a file moved into or out of the <head>
    moves here too). Module scripts and module preloads do not hold the paint back."""
    found = set()
    for tag in re.findall(r"<(?:link|script)\b[^>]*>", index_html(dist)):
        rel = re.search(r'\brel="([^"]*)"', tag)
        url = re.search(r'\b(?:href|src)="\./([^"?#]+)"', tag)
        if not url:
            continue
        if tag.startswith("<script"):
            if not re.search(r'\b(?:async|defer)\b|type="module"', tag):
                found.add(url.group(1))
        elif rel and rel.group(1) == "stylesheet":
            found.add(url.group(1))
    return found


def prerendered(dist):
    """Whether dist/index.html holds the prerendered first view (scripts/prerender.mjs)."""
    html = index_html(dist)
    m = re.search(r'<template id="paint-en">(.*?)</template>', html, re.S)
    return bool(m and 'class="pod-card' in m.group(1))


def classify(sizes, dist):
    """(first paint, interactive, after, on demand, unknown): the interactive group is
    empty when there is no prerender, its files then count in the first paint."""
    first, live, after, demand, unknown = {}, {}, {}, {}, []
    head = blocking(dist)
    static = prerendered(dist)
    for rel, s in sizes.items():
        if rel in FIRST_PAINT or rel in head:
            first[rel] = s
        elif rel in INTERACTIVE:
            (live if static else first)[rel] = s
        elif rel in AFTER_FIRST_PAINT:
            after[rel] = s
        elif any(p.match(rel) for p, _, _ in ON_DEMAND):
            demand[rel] = s
        else:
            unknown.append(rel)
    return first, live, after, demand, unknown


def total(group):
    return (sum(r for r, _ in group.values()), sum(g for _, g in group.values()))


def figures(sizes):
    """The recorded lines: every file, then the totals, as (key, raw, gzip)."""
    order = FIRST_PAINT + INTERACTIVE + AFTER_FIRST_PAINT
    first, live, after, demand, _ = classify(sizes, DIST)
    rows = []
    for label, group in (("first-paint", first), ("interactive", live), ("after-first-paint", after)):
        for rel in sorted(group, key=lambda r: (order.index(r) if r in order else len(order), r)):
            rows.append((f"{label}:{rel}", *group[rel]))
    for pattern, name, _ in ON_DEMAND:
        files = {k: v for k, v in demand.items() if pattern.match(k)}
        if files:
            rows.append((f"on-demand:{name}", *total(files)))
    both = dict(first, **live)
    rows.append(("total:first-paint", *total(first)))
    rows.append(("total:interactive", *total(both)))
    rows.append(("total:after-first-paint", *total(after)))
    rows.append(("total:page", *[a + b for a, b in zip(total(both), total(after))]))
    rows.append(("total:editor", *total({k: v for k, v in sizes.items() if k in EDITOR})))
    rows.append(("total:on-demand", *total(demand)))
    return rows


def read_record():
    rec = {}
    try:
        with open(RECORD, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3 and not line.startswith("#"):
                    rec[parts[0]] = (int(parts[1]), int(parts[2]))
    except FileNotFoundError:
        pass
    return rec


def write_record(rows):
    with open(RECORD, "w", encoding="utf-8") as f:
        f.write("# The page's download size: raw bytes and gzip -9 bytes of every file of dist/,\n")
        f.write("# by when the page fetches it, and the totals. Written by `scripts/size.py --record`\n")
        f.write("# (make size-record) after a change that moves them; a diff here shows growth.\n")
        f.write(f"# Budget for total:page {BUDGET} B gzip; goal for total:first-paint {GOAL_FIRST_PAINT} B gzip.\n")
        for key, raw, gz in rows:
            f.write(f"{key:<44} {raw:>9} {gz:>8}\n")


def kb(n):
    return f"{n / 1000:,.1f} KB"


def signed(n):
    return f"{n:+,}" if n else "0"


def report(sizes):
    first, live, after, demand, _ = classify(sizes, DIST)
    static = prerendered(DIST)
    rec = read_record()
    out = []
    w = out.append
    w(f"{'download size of dist/':<40} {'raw B':>10} {'gzip -9 B':>10}   {'vs record (gzip)':>16}")

    def line(label, key, raw, gz, indent="  "):
        old = rec.get(key)
        diff = signed(gz - old[1]) if old else "new"
        w(f"{indent}{label:<{38 - len(indent) + 2}} {raw:>10,} {gz:>10,}   {diff:>16}")

    groups = [
        ("first paint, static: the prerendered view (index.html and its stylesheet)" if static else
         "first paint (no prerendered view in index.html: nothing renders before the wasm runs)",
         "first-paint", first, "first-paint"),
    ]
    if static:
        groups.append(("interactive: the live page on top of it (the wasm and its glue)",
                       "interactive", live, "interactive"))
    groups.append(("after first paint (fetched once the page runs)", "after-first-paint", after,
                   "after-first-paint"))
    for title, label, group, tkey in groups:
        w(title)
        for key, raw, gz in figures(sizes):
            if key.startswith(label + ":"):
                line(key.split(":", 1)[1], key, raw, gz)
        if label == "interactive":
            line("total with the first paint", "total:interactive", *total(dict(first, **live)), indent="  = ")
        else:
            line("total", f"total:{tkey}", *total(group), indent="  = ")
    w("on demand, or never (not in the page's total)")
    for pattern, label, when in ON_DEMAND:
        files = {k: v for k, v in demand.items() if pattern.match(k)}
        if not files:
            continue
        raw, gz = total(files)
        key = f"on-demand:{label}"
        old = rec.get(key)
        diff = signed(gz - old[1]) if old else "new"
        name = label if len(files) == 1 else f"{label} ({len(files)} files)"
        w(f"  {name:<38} {raw:>10,} {gz:>10,}   {diff:>16}   {when}")
    rows = dict((k, (r, g)) for k, r, g in figures(sizes))
    page = rows["total:page"][1]
    fp = rows["total:first-paint"][1]
    live_total = rows["total:interactive"][1]
    ed = rows["total:editor"][1]
    w("")
    verdict = "under" if page <= BUDGET else "OVER"
    w(f"page total (first paint + after it): {page:,} B gzip = {kb(page)}; budget {kb(BUDGET)}: "
      f"{verdict} by {abs(BUDGET - page):,} B")
    verdict = "under" if fp <= GOAL_FIRST_PAINT else "over"
    kind = "static, prerendered" if static else "waits for the wasm: no prerender"
    w(f"first paint ({kind}): {fp:,} B gzip = {fp / 1024:,.1f} KiB; goal 140 KiB: "
      f"{verdict} by {abs(GOAL_FIRST_PAINT - fp):,} B")
    w(f"interactive (the wasm running): {live_total:,} B gzip = {live_total / 1024:,.1f} KiB")
    late = all(e not in first for e in EDITOR)
    w(f"the editor's own share (editor.js + editor.css): {ed:,} B gzip, "
      f"{100 * ed / page if page else 0:.1f} % of the page, "
      + ("all of it after the first paint" if late else
         "partly in the first paint (" + ", ".join(e for e in EDITOR if e in first) + ")"))
    if not rec:
        w(f"no record yet: scripts/size.py --record writes {os.path.relpath(RECORD, ROOT)}")
    else:
        old_page = rec.get("total:page", (0, 0))[1]
        w(f"against the record ({os.path.relpath(RECORD, ROOT)}): page {signed(page - old_page)} B gzip"
          + ("  <- grew: if this is meant, update the record (make size-record)" if page > old_page else ""))
    return "\n".join(out)


# --- where the wasm's bytes go -------------------------------------------------------

def group_of(name):
    if name.startswith("data segment"):
        return "(data: strings, tables, panic locations)"
    m = re.search(r"(?:^|[<&\s(])([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::([A-Za-z_][A-Za-z0-9_]*)", name)
    if re.match(r"^<(str|char|\[[^\]]*\]|[iuf](8|16|32|64|128|size))>::", name):
        return "core"  # <str>::to_lowercase, <u128>::_fmt_inner: methods of primitive types
    if not m:
        return "(other)"
    crate = m.group(1)
    if crate == "jobplay":
        return "jobplay::" + m.group(2)
    return crate


def named_wasm(wasm, cache):
    """The shipped wasm with its function names: wasm-bindgen, then wasm-opt as the build
    runs it plus -g. Cached by the hash of the input and of scripts/wasm-opt.sh (the wasm-opt run takes about 20 s)."""
    import hashlib
    h = hashlib.sha256()
    for path in (wasm, os.path.join(ROOT, "scripts", "wasm-opt.sh")):
        with open(path, "rb") as f:
            h.update(f.read())
    key = h.hexdigest()
    named = os.path.join(cache, "jobplay_bg.named.wasm")
    stamp = os.path.join(cache, "stamp")
    try:
        with open(stamp, encoding="utf-8") as f:
            if f.read().strip() == key and os.path.exists(named):
                return named
    except FileNotFoundError:
        pass
    os.makedirs(cache, exist_ok=True)
    subprocess.run(["wasm-bindgen", "--target", "web", "--no-typescript", "--out-dir", cache, wasm],
                   check=True)
    subprocess.run([os.path.join(ROOT, "scripts", "wasm-opt.sh"), "-g", "-o", named,
                    os.path.join(cache, "jobplay_bg.wasm")], check=True)
    with open(stamp, "w", encoding="utf-8") as f:
        f.write(key)
    return named


def breakdown(wasm, cache, top=24):
    twiggy = shutil.which("twiggy")
    if not twiggy:
        return ("breakdown by crate: skipped, twiggy is not installed "
                "(cargo install twiggy --version 0.8.0 --locked)")
    if not os.path.exists(wasm) or not shutil.which("wasm-bindgen"):
        return f"breakdown by crate: skipped, {wasm} or wasm-bindgen is missing (make dist builds it)"
    wasm = named_wasm(wasm, cache)
    out = subprocess.run([twiggy, "top", "-n", "1000000", "-f", "csv", wasm],
                         capture_output=True, text=True, check=True).stdout
    agg, n = collections.Counter(), collections.Counter()
    for row in csv.DictReader(io.StringIO(out)):
        name = row["Name"]
        # Names, wasm-bindgen's own sections and its describe functions are not in the
        # shipped wasm (wasm-bindgen removes them, wasm-opt drops the names).
        if (name.startswith('"') or name.startswith("custom section") or "__wbindgen_describe" in name
                or name.startswith("export ") or name.startswith("import ")):
            continue
        g = group_of(name)
        agg[g] += int(row["ShallowSize"])
        n[g] += 1
    whole = sum(agg.values())
    lines = [f"where the wasm's bytes go, by crate and jobplay module (twiggy on the shipped wasm "
             f"with its names kept, {whole:,} B; after inlining, so a function's bytes count where "
             f"it was inlined):"]
    rest = whole
    for g, b in agg.most_common(top):
        lines.append(f"  {b:>9,} B {100 * b / whole:5.1f} %  {n[g]:>5} items  {g}")
        rest -= b
    lines.append(f"  {rest:>9,} B {100 * rest / whole:5.1f} %         everything else")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dist", default=os.path.join(ROOT, "dist"))
    ap.add_argument("--record", action="store_true", help=f"rewrite {RECORD}")
    ap.add_argument("--check", action="store_true", help="exit 1 if the page is over the budget")
    ap.add_argument("--no-breakdown", action="store_true")
    args = ap.parse_args()
    global DIST
    DIST = args.dist
    if not os.path.isfile(os.path.join(args.dist, "jobplay_bg.wasm")):
        sys.exit(f"size: {args.dist} has no built page; run make dist (or make size)")
    sizes = measure(args.dist)
    unknown = classify(sizes, DIST)[4]
    if unknown:
        sys.exit("size: files of dist/ the script does not know when the page fetches: "
                 + ", ".join(sorted(unknown)) + " (add them to scripts/size.py)")
    print(report(sizes))
    if not args.no_breakdown:
        target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
        print()
        print(breakdown(os.path.join(target, "wasm32-unknown-unknown", "web", "jobplay.wasm"),
                        os.path.join(target, "size")))
    figures_file = os.environ.get("BENCH_FIGURES")
    if figures_file:
        # make bench's summary table (scripts/bench-summary.mjs): area, figure, measured, goal, met.
        rows = dict((k, g) for k, _, g in figures(sizes))
        page, fp, live, ed = (rows["total:page"], rows["total:first-paint"],
                              rows["total:interactive"], rows["total:editor"])
        kind = "static, prerendered" if prerendered(args.dist) else "no prerender: waits for the wasm"
        with open(figures_file, "a", encoding="utf-8") as f:
            f.write(f"Download (gzip -9)\tthe whole page (wasm, JS, CSS, HTML)\t{kb(page)}\t"
                    f"< {kb(BUDGET)}\t{'met' if page <= BUDGET else 'NOT met'}\n")
            f.write(f"Download (gzip -9)\tfirst paint ({kind})\t{fp / 1024:,.1f} KiB\t< 140 KiB\t"
                    f"{'met' if fp <= GOAL_FIRST_PAINT else 'NOT met'}\n")
            f.write(f"Download (gzip -9)\tinteractive (the wasm running); the editor's share, after it\t"
                    f"{live / 1024:,.1f} KiB; editor {kb(ed)}\t(reported)\t-\n")
    if args.record:
        write_record(figures(sizes))
        print(f"recorded in {os.path.relpath(RECORD, ROOT)}")
    if args.check:
        page = dict((k, g) for k, _, g in figures(sizes))["total:page"]
        if page > BUDGET:
            sys.exit(f"size: the page is {page:,} B gzip, over the budget of {BUDGET:,} B")
        print(f"size check: {page:,} B gzip is within the budget of {BUDGET:,} B")


if __name__ == "__main__":
    main()
