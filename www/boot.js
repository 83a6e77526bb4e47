// Loads the WebAssembly page. Whatever goes wrong (an old browser, a missing
// file, an error escaping the page) shows the #fatal banner instead of leaving a
// blank or frozen page. The wasm's own panic hook writes there first; the first
// message wins. Messages are set as text, never as HTML.
//
// Before the wasm starts, the browser glue it calls (www/glue.js: compression,
// clipboard, downloads) is put on window.jobplayGlue. After it starts, the YAML
// editor enhances the textarea, and the service worker (www/sw.js) is registered
// with a relative URL, so the site works offline under any sub-path.
import init from './jobplay.js';
import * as glue from './glue.js';

function showFatal(text) {
  const banner = document.getElementById('fatal');
  const message = document.getElementById('fatal-message');
  if (!banner || !message || !banner.hidden) return;
  message.textContent = text;
  banner.hidden = false;
  // Also in the console, where tests and bug reports look.
  console.error(`Job Playground: ${text}`);
}

window.addEventListener('error', (e) => {
  const text = String(e.message || e.error || 'unknown error');
  // Benign: a resize observer (the editor's) had more to say within one frame.
  if (/ResizeObserver loop/.test(text)) return;
  showFatal(text);
});
window.addEventListener('unhandledrejection', (e) => showFatal(String(e.reason)));

// The YAML editor's stylesheet, then its script, after the page has rendered: the first
// paint needs neither (editor.css styles only what editor.js adds).
function loadEditorStyles() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = './editor.css';
  const loaded = new Promise((resolve) => {
    link.onload = resolve;
    link.onerror = resolve;
  });
  document.head.append(link);
  return loaded;
}

window.jobplayGlue = glue;

function registerServiceWorker() {
  // Service workers need a secure context (https, or localhost); file:// has none.
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register('./sw.js', { updateViaCache: 'none' }).catch(() => {
    // Without it the page works as before, only not offline.
  });
}

init()
  .then(() => {
    // The YAML editor enhances the page's textarea; without it the textarea still works,
    // so a failure here is not fatal.
    loadEditorStyles()
      .then(() => import('./editor.js'))
      .then((m) => m.autoEnhance())
      .catch(() => {});
    registerServiceWorker();
  })
  .catch((err) => showFatal(`The page could not start: ${err}`));
