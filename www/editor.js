// A small YAML editor over a <textarea>, no dependencies. Design notes and
// tests: tests/js/README.md.

const BOOL = /^(?:[yYnN]|[yY]es|YES|[nN]o|NO|[tT]rue|TRUE|[fF]alse|FALSE|[oO]n|ON|[oO]ff|OFF)$/;
const NUL = /^(?:~|[nN]ull|NULL)$/;
const NUM = /^(?:[-+]?(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][-+]?\d+)?|0x[\da-fA-F_]+|0o[0-7_]+|0b[01_]+|[-+]?\.(?:[iI]nf|INF)|\.(?:nan|NaN|NAN))$/;
const FLOW = ',[]{}';
const PAIR = { '[': ']', '{': '}', '"': '"', "'": "'" };
const sp = (c) => c === ' ' || c === '\t';
const MARGIN = 20; // lines drawn around the view
const LONG = 1e4; // longer lines stay plain

function quoteEnd(s, i, q) {
  for (; i < s.length; i++) {
    if (q === '"' && s[i] === '\\') i++;
    else if (s[i] === q) {
      if (q === "'" && s[i + 1] === q) i++;
      else return i + 1;
    }
  }
  return -1;
}

// One line's tokens [[from, to, type]] and the state after it: 0 plain; >0 flow
// depth * 4 + (1 in "…", 2 in '…'); <0 in a block scalar indented past -state - 2.

export function tokenizeLine(s, state = 0) {
  const t = [], n = s.length;
  const put = (a, b, type) => type && b > a && t.push([a, b, type]);
  const out = (st) => ({ tokens: t, state: st });
  let i = 0;
  while (s[i] === ' ') i++;
  if (state < 0) {
    if (i === n || i > -state - 2) return put(i, n, 'str'), out(state);
    state = 0;
  }
  let flow = state >> 2, start = !flow, tag = '', owner = i - 1, j, k;
  if (state & 3) {
    i = quoteEnd(s, 0, state & 1 ? '"' : "'");
    if (i < 0) return put(0, n, 'str'), out(state);
    put(0, i, 'str');
    start = false;
  } else if (!flow && /^(---|\.\.\.)(?!\S)/.test(s)) put(0, (i = 3), 'doc'), (owner = -1);
  while (i < n) {
    const c = s[i], nx = s[i + 1], ends = i + 1 === n || sp(nx);
    j = i + 1;
    if (sp(c)) { i++; continue; }
    if (c === '#' && (!i || sp(s[i - 1]))) return put(i, n, 'com'), out(flow * 4);
    if (start && '-?:'.includes(c) && ends) {
      put(i, j, c === '-' ? 'dash' : 'punct');
      owner = i++;
      continue;
    }
    start = false;
    if (c === ':' && (ends || (flow && FLOW.includes(nx)))) {
      put(i, j, 'punct');
    } else if ('&*!'.includes(c)) {
      while (j < n && !sp(s[j]) && !FLOW.includes(s[j])) j++;
      put(i, j, c === '!' ? 'tag' : c === '&' ? 'anchor' : 'alias');
      if (c === '!') tag = s.slice(i, j);
    } else if (c === '"' || c === "'") {
      j = quoteEnd(s, j, c);
      if (j < 0) return put(i, n, 'str'), out(flow * 4 + (c === '"' ? 1 : 2));
      for (k = j; sp(s[k]); ) k++;
      put(i, j, s[k] === ':' ? 'key' : 'str');
    } else if ('[{'.includes(c) || (flow && FLOW.includes(c))) {
      flow += '[{'.includes(c) ? 1 : c === ',' ? 0 : -1;
      put(i, j, 'punct');
    } else {
      if ((c === '|' || c === '>') && !flow) {
        while (/[-+\d]/.test(s[j] || '')) j++;
        for (k = j; sp(s[k]); ) k++;
        if (k === n || (s[k] === '#' && k > j)) return put(i, j, 'block'), put(k, n, 'com'), out(-owner - 2);
      }
      for (j = i; j < n; j++) {
        const d = s[j], e = s[j + 1];
        if (d === ':' && (j + 1 === n || sp(e) || (flow && FLOW.includes(e)))) break;
        if ((d === '#' && sp(s[j - 1])) || (flow && FLOW.includes(d))) break;
      }
      for (k = j; sp(s[k - 1]); ) k--;
      const w = s.slice(i, k), key = s[j] === ':';
      if (key) owner = i;
      put(i, k, key ? 'key' : tag === '!!str' ? 'str' : tag ? '' : BOOL.test(w) ? 'bool' : NUL.test(w) ? 'null' : NUM.test(w) ? 'num' : '');
      tag = '';
    }
    i = j;
  }
  return out(flow * 4);
}

