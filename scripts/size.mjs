// Size report of a release build: each shipped file's raw, gzip and brotli
// bytes, and the first-load total (what index.html pulls in before the first
// question). Prints a table, then one JSON line for scripts.
//
//   node scripts/size.mjs dist                     the report
//   node scripts/size.mjs dist --check [BUDGETS]   also exits 1 if a page is
//                                                  over its budget (brotli bytes,
//                                                  scripts/size-budgets.json)
//
// `sizeReport(dir)` returns the same object as the JSON line (bench/bench.mjs
// uses it); `printSizeReport(report)` prints the table and the JSON line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/**
 * `{ files: [{file, raw, gzip, brotli, first_load, trainer_page, widget_page}],
 *    first_load, trainer_page, widget_page }`, each total `{raw, gzip, brotli}`.
 */
export function sizeReport(dir = 'dist') {
  const files = [];
  (function walk(d) {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!/\.(br|gz)$/.test(name) && !name.startsWith('.')) files.push(p);
    }
  })(dir);

  // What a page loads with JavaScript on: not what only <noscript> asks for.
  const page = (name) => {
    try { return readFileSync(join(dir, name), 'utf8').replace(/<noscript>[\s\S]*?<\/noscript>/g, ''); } catch { return ''; }
  };
  const index = page('index.html');
  const trainer = page('pelatih.html');
  const widget = page('widget.html');
  const rows = files.sort().map((p) => {
    const raw = readFileSync(p);
    const name = relative(dir, p);
    return {
      file: name,
      raw: raw.length,
      gzip: gzipSync(raw, { level: 9 }).length,
      brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      // index.html and what it loads; not pages it merely links to, nor the
      // apple-touch-icon (fetched only when saving to a home screen).
      first_load: name === 'index.html' || (index.includes(name) && !name.endsWith('.html') && !name.startsWith('apple-touch-icon')),
      trainer_page: name === 'pelatih.html' || (trainer !== '' && trainer.includes(name)),
      // What an embedded widget loads: embed.js on the host, then widget.html.
      widget_page: name === 'widget.html' || name === 'embed.js' || (widget !== '' && widget.includes(name)),
    };
  });
  const sum = (k, flag) => rows.filter((r) => r[flag]).reduce((a, r) => a + r[k], 0);
  const totalOf = (flag) => ({ raw: sum('raw', flag), gzip: sum('gzip', flag), brotli: sum('brotli', flag) });
  return { files: rows, first_load: totalOf('first_load'), trainer_page: totalOf('trainer_page'), widget_page: totalOf('widget_page') };
}

/** Prints the table, then the report as one JSON line. */
export function printSizeReport(report) {
  const { files: rows, first_load: total, trainer_page: trainerTotal, widget_page: widgetTotal } = report;
  const pad = (s, n) => String(s).padStart(n);
  console.log(`${'file'.padEnd(44)}${pad('raw', 10)}${pad('gzip', 10)}${pad('brotli', 10)}  first load`);
  for (const r of rows) {
    console.log(`${r.file.padEnd(44)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}  ${r.first_load ? 'yes' : ''}`);
  }
  console.log(`${'first-load total'.padEnd(44)}${pad(total.raw, 10)}${pad(total.gzip, 10)}${pad(total.brotli, 10)}`);
  console.log(`${'trainer page (pelatih.html) total'.padEnd(44)}${pad(trainerTotal.raw, 10)}${pad(trainerTotal.gzip, 10)}${pad(trainerTotal.brotli, 10)}`);
  console.log(`${'embedded widget (embed.js + widget.html) total'.padEnd(44)}${pad(widgetTotal.raw, 10)}${pad(widgetTotal.gzip, 10)}${pad(widgetTotal.brotli, 10)}`);
  console.log(`first load: ${(total.brotli / 1024).toFixed(1)} KB brotli (target <= 120 KB)`);
  console.log(JSON.stringify(report));
}

/** The pages over their budget: `[{page, brotli, budget}]`, empty if none. */
export function overBudget(report, budgets) {
  return ['first_load', 'trainer_page', 'widget_page']
    .filter((page) => typeof budgets[page] === 'number' && report[page].brotli > budgets[page])
    .map((page) => ({ page, brotli: report[page].brotli, budget: budgets[page] }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = 'dist', flag, budgetsFile = 'scripts/size-budgets.json'] = process.argv.slice(2);
  const report = sizeReport(dir);
  printSizeReport(report);
  if (flag === '--check') {
    const budgets = JSON.parse(readFileSync(budgetsFile, 'utf8'));
    const over = overBudget(report, budgets);
    for (const o of over) {
      console.error(`size: ${o.page} is ${o.brotli} B brotli, over its budget of ${o.budget} B (${budgetsFile})`);
    }
    if (over.length) process.exit(1);
    console.log(`size: every page within its budget (${budgetsFile})`);
  }
}
