// Native and wasm builds of the same core print the same bytes for every random case: till_parity, built
// by both from one source, digests what `till price` prints for each seed of the shared generator
// (native-tests/support/random_cases.hpp; even seeds valid, odd seeds often invalid). The digests are
// compared per block of 1000 seeds; for a block that differs, the first differing seed is shown.
//
// TILL_PARITY_CASES sets how many seeds (default 10,000; `scripts/test-wasm --long` runs 1,000,000) and
// TILL_PARITY_FIRST the first seed (default 0).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

import { nativeBuild, wasmBuild } from './support/paths.mjs';

const run = promisify(execFile);
const first = Number(process.env.TILL_PARITY_FIRST ?? 0);
const cases = Number(process.env.TILL_PARITY_CASES ?? 10_000);
const nativeParity = path.join(nativeBuild, 'wasm-tests/till_parity');
const wasmParity = path.join(wasmBuild, 'wasm-tests/till_parity.js');
const MAX_BUFFER = 1 << 30;

function parity(build, args) {
  const [command, prefix] = build === 'native' ? [nativeParity, []] : [process.execPath, [wasmParity]];
  return run(command, [...prefix, ...args.map(String)], { maxBuffer: MAX_BUFFER }).then(({ stdout }) => stdout);
}

// Both builds over [begin, end), split into as many slices as there are cores, each build in turn.
async function digests(build, begin, end) {
  const slices = Math.max(1, availableParallelism());
  const size = Math.ceil((end - begin) / slices / 1000) * 1000;
  const runs = [];
  for (let from = begin; from < end; from += size) runs.push(parity(build, [from, Math.min(end, from + size)]));
  return (await Promise.all(runs)).join('').trim().split('\n');
}

async function firstDifference(from, to) {
  const [native, wasm] = await Promise.all([parity('native', [from, to, '--each']), parity('wasm', [from, to, '--each'])]);
  const nativeLines = native.trim().split('\n');
  const wasmLines = wasm.trim().split('\n');
  const index = nativeLines.findIndex((line, i) => line !== wasmLines[i]);
  const seed = nativeLines[index].split(' ')[0];
  const [nativeShown, wasmShown] = await Promise.all([parity('native', [seed, '--show']), parity('wasm', [seed, '--show'])]);
  return `seed ${seed}\n--- native\n${nativeShown}\n--- wasm\n${wasmShown}`;
}

test(`native and wasm print the same bytes for ${cases} random cases`, { timeout: 3_600_000 }, async () => {
  assert.ok(existsSync(nativeParity), `${nativeParity} is not built; run scripts/build-native`);
  assert.ok(existsSync(wasmParity), `${wasmParity} is not built; run scripts/build-wasm`);
  const native = await digests('native', first, first + cases);
  const wasm = await digests('wasm', first, first + cases);
  assert.equal(native.length, Math.ceil(cases / 1000));
  for (let i = 0; i < native.length; i += 1) {
    if (native[i] !== wasm[i]) {
      const [from, to] = native[i].split(' ');
      assert.fail(`block ${from}-${to} differs: ${await firstDifference(from, to)}`);
    }
  }
});
