// Size report of a release build: each shipped file's raw, gzip and brotli
// bytes, and the first-load total (what index.html pulls in before the first
// question), and the first visit's (the first load, the service worker and
// what it precaches beyond the page: the install icons and the no-JavaScript
// stylesheet).
// Prints a table, then one JSON line for scripts.
//
//   node scripts/size.mjs dist                     the report
//   node scripts/size.mjs dist --check [BUDGETS]   also exits 1 if a page is
//                                                  over its budget (brotli bytes,
//                                                  scripts/size-budgets.json), or
//                                                  if the first visit is more
//                                                  than its ratio of the first load
//
// `sizeReport(dir)` returns the same object as the JSON line (bench/bench.mjs
// uses it); `printSizeReport(report)` prints the table and the JSON line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/** Bytes of `buf` compressed as the server sends it (brotli, quality 11). */
export const brotliSize = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * `{ files: [{file, raw, gzip, brotli, first_load, first_visit, trainer_page, widget_page, widget_reader}],
 *    first_load, first_visit, trainer_page, widget_page, widget_with_file }`, each total
 * `{raw, gzip, brotli}`. `widget_with_file` is the widget page plus the
 * configuration reader it loads when a host names a JSON file. `first_visit`
 * is the first load plus `sw.js` and the files it precaches when it installs
 * (its PRECACHE list), as a server sending brotli would count them.
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
  const precache = precachedBy(page('sw.js'));
  const rows = files.sort().map((p) => {
    const raw = readFileSync(p);
    const name = relative(dir, p);
    return {
      file: name,
      raw: raw.length,
      gzip: gzipSync(raw, { level: 9 }).length,
      brotli: brotliSize(raw),
      // index.html and what it loads; not pages it merely links to, nor the
      // apple-touch-icon (fetched only when saving to a home screen).
      first_load: name === 'index.html' || (index.includes(name) && !name.endsWith('.html') && !name.startsWith('apple-touch-icon')),
      first_visit: false,
      trainer_page: name === 'pelatih.html' || (trainer !== '' && trainer.includes(name)),
      // What an embedded widget loads: embed.js on the host, then widget.html.
      widget_page: name === 'widget.html' || name === 'embed.js' || (widget !== '' && widget.includes(name)),
      // Loaded by widget-baca.js only for a JSON configuration file.
      widget_reader: name.startsWith('widget-pembaca-'),
    };
  });
  for (const r of rows) r.first_visit = r.first_load || r.file === 'sw.js' || precache.includes(r.file);
  const sum = (k, flag) => rows.filter((r) => r[flag]).reduce((a, r) => a + r[k], 0);
  const totalOf = (flag) => ({ raw: sum('raw', flag), gzip: sum('gzip', flag), brotli: sum('brotli', flag) });
  const widgetPage = totalOf('widget_page');
  const reader = totalOf('widget_reader');
  const withFile = { raw: widgetPage.raw + reader.raw, gzip: widgetPage.gzip + reader.gzip, brotli: widgetPage.brotli + reader.brotli };
  return { files: rows, first_load: totalOf('first_load'), first_visit: totalOf('first_visit'), trainer_page: totalOf('trainer_page'), widget_page: widgetPage, widget_with_file: withFile };
}

/** The file names a built `sw.js` precaches (its `PRECACHE` array, written
 *  by scripts/sw.mjs), or none if there is no such file. */
function precachedBy(sw) {
  const list = /const PRECACHE = (\[[^\]]*\]);/.exec(sw);
  return list ? JSON.parse(list[1]) : [];
}

/** Prints the table, then the report as one JSON line. */
export function printSizeReport(report) {
  const { files: rows, first_load: total, first_visit: visit, trainer_page: trainerTotal, widget_page: widgetTotal, widget_with_file: withFile } = report;
  const pad = (s, n) => String(s).padStart(n);
  console.log(`${'file'.padEnd(44)}${pad('raw', 10)}${pad('gzip', 10)}${pad('brotli', 10)}  first load`);
  for (const r of rows) {
    console.log(`${r.file.padEnd(44)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}  ${r.first_load ? 'yes' : ''}`);
  }
  console.log(`${'first-load total'.padEnd(44)}${pad(total.raw, 10)}${pad(total.gzip, 10)}${pad(total.brotli, 10)}`);
  console.log(`${'first visit (+ sw.js and what it precaches)'.padEnd(44)}${pad(visit.raw, 10)}${pad(visit.gzip, 10)}${pad(visit.brotli, 10)}`);
  console.log(`${'trainer page (pelatih.html) total'.padEnd(44)}${pad(trainerTotal.raw, 10)}${pad(trainerTotal.gzip, 10)}${pad(trainerTotal.brotli, 10)}`);
  console.log(`${'embedded widget (embed.js + widget.html) total'.padEnd(44)}${pad(widgetTotal.raw, 10)}${pad(widgetTotal.gzip, 10)}${pad(widgetTotal.brotli, 10)}`);
  console.log(`${'  … with a JSON configuration file (+ reader)'.padEnd(44)}${pad(withFile.raw, 10)}${pad(withFile.gzip, 10)}${pad(withFile.brotli, 10)}`);
  console.log(`first load: ${(total.brotli / 1024).toFixed(1)} KB brotli (target <= 120 KB); first visit ${(visit.brotli / 1024).toFixed(1)} KB, ${(visit.brotli / total.brotli).toFixed(3)}x the first load`);
  console.log(JSON.stringify(report));
}

/** The pages over their budget: `[{page, brotli, budget}]`, empty if none.
 *  The first visit's budget is `first_visit_ratio` times the first load. */
export function overBudget(report, budgets) {
  const limits = { ...budgets };
  if (typeof budgets.first_visit_ratio === 'number') {
    limits.first_visit = Math.floor(report.first_load.brotli * budgets.first_visit_ratio);
  }
  return ['first_load', 'first_visit', 'trainer_page', 'widget_page', 'widget_with_file']
    .filter((page) => typeof limits[page] === 'number' && report[page].brotli > limits[page])
    .map((page) => ({ page, brotli: report[page].brotli, budget: limits[page] }));
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
