// `node web/bin/till.mjs` and the native `till` print the same bytes, on stdout and stderr, with the same
// exit codes, for good input, bad input, standard input, unreadable files and wrong arguments.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import { demoStore, request, rules } from './support/fixtures.mjs';
import { nativeTill, wasmTill } from './support/paths.mjs';

const scratch = mkdtempSync(path.join(tmpdir(), 'till-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function file(name, contents) {
  const target = path.join(scratch, name);
  writeFileSync(target, contents);
  return target;
}

function run(command, args, input) {
  const { status, stdout, stderr } = spawnSync(command[0], [...command.slice(1), ...args], { input: input ?? '' });
  return { status, stdout: stdout.toString('latin1'), stderr: stderr.toString('latin1') };
}

// Runs both builds and asserts the same bytes and exit code; returns the exit code.
function assertSame(args, input) {
  assert.ok(existsSync(nativeTill), `the native till is not built (${nativeTill}); run scripts/build-native`);
  const native = run([nativeTill], args, input);
  const wasm = run([process.execPath, wasmTill], args, input);
  assert.deepEqual(wasm, native, `till ${args.join(' ')}`);
  return native.status;
}

const rulesFile = file('rules.json', JSON.stringify(rules()));
const requestFile = file('request.json', JSON.stringify(request()));

test('price: the demo store, every basket', () => {
  const store = demoStore();
  for (const basket of store.baskets) {
    assert.equal(assertSame(['price', '--rules', store.rulesFile, '--request', basket.file]), 0, basket.name);
  }
});

test('price: standard input for either document, and options in either order', () => {
  assert.equal(assertSame(['price', '--rules', '-', '--request', requestFile], JSON.stringify(rules())), 0);
  assert.equal(assertSame(['price', '--rules', rulesFile, '--request', '-'], JSON.stringify(request())), 0);
  assert.equal(assertSame(['price', '--request', requestFile, '--rules', rulesFile]), 0);
});

test('price: invalid documents exit 2 with the same error', () => {
  const cases = [
    ['{"currency": ', JSON.stringify(request())],
    [JSON.stringify(rules()), '{"currency": "GBP", "currency": "GBP"}'],
    [JSON.stringify({ ...rules(), currency: 7 }), JSON.stringify(request())],
    [JSON.stringify(rules()), JSON.stringify({ ...request(), currency: 'EUR' })],
    [JSON.stringify(rules()), JSON.stringify({ ...request(), shipping_method: 'teleport' })],
    ['\uFEFF' + JSON.stringify(rules()), JSON.stringify(request())],
    [Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), JSON.stringify(request())],
    ['', ''],
    ['{"currency": "GBP", "promotions": [{"id": "x", "reward": {"type": "percent_off_order", "percent": 1e400}}]}', '{}'],
  ];
  cases.forEach(([rulesText, requestText], i) => {
    const r = file(`bad-rules-${i}.json`, rulesText);
    const q = file(`bad-request-${i}.json`, requestText);
    assertSame(['price', '--rules', r, '--request', q]);
  });
});

test('price: an unreadable file is invalid_json for its document', () => {
  const missing = path.join(scratch, 'missing.json');
  assert.equal(assertSame(['price', '--rules', missing, '--request', requestFile]), 2);
  assert.equal(assertSame(['price', '--rules', rulesFile, '--request', missing]), 2);
  assert.equal(assertSame(['price', '--rules', scratch, '--request', requestFile]), 2);
  assert.equal(assertSame(['price', '--rules', missing, '--request', missing]), 2);
});

test('check and public-view', () => {
  const store = demoStore();
  assertSame(['check', '--rules', store.rulesFile]);
  assertSame(['check', '--rules', file('check-bad.json', '{"currency": "GBP", "promotions": 3}')]);
  assertSame(['check', '--rules', '-'], JSON.stringify(rules()));
  assertSame(['public-view', '--rules', store.rulesFile]);
  assertSame(['public-view', '--rules', rulesFile]);
  assertSame(['public-view', '--rules', file('view-bad.json', '[]')]);
  assertSame(['public-view', '--rules', path.join(scratch, 'missing.json')]);
});

test('wrong arguments print the usage and exit 64', () => {
  const wrong = [
    [],
    ['frobnicate'],
    ['price'],
    ['price', '--rules', rulesFile],
    ['price', '--rules', '-', '--request', '-'],
    ['price', '--rules', rulesFile, '--request', requestFile, '--extra'],
    ['price', '--rules', rulesFile, '--rules', rulesFile],
    ['price', '--rules'],
    ['check'],
    ['check', '--request', requestFile],
  ];
  for (const args of wrong) assert.equal(assertSame(args), 64, args.join(' '));
});
