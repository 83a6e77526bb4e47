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

init()
  .then(() => {
    // The YAML editor enhances the page's textarea; without it the textarea still works,
    // so a failure here is not fatal.
    import('./editor.js').then((m) => m.autoEnhance()).catch(() => {});
  })
  .catch((err) => showFatal(`The page could not start: ${err}`));
