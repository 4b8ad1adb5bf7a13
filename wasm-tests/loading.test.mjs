// loadTill: one cached module, every way of getting the bytes, and clear errors when it cannot load.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { test } from 'node:test';

import { TillError, loadTill } from '../web/till.mjs';
import { runIsolated } from './support/isolated.mjs';
import { wasmFile } from './support/paths.mjs';

test('loading twice gives the same cached module', async () => {
  const first = await loadTill();
  const second = await loadTill({ wasmUrl: 'ignored-once-loaded.wasm' });
  assert.equal(first, second);
  assert.equal(typeof first.price, 'function');
});

test('wasmBinary loads from bytes already in hand', async () => {
  const result = await runIsolated(`
    import { readFileSync } from 'node:fs';
    const till = await loadTill({ wasmBinary: readFileSync(${JSON.stringify(wasmFile)}) });
    console.log(JSON.stringify(till.check({ currency: 'GBP' }) === undefined));
  `);
  assert.equal(result, true);
});

test('wasmUrl may be a file path in Node', async () => {
  const result = await runIsolated(`
    const till = await loadTill({ wasmUrl: ${JSON.stringify(wasmFile)} });
    console.log(JSON.stringify(till.check({ currency: 'GBP' }) === undefined));
  `);
  assert.equal(result, true);
});

test('without WebAssembly, loading fails with a clear TillError', async () => {
  const result = await runIsolated(`
    delete globalThis.WebAssembly;
    try {
      await loadTill();
      console.log(JSON.stringify('loaded'));
    } catch (error) {
      console.log(JSON.stringify({ isTillError: error instanceof TillError, code: error.code, message: error.message }));
    }
  `);
  assert.equal(result.isTillError, true);
  assert.equal(result.code, 'wasm_unavailable');
  assert.match(result.message, /WebAssembly is not available/);
});

// Serves the .wasm over HTTP as some servers do (without application/wasm), so streaming compilation
// refuses it, and counts the requests.
async function serveWasm(contentType) {
  const bytes = readFileSync(wasmFile);
  let requests = 0;
  const server = createServer((request, response) => {
    requests += 1;
    if (request.url !== '/till_wasm.wasm') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': contentType, connection: 'close' }).end(bytes);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, requests: () => requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

test('a refused instantiateStreaming falls back to arrayBuffer() and WebAssembly.instantiate', async () => {
  const server = await serveWasm('application/octet-stream');
  try {
    const result = await runIsolated(`
      let streamingRefused = false;
      const streaming = WebAssembly.instantiateStreaming;
      WebAssembly.instantiateStreaming = (...args) => streaming(...args).catch((error) => {
        streamingRefused = true;
        throw error;
      });
      const till = await loadTill({ wasmUrl: '${server.base}/till_wasm.wasm' });
      console.log(JSON.stringify({ streamingRefused, valid: till.check({ currency: 'GBP' }) === undefined }));
    `);
    assert.deepEqual(result, { streamingRefused: true, valid: true });
    assert.equal(server.requests(), 2);
  } finally {
    await server.close();
  }
});

test('streaming is used when the server sends application/wasm', async () => {
  const server = await serveWasm('application/wasm');
  try {
    const result = await runIsolated(`
      const till = await loadTill({ wasmUrl: '${server.base}/till_wasm.wasm' });
      console.log(JSON.stringify(till.check({ currency: 'GBP' }) === undefined));
    `);
    assert.equal(result, true);
    assert.equal(server.requests(), 1);
  } finally {
    await server.close();
  }
});

test('a missing .wasm fails with load_failed, and a later call can retry', async () => {
  const server = await serveWasm('application/wasm');
  try {
    const result = await runIsolated(`
      const outcome = {};
      try {
        await loadTill({ wasmUrl: '${server.base}/missing.wasm' });
      } catch (error) {
        outcome.first = { isTillError: error instanceof TillError, code: error.code, message: error.message };
      }
      const till = await loadTill({ wasmUrl: '${server.base}/till_wasm.wasm' });
      outcome.retried = till.check({ currency: 'GBP' }) === undefined;
      console.log(JSON.stringify(outcome));
    `);
    assert.equal(result.first.isTillError, true);
    assert.equal(result.first.code, 'load_failed');
    assert.match(result.first.message, /404/);
    assert.equal(result.retried, true);
  } finally {
    await server.close();
  }
});

test('TillError is an Error', () => {
  const error = new TillError({ code: 'disposed', message: 'gone' });
  assert.ok(error instanceof Error);
  assert.equal(error.name, 'TillError');
  assert.equal(error.message, 'gone');
});
