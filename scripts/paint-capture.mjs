// What scripts/prerender.mjs takes from the running page, and what
// tests/e2e/paint.mjs compares the live page with. The function runs in the page
// (page.evaluate) and must stay self-contained. It works with DOM calls only and
// parses no HTML.

/**
 * #app as a prerendered view (`as` 'template'), or as it is compared with one:
 * #app's markup ('app'), or the markup of the prerendered view #app shows before
 * the wasm runs, without what 'template' adds ('paint').
 *
 * The markup is the children with the state of their form controls written into
 * it: a textarea's text, an input's value and checked state, the selected options
 * (innerHTML alone leaves those out: Yew sets them as properties).
 *
 * The view is that markup as index.html holds it: a `<template id="paint-LANG">`
 * with an inert, busy `.paint` around it (display: contents, so its children lay
 * out as #app's own), the "Starting…" note on the simulation's bar, and a status
 * line for screen readers (index.html's inline script fills in their text in
 * the page's language).
 */
export function captureView([lang, as]) {
  const root = as === 'paint' ? document.querySelector('#app > .paint') : document.getElementById('app');
  if (!root) throw new Error(`nothing to capture as ${as}`);
  const copy = root.cloneNode(true);
  const from = root.querySelectorAll('textarea, input, select');
  const to = copy.querySelectorAll('textarea, input, select');
  from.forEach((e, i) => {
    const c = to[i];
    if (e.tagName === 'TEXTAREA') {
      c.textContent = e.value;
    } else if (e.tagName === 'SELECT') {
      // As an empty attribute, whatever Yew or a script wrote before.
      [...e.options].forEach((o, j) => {
        c.options[j].removeAttribute('selected');
        if (o.selected) c.options[j].setAttribute('selected', '');
      });
    } else if (e.type === 'checkbox' || e.type === 'radio') {
      c.toggleAttribute('checked', e.checked);
    } else if (e.type !== 'file') {
      c.setAttribute('value', e.value);
    }
  });
  if (as === 'paint') for (const e of copy.querySelectorAll('.paint-starting')) e.remove();
  if (as !== 'template') return copy.innerHTML;

  const paint = document.createElement('div');
  paint.className = 'paint';
  paint.inert = true;
  paint.setAttribute('aria-busy', 'true');
  paint.append(...copy.childNodes);
  const bar = paint.querySelector('.sim-bar');
  if (!bar) throw new Error('the page shows no .sim-bar');
  const note = document.createElement('span');
  note.className = 'paint-starting';
  note.setAttribute('aria-hidden', 'true');
  note.dataset.paintText = 'starting';
  bar.append(note);
  const status = document.createElement('p');
  status.className = 'sr-only';
  status.setAttribute('role', 'status');
  status.dataset.paintText = 'starting';
  const template = document.createElement('template');
  template.id = `paint-${lang}`;
  template.content.append(status, paint);
  return template.outerHTML;
}