/** What Enter inserts after `before`, the line up to the caret. */
export function newlineText(before) {
  const [, ind, dashes, body] = /^( *)((?:-(?: +|$))*)(.*)$/.exec(before);
  const rest = body.replace(/(^|\s)#.*$/, '').trim();
  const col = ind.length + dashes.replace(/-$/, '- ').length;
  const pad = (k) => '\n' + ' '.repeat(k);
  const block = /^[|>][-+\d]*$/.test(rest);
  if (/:$|:\s+[|>][-+\d]*$/.test(rest)) return pad((dashes ? col : ind.length) + 2);
  if (!dashes) return pad(ind.length + (block ? 2 : 0));
  if (!rest || block || /^("[^"]*"|'[^']*'|[^\s#'"{[][^#]*?)\s*:(\s|$)/.test(rest)) return pad(col);
  return pad(ind.length + dashes.lastIndexOf('-')) + '- ';
}

/** Tab (dir 1) or Shift+Tab (-1) on whole lines; first/total: how far they moved. */
export function shiftLines(block, dir) {
  let first = 0, total = 0;
  const text = block
    .split('\n')
    .map((l, k) => {
      const d = dir > 0 ? (l.trim() ? 2 : 0) : 0 - Math.min(2, /^ */.exec(l)[0].length);
      if (!k) first = d;
      total += d;
      return d > 0 ? '  ' + l : l.slice(-d);
    })
    .join('\n');
  return { text, first, total };
}

/** Spaces Backspace removes after `before` (0: a normal Backspace). */
export const backspaceWidth = (before) => (/^ +$/.test(before) ? before.length % 2 || 2 : 0);

/** The closer to insert after typing `ch` between `prev` and `next`, or ''. */
export function autoClose(ch, prev = '', next = '') {
  const c = PAIR[ch];
  return !c || (next && !/[\s\]}),:]/.test(next)) || (ch === c && /[\p{L}\p{N}_'"]/u.test(prev)) ? '' : c;
}

/** Lengths of the common prefix and suffix of a and b. */
export function diffText(a, b) {
  const A = a.length, B = b.length, m = Math.min(A, B);
  let p = 0, q = 0, k;
  for (k = 65536; k; k >>= 4) while (p + k <= m && a.slice(p, p + k) === b.slice(p, p + k)) p += k;
  for (k = 65536; k; k >>= 4) while (q + k <= m - p && a.slice(A - q - k, A - q) === b.slice(B - q - k, B - q)) q += k;
  return [p, q];
}

function nextState(l, s) {
  if (s < 0) {
    const k = /^ */.exec(l)[0].length;
    if (k === l.length || k > -s - 2) return s;
    s = 0;
  }
  return l.length > LONG || !/["'|>[\]{}]/.test(l) ? s : tokenizeLine(l, s).state;
}

const WORDS = {
  en: ['Tab indents · Esc then Tab leaves the editor', 'Tab now leaves the editor', 'Error', 'Warning'],
  ko: ['Tab은 들여쓰기 · Esc 다음 Tab으로 편집기를 벗어납니다', '이제 Tab으로 편집기를 벗어납니다', '오류', '경고'],
};
const live = new Map();
let seq = 0;

function el(tag, cls, text, parent) {
  const e = document.createElement(tag);
  e.className = cls;
  if (text != null) e.textContent = text;
  return parent ? parent.appendChild(e) : e;
}

/** enhance(textarea, { onRun?, lang? }) -> { refresh(), setDiagnostics(list), destroy() } */
export function enhance(ta, options = {}) {
  if (live.has(ta)) return live.get(ta);
  const off = new AbortController(), undo = [];
  let dead = 0;
  const handle = { refresh() {}, setDiagnostics() {}, destroy };
  function destroy() {
    if (dead++) return;
    live.delete(ta);
    off.abort();
    for (const f of undo.reverse()) {
      try { f(); } catch {}
    }
  }
  const guard = (f) => (...a) => {
    if (!dead) {
      try { return f(...a); } catch (e) {
        console.warn('editor.js: falling back to the plain textarea', e);
        destroy();
      }
    }
  };
  const on = (t, type, f) => t.addEventListener(type, guard(f), { signal: off.signal });
  live.set(ta, handle);
  guard(build)();
  return handle;

  function build() {
    const lang = () => WORDS[(options.lang || ta.closest('[lang]')?.lang || '').slice(0, 2)] || WORDS.en;
    const root = el('div', 'ed-root');
    const frame = el('div', 'ed-frame', null, root);
    const gut = el('div', 'ed-gutter', null, frame);
    const gin = el('div', 'ed-gin', null, gut);
    const code = el('div', 'ed-code', null, frame);
    const pre = el('pre', 'ed-pre', null, code);
    const probe = el('span', 'ed-probe', '0000000000', frame);
    const tip = el('div', 'ed-tip', null, root);
    const hint = el('div', 'ed-hint');
    const hid = (hint.id = 'ed-hint-' + ++seq);
    root.setAttribute('aria-hidden', 'true');
    hint.setAttribute('aria-live', 'polite');
    tip.hidden = true;
    ta.before(root);
    ta.after(hint);
    undo.push(() => {
      root.remove();
      hint.remove();
      ta.removeAttribute('data-ed');
      for (const p of ['--ed-lh', '--ed-gw']) ta.style.removeProperty(p);
    });
    // The page's line height, in whole pixels so lines cannot drift apart.
    const cs0 = getComputedStyle(ta);
    const lh = Math.round(parseFloat(cs0.lineHeight) || parseFloat(cs0.fontSize) * 1.5);
    const radius = cs0.borderTopLeftRadius;
    gut.style.borderWidth = `${cs0.borderTopWidth} 0 ${cs0.borderBottomWidth} ${cs0.borderLeftWidth}`;
    gut.style.borderRadius = `${radius} 0 0 ${radius}`;
    frame.style.borderRadius = radius;
    for (const e of [ta, root]) e.style.setProperty('--ed-lh', lh + 'px');
    ta.setAttribute('data-ed', '');

    // Line start offsets; tokenizer state at each line start, known up to `valid`.
    let text = '', starts = [0], st = [0], valid = 0, toks = new Map(), diags = [];
    let closers = []; // where we inserted closers
    let esc = false, tipLine = -1, raf = 0, dirty = 1, rf = 0, rl = -1, m = {}, cw = 0;
    undo.push(() => cancelAnimationFrame(raf));

    const lineEnd = (i) => (i + 1 < starts.length ? starts[i + 1] - 1 : text.length);
    const lineText = (i) => text.slice(starts[i], lineEnd(i));
    const lineAt = (o) => {
      let lo = 0, hi = starts.length - 1, mid;
      while (lo < hi) starts[(mid = (lo + hi + 1) >> 1)] <= o ? (lo = mid) : (hi = mid - 1);
      return lo;
    };
    const stateAt = (i) => {
      for (; valid < i; valid++) st[valid + 1] = nextState(lineText(valid), st[valid]);
      return st[i];
    };

    function sync() {
      const v = ta.value;
      if (v === text) return;
      const [p, q] = diffText(text, v), a = lineAt(p), b = lineAt(text.length - q), d = v.length - text.length, ns = [];
      for (let k = v.indexOf('\n', starts[a]); k >= 0 && k < lineEnd(b) + d; k = v.indexOf('\n', k + 1)) ns.push(k + 1);
      const grow = ns.length - (b - a), old = valid > b ? valid + grow : Math.min(valid, a);
      starts = starts.slice(0, a + 1).concat(ns, starts.slice(b + 1));
      for (let k = a + 1 + ns.length; k < starts.length; k++) starts[k] += d;
      st = st.slice(0, a + 1).concat(ns.map(() => 0), st.slice(b + 1));
      closers = closers.flatMap((o) => (o >= text.length - q ? [o + d] : o < p ? [o] : []));
      for (const g of diags) g.l = g.l > b ? g.l + grow : g.l > a ? Math.min(g.l, a + ns.length) : g.l;
      if (String(starts.length).length !== String(starts.length - grow).length) gutter(), (m = {});
      text = v;
      // Redo states until they meet the old ones.
      let j = (valid = Math.min(valid, a));
      for (let k = 0; j < starts.length - 1 && k < 2000; k++) {
        const s = nextState(lineText(j), st[j]);
        if (++j > a + ns.length && j <= old && st[j] === s) {
          j = old;
          break;
        }
        st[j] = s;
      }
      valid = j;
      if (toks.size > 4000) toks = new Map();
      dirty = 1;
      schedule();
    }

    // Reads before writes: one layout of a 3 MB textarea takes a second.
    const set = (e, k, v) => e.style[k] !== v && (e.style[k] = v);
    function gutter() {
      const gw = Math.ceil(cw * Math.max(2, String(starts.length).length) + 28);
      if (ta.style.getPropertyValue('--ed-gw') !== gw + 'px') ta.style.setProperty('--ed-gw', gw + 'px');
      return gw;
    }
    function layout(measure) {
      const cs = getComputedStyle(ta), px = (k) => parseFloat(cs[k]) || 0;
      for (const k of 'fontFamily fontSize fontWeight fontStyle letterSpacing wordSpacing tabSize'.split(' ')) set(frame, k, cs[k]);
      if (measure || !cw) cw = probe.getBoundingClientRect().width / 10 || 8;
      const gw = gutter(), r = ta.getBoundingClientRect(), ar = root.getBoundingClientRect();
      m = { gw, pt: px('paddingTop'), pl: px('paddingLeft'), bt: px('borderTopWidth'), bl: px('borderLeftWidth'), x: r.left - ar.left - gw, y: r.top - ar.top, w: ta.clientWidth, h: ta.clientHeight };
      const box = (e, o) => Object.entries(o).forEach(([k, v]) => set(e, k, v + 'px'));
      box(frame, { left: m.x, top: m.y, width: r.width + gw, height: r.height });
      box(gut, { width: gw });
      box(code, { left: gw + m.bl, top: m.bt, width: m.w, height: m.h });
      dirty = 1;
    }

    const byLine = () => {
      const map = new Map();
      for (const g of diags) {
        const l = Math.min(g.l, starts.length - 1);
        map.set(l, [...(map.get(l) || []), g]);
      }
      return map;
    };
    const worst = (ds) => (ds.some((g) => !g.w) ? 'e' : 'w');
    const say = (g) => `${lang()[g.w ? 3 : 2]}: ${g.m}`;

    // One line: text nodes and spans, never HTML.
    function lineNode(i, ds) {
      const s = lineText(i), div = el('div', '');
      let u = -1, box = div, at = 0, t = [], w = ds && worst(ds);
      for (const g of ds || []) {
        let c = g.c < 0 ? /^ */.exec(s)[0].length : g.c;
        if (/[\uD800-\uDFFF]/.test(s)) c = [...s].slice(0, c).join('').length; // code points
        u = Math.min(u < 0 ? s.length : u, c);
      }
      const put = (a, b, type) => {
        if (a < u && b > u) return put(a, u, type), put(u, b, type);
        if (b <= a) return;
        if (a === u && box === div) box = el('span', 'ed-u ed-u' + w, null, div);
        box.append(type ? el('span', 'ed-' + type, s.slice(a, b)) : s.slice(a, b));
      };
      if (s.length <= LONG) {
        const key = stateAt(i) + ':' + s;
        t = toks.get(key) || toks.set(key, tokenizeLine(s, st[i]).tokens).get(key);
      }
      for (const [a, b, type] of t) put(at, a), put(a, b, type), (at = b);
      put(at, s.length);
      if (u >= s.length) el('span', 'ed-u ed-u' + w, ' ', div);
      return div;
    }

    function render() {
      if (!ta.isConnected) return destroy();
      if (!root.isConnected || !hint.isConnected) throw Error('the editor overlay was removed');
      if (root.nextSibling !== ta) ta.before(root);
      if (ta.nextSibling !== hint) ta.after(hint);
      const top = ta.scrollTop, left = ta.scrollLeft, n = starts.length;
      if (!m.h) layout();
      const vf = Math.max(0, Math.floor((top - m.pt) / lh)), vl = Math.min(n - 1, Math.floor((top - m.pt + m.h) / lh));
      if (dirty || vf < rf || vl > rl) {
        rf = Math.max(0, vf - MARGIN);
        rl = Math.min(n - 1, vl + MARGIN);
        const map = byLine(), lines = [], rows = [];
        for (let i = rf; i <= rl; i++) {
          const ds = map.get(i), w = ds && worst(ds), row = el('div', ds ? 'ed-gl ed-g' + w : 'ed-gl', String(i + 1));
          if (ds) el('span', 'ed-mk ed-mk' + w, w === 'e' ? '×' : '!', row).title = ds.map(say).join('\n');
          lines.push(lineNode(i, ds));
          rows.push(row);
        }
        pre.replaceChildren(...lines);
        gin.replaceChildren(...rows);
        dirty = 0;
      }
      const y = m.pt + rf * lh - top;
      pre.style.transform = `translate(${m.pl - left}px,${y}px)`;
      gin.style.transform = `translateY(${y}px)`;
    }
    const schedule = () => (raf = raf || requestAnimationFrame(guard(() => ((raf = 0), render()))));

    function showTip(line) {
      const ds = byLine().get(line);
      tipLine = ds ? line : -1;
      if (!(tip.hidden = !ds)) {
        tip.className = 'ed-tip ed-tip' + worst(ds);
        tip.replaceChildren(...ds.map((g) => el('div', '', say(g))));
        const y = m.y + m.bt + m.pt + (line + 1) * lh - ta.scrollTop + 4;
        Object.assign(tip.style, { left: m.x + m.gw + m.bl + 'px', top: y + 'px', maxWidth: m.w + 'px' });
      }
    }
    const hideTip = () => ((tipLine = -1), (tip.hidden = true));
    const setEsc = (v) => ((esc = v), (hint.textContent = lang()[v ? 1 : 0]));

    function setDiagnostics(list) {
      diags = (Array.isArray(list) ? list : [])
        .filter((g) => g?.line >= 1)
        .map((g) => ({ l: Math.floor(g.line) - 1, c: g.column >= 1 ? Math.floor(g.column) - 1 : -1, w: g.severity === 'warning', m: String(g.message ?? '') }));
      dirty = 1;
      hideTip();
      schedule();
    }
    const readDiagnostics = () => {
      let list = [];
      try { list = JSON.parse(ta.getAttribute('data-diagnostics') || '[]'); } catch {}
      setDiagnostics(list);
    };
    const DB = 'aria-describedby';
    const ids = (more = []) => [...(ta.getAttribute(DB) || '').split(/\s+/).filter((x) => x && x !== hid), ...more].join(' ');
    const describe = () => ta.getAttribute(DB) !== ids([hid]) && ta.setAttribute(DB, ids([hid]));
    undo.push(() => (ids() ? ta.setAttribute(DB, ids()) : ta.removeAttribute(DB)));

    // Through the browser's editing commands: undo works, `input` fires.
    function edit(str, from = ta.selectionStart, to = ta.selectionEnd) {
      ta.setSelectionRange(from, to);
      let ok;
      try { ok = document.execCommand(str ? 'insertText' : 'delete', false, str); } catch {}
      if (!ok) {
        ta.setRangeText(str, from, to, 'end');
        ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }
    }

    function keydown(e) {
      hideTip();
      if (e.isComposing || e.keyCode === 229 || e.defaultPrevented) return; // IME (Hangul)
      const k = e.key, mod = e.ctrlKey || e.metaKey;
      if (k === 'Escape') return setEsc(true);
      if (k === 'Tab' && esc) return setEsc(false); // the browser moves the focus
      if (esc && k !== 'Shift') setEsc(false);
      if (k === 'Enter' && mod) return options.onRun && (e.preventDefault(), options.onRun());
      if (mod || e.altKey || ta.readOnly || ta.disabled) return;
      if (ta.textLength !== text.length) sync();
      const s = ta.selectionStart, en = ta.selectionEnd, before = text.slice(starts[lineAt(s)], s);
      const caret = (p) => ta.setSelectionRange(p, p);
      let act;
      if (k === 'Tab') {
        act = () => {
          if (!e.shiftKey && s === en) return edit('  ');
          const la = lineAt(s), from = starts[la];
          let lb = lineAt(en);
          if (lb > la && en === starts[lb]) lb--;
          const blk = text.slice(from, lineEnd(lb)), r = shiftLines(blk, e.shiftKey ? -1 : 1);
          if (r.text === blk) return;
          edit(r.text, from, lineEnd(lb));
          ta.setSelectionRange(Math.max(from, s + r.first), Math.max(from, en + r.total));
        };
      } else if (k === 'Enter') act = () => edit(newlineText(before));
      else if (k === 'Backspace' && s === en && s) {
        const w = backspaceWidth(before);
        if (w) act = () => edit('', s - w, s);
        else if (PAIR[text[s - 1]] && PAIR[text[s - 1]] === text[s]) act = () => edit('', s - 1, s + 1);
      } else if (k.length === 1 && s === en) {
        if (text[s] === k && closers.includes(s)) act = () => ((closers = closers.filter((o) => o !== s)), caret(s + 1));
        else if (autoClose(k, text[s - 1], text[s])) act = () => (edit(k + PAIR[k]), caret(s + 1), closers.push(s + 1));
      }
      if (act) e.preventDefault(), act();
    }

    const focus = (f) => () => {
      setEsc(false);
      frame.classList.toggle('ed-focus', f);
      hint.classList.toggle('ed-on', f);
      if (!f) (closers = []), hideTip();
    };
    const relayout = () => (layout(1), render());
    on(ta, 'input', sync);
    on(ta, 'keydown', keydown);
    on(ta, 'scroll', () => (hideTip(), render()));
    on(ta, 'focus', focus(true));
    on(ta, 'blur', focus(false));
    on(ta, 'mousemove', (e) => {
      const line = Math.floor((e.clientY - ta.getBoundingClientRect().top - m.bt + ta.scrollTop - m.pt) / lh);
      if (line !== tipLine) showTip(line);
    });
    on(ta, 'mouseleave', hideTip);
    on(window, 'resize', relayout);
    const mo = new MutationObserver(
      guard((list) => {
        for (const { attributeName: a } of list) {
          if (a === 'data-rev') sync();
          else if (a === 'data-diagnostics') readDiagnostics();
          else if (a === DB) describe();
          else relayout();
        }
      }),
    );
    mo.observe(ta, { attributes: true, attributeFilter: ['data-rev', 'data-diagnostics', DB, 'class'] });
    const ro = new ResizeObserver(guard(relayout));
    ro.observe(ta);
    undo.push(() => (mo.disconnect(), ro.disconnect()));
    // Follow value sets without a data-rev too.
    const desc = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
    Object.defineProperty(ta, 'value', {
      configurable: true,
      get: () => desc.get.call(ta),
      set: (v) => (desc.set.call(ta, v), guard(sync)()),
    });
    undo.push(() => delete ta.value);
    document.fonts?.ready.then(guard(relayout));

    focus(document.activeElement === ta)();
    describe();
    layout(1);
    sync();
    readDiagnostics();
    render();
    handle.refresh = guard(() => (sync(), relayout()));
    handle.setDiagnostics = guard(setDiagnostics);
  }
}

let watching = false;

/** Enhances each textarea[data-editor="yaml"], now and later. */
export function autoEnhance(root = document) {
  const scan = () => {
    for (const t of root.querySelectorAll('textarea[data-editor="yaml"]')) if (!live.has(t)) enhance(t, { lang: t.dataset.editorLang });
    for (const [t, h] of live) if (!t.isConnected) h.destroy();
  };
  scan();
  if (watching) return;
  watching = true;
  new MutationObserver(scan).observe(root.documentElement || root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-editor'] });
}
