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
