// Prints the figures the benchmarks appended to FILE (tab-separated: area, what,
// value, goal, met) as one table, each figure beside its goal. Used by `make bench`.
// Usage: node scripts/bench-summary.mjs FILE
import fs from 'node:fs';

const file = process.argv[2];
const rows = fs.existsSync(file)
  ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'))
  : [];
const head = ['area', 'figure', 'measured', 'goal', ''];
const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] || '').length)));
const line = (r) => r.map((c, i) => (c || '').padEnd(width[i])).join('  ').trimEnd();
console.log(`\nmake bench: summary (${new Date().toISOString().slice(0, 10)}, ${rows.length} figures)`);
console.log(line(head));
console.log(line(width.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
const missed = rows.filter((r) => r[4] === 'NOT met').length;
console.log(missed ? `\n${missed} goal(s) not met` : '\nevery goal met');
