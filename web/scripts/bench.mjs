#!/usr/bin/env node
// Benchmark (not a test) of the WebAssembly build against the native one on the same workloads, run by
// scripts/bench-wasm: usage: bench.mjs WORKLOADS_DIR NATIVE_RESULTS.json RESULTS.json
//
// WORKLOADS_DIR is what `till_bench --write-workloads` wrote (manifest.json and the documents);
// NATIVE_RESULTS.json is what `till_bench --results` wrote in the same run. Each basket is timed end to end
// as a page prices it: a JavaScript object in, a JavaScript object out, against an engine whose rule set
// was parsed once (as till_bench does natively). The medians, their ratio to native and the two targets
// (wasm within 1.5x of native; 10 lines x 200 promotions under 100 us) go to the "wasm" section of
// RESULTS.json; other sections are kept.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { loadTill } from '../till.mjs';

const MIN_SAMPLES = 200;
const MIN_MILLISECONDS = 500;
const MAX_MILLISECONDS = 10_000;
const TARGET_WORKLOAD = '10x200';
const TARGET_MICROSECONDS = 100;
const TARGET_RATIO = 1.5;

const [workloadsDir, nativeResultsFile, resultsFile] = process.argv.slice(2);
if (!resultsFile) {
  console.error('usage: bench.mjs WORKLOADS_DIR NATIVE_RESULTS.json RESULTS.json');
  process.exit(64);
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const manifest = readJson(path.join(workloadsDir, 'manifest.json'));
const native = readJson(nativeResultsFile).native ?? {};
const till = await loadTill();

// The median microseconds of pricing the baskets in turn, after one untimed warm-up round.
function measure(engine, requests) {
  for (const request of requests) engine.price(request);
  const samples = [];
  const start = performance.now();
  for (let i = 0; ; i += 1) {
    const before = performance.now();
    engine.price(requests[i % requests.length]);
    const after = performance.now();
    samples.push((after - before) * 1000);
    const elapsed = after - start;
    if ((samples.length >= MIN_SAMPLES && elapsed >= MIN_MILLISECONDS) || elapsed >= MAX_MILLISECONDS) break;
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], samples: samples.length };
}

const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;
const figures = {};
console.log('workload   wasm (us)  native (us)  ratio');
for (const workload of manifest.workloads) {
  const engine = till.engine(readJson(path.join(workloadsDir, workload.rules)));
  const requests = workload.requests.map((file) => readJson(path.join(workloadsDir, file)));
  const { median, samples } = measure(engine, requests);
  engine.dispose();
  const nativeMedian = native[workload.name]?.median_us;
  const ratio = nativeMedian ? median / nativeMedian : undefined;
  figures[workload.name] = {
    median_us: round(median, 1),
    native_median_us: nativeMedian,
    ratio_to_native: ratio === undefined ? undefined : round(ratio, 2),
    samples,
    baskets: requests.length,
  };
  console.log(`${workload.name.padEnd(10)} ${median.toFixed(1).padStart(9)}  ${String(nativeMedian ?? '-').padStart(11)}  ${ratio?.toFixed(2) ?? '-'}`);
}

const ratios = Object.values(figures).map((figure) => figure.ratio_to_native).filter((ratio) => ratio !== undefined);
const target = figures[TARGET_WORKLOAD]?.median_us;
const section = {
  runtime: `node ${process.versions.node}`,
  end_to_end: 'JavaScript object in, JavaScript object out; rule set parsed once per workload',
  workloads: figures,
  targets: {
    [`${TARGET_WORKLOAD}_under_${TARGET_MICROSECONDS}_us`]: target !== undefined && target < TARGET_MICROSECONDS,
    [`within_${TARGET_RATIO}x_of_native`]: ratios.length > 0 && ratios.every((ratio) => ratio <= TARGET_RATIO),
    worst_ratio_to_native: ratios.length > 0 ? Math.max(...ratios) : undefined,
  },
};
console.log(`targets: ${JSON.stringify(section.targets)}`);

const results = existsSync(resultsFile) ? readJson(resultsFile) : {};
results.wasm = section;
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`figures written to ${resultsFile}`);
