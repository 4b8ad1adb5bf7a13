#!/usr/bin/env node
// Size report of what a page downloads: the .wasm, and the JavaScript (Emscripten's glue plus this
// package's wrapper), raw and gzipped (level 9), written to web/size.json and printed. Exits 1 when the
// gzipped total exceeds the budget, so that size stays a feature (wasm-tests/size.test.mjs runs this).
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 150 * 1024;

const web = new URL('..', import.meta.url);
const files = {
  wasm: ['dist/till_wasm.wasm'],
  js: ['dist/till_wasm.js', 'till.mjs', 'lib/loader.mjs', 'lib/till-error.mjs'],
};

function measure(names) {
  const bytes = Buffer.concat(names.map((name) => readFileSync(new URL(name, web))));
  return { files: names, bytes: bytes.length, gzip_bytes: gzipSync(bytes, { level: 9 }).length };
}

const wasm = measure(files.wasm);
const js = measure(files.js);
const report = {
  wasm,
  js,
  total_gzip_bytes: wasm.gzip_bytes + js.gzip_bytes,
  budget_gzip_bytes: BUDGET_GZIP_BYTES,
};
writeFileSync(new URL('size.json', web), `${JSON.stringify(report, null, 2)}\n`);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`wasm ${kb(wasm.bytes)} (${kb(wasm.gzip_bytes)} gzipped), js ${kb(js.bytes)} (${kb(js.gzip_bytes)} gzipped), ` +
  `total ${kb(report.total_gzip_bytes)} gzipped of a ${kb(BUDGET_GZIP_BYTES)} budget`);
if (report.total_gzip_bytes > BUDGET_GZIP_BYTES) {
  console.error('size: over budget');
  process.exitCode = 1;
}
