// Unit tests of www/editor.js's pure functions: the YAML line tokenizer and the
// editing helpers. Run: node --test tests/js/editor.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenizeLine, newlineText, shiftLines, backspaceWidth, autoClose, diffText } from '../../www/editor.js';

/** [[text, type]] of a line's tokens, and the state after it. */
function toks(line, state = 0) {
  const r = tokenizeLine(line, state);
  return { t: r.tokens.map(([a, b, type]) => [line.slice(a, b), type]), state: r.state };
}
const types = (line, state) => toks(line, state).t;

test('keys, plain values and the value indicator', () => {
  assert.deepEqual(types('apiVersion: batch/v1'), [['apiVersion', 'key'], [':', 'punct']]);
  assert.deepEqual(types('  backoffLimit: 4'), [['backoffLimit', 'key'], [':', 'punct'], ['4', 'num']]);
  assert.deepEqual(types('spec:'), [['spec', 'key'], [':', 'punct']]);
  // A colon not followed by a space is part of the scalar.
  assert.deepEqual(types('image: perl:5.34'), [['image', 'key'], [':', 'punct']]);
  assert.deepEqual(types('url: http://x:80/a'), [['url', 'key'], [':', 'punct']]);
  assert.deepEqual(types('a:b'), []);
  assert.deepEqual(types('"quoted key": 1'), [['"quoted key"', 'key'], [':', 'punct'], ['1', 'num']]);
  assert.deepEqual(types("'k' : v"), [["'k'", 'key'], [':', 'punct']]);
});

test('strings: double and single quoted, escapes, unclosed', () => {
  assert.deepEqual(types('a: "x \\" y" # c'), [['a', 'key'], [':', 'punct'], ['"x \\" y"', 'str'], ['# c', 'com']]);
  assert.deepEqual(types("a: 'it''s'"), [['a', 'key'], [':', 'punct'], ["'it''s'", 'str']]);
  const open = toks('a: "multi');
  assert.deepEqual(open.t.at(-1), ['"multi', 'str']);
  assert.equal(open.state, 1);
  assert.deepEqual(toks('line" : x', 1).t, [['line"', 'str'], [':', 'punct']]);
  assert.equal(toks('line"', 1).state, 0);
  assert.equal(toks('still open', 2).state, 2);
});

test('numbers, booleans (YAML 1.1 words too) and null', () => {
  for (const n of ['0', '-1', '+7', '1.5', '.5', '1e3', '1_000', '0x1F', '0o17', '.inf', '-.Inf', '.nan', '1.20', '0755']) {
    assert.deepEqual(types(`v: ${n}`).at(-1), [n, 'num'], n);
  }
  for (const b of ['true', 'False', 'TRUE', 'yes', 'No', 'on', 'OFF', 'y', 'N']) {
    assert.deepEqual(types(`v: ${b}`).at(-1), [b, 'bool'], b);
  }
  for (const z of ['null', '~', 'NULL']) assert.deepEqual(types(`v: ${z}`).at(-1), [z, 'null'], z);
  for (const s of ['1.2.3', 'yess', 'onion', '12abc', '-', '0x']) assert.equal(types(`v: ${s}`).length, 2, s);
  // A YAML 1.1 word in key position is a key.
  assert.deepEqual(types('on: push'), [['on', 'key'], [':', 'punct']]);
});

