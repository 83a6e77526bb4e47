// "Try it" buttons for documentation pages: each marked YAML code block gets a
// button that opens it in Job Playground, embedded below the block (an iframe
// with embed=1), plus a link to the full playground. Standalone: no library, no
// build step; the block's text goes into the link's fragment (raw DEFLATE with
// the browser's CompressionStream, base64url), so nothing is sent to a server.
//
//   <script src="https://HOST/PATH/try-it.js" defer></script>
//
// The playground is the folder this script is served from; another one can be
// named with data-playground="https://HOST/PATH/" on the script tag.
//
// A block is marked by either
//   - data-jobplay on the <pre> or its <code> (or the class "jobplay"), or
//   - a first line "# jobplay" in the YAML (a comment, kept in the text),
// and its <code> (or the <pre>) holds the YAML as text. Options, as data-jobplay-*
// attributes on the <pre> or <code>: height (px, default 560), autoplay ("1"),
// speed, view (timeline, events, describe, pods, logs), theme (light, dark).
// Nothing from the page is ever inserted as HTML.
(function () {
  'use strict';
  const script = document.currentScript;
  const base = new URL(
    (script && script.dataset.playground) || './',
    script && script.src ? script.src : location.href,
  );
  const ko = /^ko\b/i.test(document.documentElement.lang || navigator.language || '');
  const T = ko
    ? { run: '실행해 보기', hide: '닫기', open: '잡 플레이그라운드에서 열기', title: '잡 플레이그라운드', fail: '이 브라우저에서는 열 수 없습니다 (CompressionStream 없음).' }
    : { run: 'Try it', hide: 'Hide', open: 'Open in Job Playground', title: 'Job Playground', fail: 'This browser cannot open the playground from here (it has no CompressionStream).' };

  function b64url(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  async function deflate(text) {
    const cs = new CompressionStream('deflate-raw');
    const res = new Response(new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(cs));
    return new Uint8Array(await res.arrayBuffer());
  }

  function option(pre, code, name) {
    const key = 'jobplay' + name.charAt(0).toUpperCase() + name.slice(1);
    return (code && code.dataset[key]) || pre.dataset[key] || '';
  }

  function marked(pre, code) {
    const el = [pre, code].filter(Boolean);
    if (el.some((e) => e.hasAttribute('data-jobplay') || e.classList.contains('jobplay'))) return true;
    return /^\s*#\s*jobplay\b/i.test((code || pre).textContent);
  }

  function fragment(yaml, pre, code, embed) {
    const p = ['v=1', 'yaml=' + yaml];
    const speed = Number(option(pre, code, 'speed'));
    if (speed > 0 && Number.isFinite(speed)) p.push('speed=' + speed);
    const view = option(pre, code, 'view');
    if (/^(timeline|events|describe|pods|logs)$/.test(view)) p.push('view=' + view);
    if (embed) p.push('embed=1');
    if (embed && option(pre, code, 'autoplay') === '1') p.push('autoplay=1');
    const theme = option(pre, code, 'theme');
    if (theme === 'light' || theme === 'dark') p.push('theme=' + theme);
    return p.join('&');
  }

  function enhance(pre) {
    if (pre.dataset.jobplayReady) return;
    const code = pre.querySelector('code');
    if (!marked(pre, code)) return;
    pre.dataset.jobplayReady = '1';
    const text = (code || pre).textContent;
    const bar = document.createElement('div');
    bar.className = 'jobplay-try';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'jobplay-try-button';
    button.textContent = T.run;
    button.setAttribute('aria-expanded', 'false');
    const open = document.createElement('a');
    open.className = 'jobplay-try-open';
    open.textContent = T.open + ' ↗';
    open.target = '_blank';
    open.rel = 'noopener';
    open.hidden = true;
    const note = document.createElement('span');
    note.className = 'jobplay-try-note';
    bar.append(button, open, note);
    pre.insertAdjacentElement('afterend', bar);
    let frame = null;
    let yaml = null;
    button.addEventListener('click', async () => {
      if (frame) {
        const shown = frame.hidden;
        frame.hidden = !shown;
        button.textContent = shown ? T.hide : T.run;
        button.setAttribute('aria-expanded', String(shown));
        return;
      }
      try {
        yaml = yaml || b64url(await deflate(text));
      } catch {
        note.textContent = T.fail;
        return;
      }
      frame = document.createElement('iframe');
      frame.className = 'jobplay-try-frame';
      frame.title = T.title;
      frame.loading = 'lazy';
      frame.style.height = (Number(option(pre, code, 'height')) || 560) + 'px';
      frame.src = new URL('#' + fragment(yaml, pre, code, true), base).href;
      bar.insertAdjacentElement('afterend', frame);
      open.href = new URL('#' + fragment(yaml, pre, code, false), base).href;
      open.hidden = false;
      button.textContent = T.hide;
      button.setAttribute('aria-expanded', 'true');
    });
  }

  function style() {
    if (document.getElementById('jobplay-try-style')) return;
    const s = document.createElement('style');
    s.id = 'jobplay-try-style';
    s.textContent =
      '.jobplay-try{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin:.25rem 0 1rem}' +
      '.jobplay-try-button{font:inherit;font-weight:600;padding:.35rem .9rem;border-radius:8px;border:1px solid #2557c7;background:#2557c7;color:#fff;cursor:pointer}' +
      '.jobplay-try-button:focus-visible,.jobplay-try-open:focus-visible{outline:3px solid #0a58ca;outline-offset:2px}' +
      '.jobplay-try-frame{display:block;width:100%;border:1px solid #d0d7de;border-radius:10px;margin:0 0 1rem}' +
      '.jobplay-try-frame[hidden],.jobplay-try-open[hidden]{display:none}' +
      '@media (prefers-color-scheme: dark){.jobplay-try-button{background:#5b8def;border-color:#5b8def;color:#0b0e12}.jobplay-try-frame{border-color:#333b45}}';
    document.head.appendChild(s);
  }

  function scan() {
    style();
    for (const pre of document.querySelectorAll('pre')) enhance(pre);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
  window.JobPlaygroundTryIt = { scan };
})();
