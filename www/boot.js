// Loads the WebAssembly page. Whatever goes wrong (an old browser, a missing
// file, an error escaping the page) shows the #fatal banner instead of leaving a
// blank or frozen page. The wasm's own panic hook writes there first; the first
// message wins. Messages are set as text, never as HTML.
import init from './jobplay.js';

function showFatal(text) {
  const banner = document.getElementById('fatal');
  const message = document.getElementById('fatal-message');
  if (!banner || !message || !banner.hidden) return;
  message.textContent = text;
  banner.hidden = false;
}

window.addEventListener('error', (e) => showFatal(String(e.message || e.error || 'unknown error')));
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

init()
  .then(() => {
    // The YAML editor enhances the page's textarea; without it the textarea still works,
    // so a failure here is not fatal.
    loadEditorStyles()
      .then(() => import('./editor.js'))
      .then((m) => m.autoEnhance())
      .catch(() => {});
  })
  .catch((err) => showFatal(`The page could not start: ${err}`));