test('comments, anchors, aliases, tags, document markers, directives', () => {
  assert.deepEqual(types('# all comment'), [['# all comment', 'com']]);
  assert.deepEqual(types('a: b#c'), [['a', 'key'], [':', 'punct']]);
  assert.deepEqual(types('a: b # c'), [['a', 'key'], [':', 'punct'], ['# c', 'com']]);
  assert.deepEqual(types('base: &defaults'), [['base', 'key'], [':', 'punct'], ['&defaults', 'anchor']]);
  assert.deepEqual(types('<<: *defaults'), [['<<', 'key'], [':', 'punct'], ['*defaults', 'alias']]);
  assert.deepEqual(types('n: !!int "3"'), [['n', 'key'], [':', 'punct'], ['!!int', 'tag'], ['"3"', 'str']]);
  assert.deepEqual(types('v: !!str 1.20'), [['v', 'key'], [':', 'punct'], ['!!str', 'tag'], ['1.20', 'str']], 'a tagged scalar is what its tag says');
  assert.deepEqual(types('v: !custom yes'), [['v', 'key'], [':', 'punct'], ['!custom', 'tag']]);
  assert.deepEqual(types('---'), [['---', 'doc']]);
  assert.deepEqual(types('--- # doc 2'), [['---', 'doc'], ['# doc 2', 'com']]);
  assert.deepEqual(types('...'), [['...', 'doc']]);
  assert.deepEqual(types('----'), []);
});

test('list dashes, nested dashes and flow collections', () => {
  assert.deepEqual(types('- name: pi'), [['-', 'dash'], ['name', 'key'], [':', 'punct']]);
  assert.deepEqual(types('  - - 3'), [['-', 'dash'], ['-', 'dash'], ['3', 'num']]);
  assert.deepEqual(types('-1'), [['-1', 'num']]);
  assert.deepEqual(types('a: -x'), [['a', 'key'], [':', 'punct']]);
  assert.deepEqual(types('command: ["perl", "-wle", 2]'), [
    ['command', 'key'], [':', 'punct'], ['[', 'punct'], ['"perl"', 'str'], [',', 'punct'],
    ['"-wle"', 'str'], [',', 'punct'], ['2', 'num'], [']', 'punct'],
  ]);
  assert.deepEqual(types('m: {a: 1, b: true}'), [
    ['m', 'key'], [':', 'punct'], ['{', 'punct'], ['a', 'key'], [':', 'punct'], ['1', 'num'], [',', 'punct'],
    ['b', 'key'], [':', 'punct'], ['true', 'bool'], ['}', 'punct'],
  ]);
  // A flow collection left open carries over to the next line.
  const open = toks('args: [a,');
  assert.equal(open.state, 4);
  assert.deepEqual(toks('  b, 3]', open.state), { t: [[',', 'punct'], ['3', 'num'], [']', 'punct']], state: 0 });
  // Outside a flow collection, commas are text.
  assert.deepEqual(types('a: x, y'), [['a', 'key'], [':', 'punct']]);
});

test('block scalars: the header, then every line indented past its parent', () => {
  const h = toks('    script: |');
  assert.deepEqual(h.t, [['script', 'key'], [':', 'punct'], ['|', 'block']]);
  assert.ok(h.state < 0);
  assert.deepEqual(toks('      echo "a: b" # not a comment', h.state), { t: [['echo "a: b" # not a comment', 'str']], state: h.state });
  assert.deepEqual(toks('', h.state), { t: [], state: h.state }, 'a blank line stays inside');
  assert.deepEqual(toks('    next: 1', h.state).t, [['next', 'key'], [':', 'punct'], ['1', 'num']], 'the block ends');
  assert.equal(toks('    next: 1', h.state).state, 0);
  assert.deepEqual(toks('a: >-  # folded').t, [['a', 'key'], [':', 'punct'], ['>-', 'block'], ['# folded', 'com']]);
  const item = toks('- |2');
  assert.deepEqual(toks('  x', item.state).t, [['x', 'str']]);
  assert.deepEqual(toks('x: 1', item.state).t, [['x', 'key'], [':', 'punct'], ['1', 'num']]);
  // `>` inside a value is text, not a header.
  assert.deepEqual(types('a: b > c'), [['a', 'key'], [':', 'punct']]);
  const top = toks('--- |');
  assert.deepEqual(toks('text at column 0', top.state).t, [['text at column 0', 'str']]);
});

