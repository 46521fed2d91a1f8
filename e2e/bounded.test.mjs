// Every wait in the e2e suite is bounded only if no file goes around the
// helpers that bound them (see the top of helpers.mjs). This reads every
// e2e/*.mjs and fails on the ways around them; a control feeds the same
// check a file that breaks each rule, so the check itself can fail.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from './helpers.mjs';

/** What a test file may not do, and what to do instead. */
const RULES = [
  [/from\s+['"]node:test['"]/, "test/before/after from 'node:test' (no timeout): import them from ./helpers.mjs"],
  [/\.newContext\s*\(/, 'browser.newContext (no default timeout): use context() from ./helpers.mjs'],
  [/browser\.newPage\s*\(|chromium\.launch|launchPersistentContext/, 'a browser or page of its own: use launch() and context() from ./helpers.mjs'],
  [/new\s+Promise\s*\(/, 'a promise of its own (unbounded): use bounded(), until() or a playwright wait'],
  [/setTimeout\s*\(/, 'sleeping: wait for what must happen instead'],
  [/timeout\s*:\s*0\b|setDefault(Navigation)?Timeout\s*\(\s*0\b/, 'timeout 0 (no limit)'],
];

/** The rules `source` breaks, as "file:line: rule". */
function breaks(name, source) {
  const found = [];
  source.split('\n').forEach((line, i) => {
    for (const [pattern, rule] of RULES) if (pattern.test(line)) found.push(`${name}:${i + 1}: ${rule}`);
  });
  return found;
}

test('no e2e file opens a context, page or browser, or waits, around the bounded helpers', () => {
  const dir = new URL('.', import.meta.url);
  const files = readdirSync(dir).filter((n) => n.endsWith('.mjs') && n !== 'helpers.mjs' && n !== 'bounded.test.mjs');
  assert.ok(files.length >= 8, `found ${files.join(', ')}`);
  assert.deepEqual(files.flatMap((n) => breaks(n, readFileSync(new URL(n, dir), 'utf8'))), []);
});

test('control: the check finds each way around the helpers', () => {
  const bad = [
    "import { test } from 'node:test';",
    'const ctx = await env.browser.newContext({ viewport });',
    "const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });",
    'const done = new Promise((r) => page.on("console", r));',
    'await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));',
    "await page.waitForEvent('popup', { timeout: 0 });",
  ];
  assert.equal(breaks('bad.mjs', bad.join('\n')).length, 7, breaks('bad.mjs', bad.join('\n')).join('\n'));
  for (const [i, line] of bad.entries()) assert.ok(breaks('bad.mjs', line).length > 0, `line ${i + 1} is caught`);
});
