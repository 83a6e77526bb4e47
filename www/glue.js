// Browser mechanics the page's wasm calls (src/ui/glue.rs binds them through
// `window.jobplayGlue`, which boot.js sets before the wasm starts): raw DEFLATE
// with the browser's CompressionStream, the clipboard, file downloads, the
// timeline's PNG drawn on a canvas, reading a dropped or chosen file, and the
// address bar's fragment. Nothing here touches the page's DOM beyond a
// temporary <a download> or <textarea>; no user text is ever parsed as HTML.

/** Raw DEFLATE (RFC 1951) of a string's UTF-8 bytes. Rejects where the browser has no CompressionStream. */
export async function deflateRaw(text) {
  const cs = new CompressionStream('deflate-raw');
  const out = new Response(new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(cs));
  return new Uint8Array(await out.arrayBuffer());
}

/**
 * Inflate raw DEFLATE as far as it goes: { bytes, status }, where status is
 * `done`, `truncated` (the data ends early), `corrupt`, `toolarge` (more than
 * `limit` bytes; the first `limit` are kept) or `unsupported` (no DecompressionStream).
 */
export async function inflateRaw(data, limit) {
  let ds;
  try {
    ds = new DecompressionStream('deflate-raw');
  } catch {
    return { bytes: new Uint8Array(0), status: 'unsupported' };
  }
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  // Not awaited before reading: the write completes as the output is read.
  const writing = writer.write(data).then(() => writer.close()).catch(() => {});
  const chunks = [];
  let total = 0;
  let status = 'done';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
      if (total > limit) {
        status = 'toolarge';
        reader.cancel().catch(() => {});
        break;
      }
    }
  } catch (err) {
    // Chromium: "Compressed input was truncated."; Firefox and Safari word it
    // differently; anything else is damaged data.
    status = /truncat|unexpected end|end of (the )?(stream|input|data|file)|incomplete/i.test(String(err && err.message))
      ? 'truncated'
      : 'corrupt';
  }
  await writing;
  const bytes = new Uint8Array(Math.min(total, limit));
  let at = 0;
  for (const c of chunks) {
    const n = Math.min(c.length, bytes.length - at);
    bytes.set(c.subarray(0, n), at);
    at += n;
    if (at >= bytes.length) break;
  }
  return { bytes, status };
}

/** Copy text to the clipboard; false when the browser refuses. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers, or no permission: the selection-based copy.
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {}
    ta.remove();
    return ok;
  }
}

function saveBlob(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Download text as a file. */
export function downloadText(name, mime, text) {
  saveBlob(name, new Blob([text], { type: mime }));
}

/** Draw an SVG document on a canvas (twice its size, for sharp text) and download it as a PNG. */
export async function downloadPng(name, svg, width, height) {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise((resolve, reject) => {
      img.onload = resolve;
      img.onerror = () => reject(new Error('the timeline could not be drawn'));
      img.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext('2d');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the canvas gave no PNG');
    saveBlob(name, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Read a File as UTF-8 text: { name, text } or { name, error } with error
 * `toolarge` (over maxBytes), `notutf8` or `unreadable`.
 */
export async function readTextFile(file, maxBytes) {
  const name = String(file && file.name ? file.name : '');
  if (!file || typeof file.arrayBuffer !== 'function') return { name, error: 'unreadable' };
  if (file.size > maxBytes) return { name, error: 'toolarge' };
  let buf;
  try {
    buf = await file.arrayBuffer();
  } catch {
    return { name, error: 'unreadable' };
  }
  try {
    return { name, text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
  } catch {
    return { name, error: 'notutf8' };
  }
}

/** Put a fragment in the address bar without a history entry ('' removes it). */
export function replaceFragment(fragment) {
  const url = location.pathname + location.search + (fragment ? `#${fragment}` : '');
  try {
    history.replaceState(history.state, '', url);
  } catch {
    // Some sandboxed iframes refuse: the address bar is then just not kept current.
  }
}

/** The page's own URL without its fragment (the base of share links). */
export function pageBase() {
  return location.origin + location.pathname + location.search;
}