test('token ranges never overlap and stay inside the line', () => {
  const lines = ['- {a: [1, "x"], b: &z *y} # c', "'", '"\\', ': :', '? - : x', '&', '!', '- -', '\t- a:\tb', '"a"b: c'];
  for (const line of lines) {
    for (const state of [0, 1, 2, 4, -2]) {
      let at = 0;
      for (const [a, b] of tokenizeLine(line, state).tokens) {
        assert.ok(a >= at && b > a && b <= line.length, `${JSON.stringify(line)} state ${state}: [${a}, ${b})`);
        at = b;
      }
    }
  }
});

test('Enter keeps the indentation, adds two after an opener, continues list items', () => {
  assert.equal(newlineText('spec:'), '\n  ');
  assert.equal(newlineText('  template:'), '\n    ');
  assert.equal(newlineText('  template:   # the pod'), '\n    ');
  assert.equal(newlineText('    restartPolicy: Never'), '\n    ');
  assert.equal(newlineText('- template:'), '\n    ', 'a `- key:` opener: two past the key');
  assert.equal(newlineText('  - name: pi'), '\n    ', 'a mapping inside an item: aligned with its key');
  assert.equal(newlineText('- "a": 1'), '\n  ');
  assert.equal(newlineText('  - perl'), '\n  - ', 'a scalar item: the next item');
  assert.equal(newlineText('  - "a: b"'), '\n  - ');
  assert.equal(newlineText('- - x'), '\n  - ');
  assert.equal(newlineText('  - '), '\n    ', 'an empty item: its content column');
  assert.equal(newlineText('  -'), '\n    ');
  assert.equal(newlineText('  script: |'), '\n    ');
  assert.equal(newlineText('  script: >-'), '\n    ');
  assert.equal(newlineText('  - |'), '\n    ');
  assert.equal(newlineText('    # a comment'), '\n    ');
  assert.equal(newlineText('  '), '\n  ');
  assert.equal(newlineText(''), '\n');
  assert.equal(newlineText('url: http://x'), '\n');
});

test('Tab and Shift+Tab shift whole lines by two spaces', () => {
  assert.deepEqual(shiftLines('a: 1\n  b: 2\n\nc', 1), { text: '  a: 1\n    b: 2\n\n  c', first: 2, total: 6 });
  assert.deepEqual(shiftLines('  a\n b\nc\n    d', -1), { text: 'a\nb\nc\n  d', first: -2, total: -5 });
  assert.deepEqual(shiftLines('x', -1), { text: 'x', first: 0, total: 0 });
});

test('Backspace in leading indentation removes two spaces (or to an even column)', () => {
  assert.equal(backspaceWidth('    '), 2);
  assert.equal(backspaceWidth('   '), 1);
  assert.equal(backspaceWidth(' '), 1);
  assert.equal(backspaceWidth(''), 0);
  assert.equal(backspaceWidth('  a'), 0);
});

test('auto-closing of brackets and quotes', () => {
  assert.equal(autoClose('['), ']');
  assert.equal(autoClose('{', ' ', ''), '}');
  assert.equal(autoClose('"', ' ', ''), '"');
  assert.equal(autoClose('[', '', ']'), ']');
  assert.equal(autoClose('[', '', 'x'), '', 'not before a word');
  assert.equal(autoClose("'", 'n', ''), '', 'an apostrophe');
  assert.equal(autoClose("'", '한', ''), '', 'after Hangul too');
  assert.equal(autoClose('"', '"', ''), '');
  assert.equal(autoClose('(', '', ''), '', 'parentheses are plain text in YAML');
  assert.equal(autoClose('a'), '');
});

test('diffText finds the changed middle', () => {
  assert.deepEqual(diffText('', 'abc'), [0, 0]);
  assert.deepEqual(diffText('abc', 'abc'), [3, 0]);
  assert.deepEqual(diffText('abXc', 'abYYc'), [2, 1]);
  assert.deepEqual(diffText('aa', 'aaa'), [2, 0]);
  const big = 'x'.repeat(300_000);
  assert.deepEqual(diffText(big + 'A' + big, big + 'BB' + big), [300_000, 300_000]);
  assert.deepEqual(diffText(big, big.slice(1)), [299_999, 0]);
});
