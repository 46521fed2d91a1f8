// The size budgets (scripts/size-budgets.json) hold for the release build
// that the other e2e tests run, and the check that enforces them can fail:
// a budget one byte under a page's size is reported, for every page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from './helpers.mjs';
import { sizeReport, overBudget } from '../scripts/size.mjs';

const budgets = JSON.parse(readFileSync('scripts/size-budgets.json', 'utf8'));
const report = sizeReport('dist');

test('every page of the build is within its size budget', () => {
  assert.deepEqual(overBudget(report, budgets), []);
});

test('control: a page one byte over its budget is reported', () => {
  for (const page of ['first_load', 'trainer_page', 'widget_page']) {
    const tight = { ...budgets, [page]: report[page].brotli - 1 };
    assert.deepEqual(overBudget(report, tight), [{ page, brotli: report[page].brotli, budget: report[page].brotli - 1 }], page);
  }
});

// The owner's page reads its bank from a pack and its saved progress with
// the small JSON reader of the core (engine/json.rs), so serde_json is not in
// its wasm; the widget, which reads hosts' configuration files, has it. One
// of serde_json's own error messages is the mark (kept in release builds).
const SERDE_JSON_MARK = 'EOF while parsing';
const wasmOf = (page) => report.files.map((f) => f.file).find((f) => f.startsWith(`${page}-`) && f.endsWith('_bg.wasm'));

test('no JSON library on the owner\'s page', () => {
  const owner = readFileSync(`dist/${wasmOf('cek-siap-ekspor')}`);
  assert.equal(owner.includes(SERDE_JSON_MARK), false, 'serde_json is in the owner\'s wasm');
});

test('control: the mark is found where serde_json is (the widget)', () => {
  const widget = readFileSync(`dist/${wasmOf('widget')}`);
  assert.equal(widget.includes(SERDE_JSON_MARK), true);
});

// The trainer's page carries the built-in bank with titles only
// (cek-core's builtin-titles): a text only owners read, the first step's
// "what to do", is not in its wasm. The control finds it in the owner's.
const bank = JSON.parse(readFileSync('crates/core/src/engine/bank.json', 'utf8'));
const OWNERS_ONLY = Buffer.from(bank.rules[0].action.id);

test('the trainer\'s page carries no text only owners read', () => {
  const trainer = readFileSync(`dist/${wasmOf('pelatih')}`);
  assert.equal(trainer.includes(OWNERS_ONLY), false, 'an owner\'s step text is in the trainer\'s wasm');
  const title = Buffer.from(bank.rules[0].title.id);
  assert.equal(trainer.includes(title), true, 'the step\'s title, which the dashboard shows, is there');
});

test('control: that text is in the owner\'s wasm', () => {
  const owner = readFileSync(`dist/${wasmOf('cek-siap-ekspor')}`);
  assert.equal(owner.includes(OWNERS_ONLY), true);
});
