// Nothing leaks across the boundary: after a warm-up, 10,000 prices (and as many engines created and
// disposed) leave the wasm memory exactly as large as it was. Memory only grows, so a leak of even a
// few bytes per call would show as growth over this many calls.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadTill } from '../web/till.mjs';
import { demoStore, request, rules } from './support/fixtures.mjs';
import { runIsolated } from './support/isolated.mjs';

const till = await loadTill();
const CALLS = 10_000;

function repeat(times, call) {
  for (let i = 0; i < times; i += 1) call(i);
}

test('10,000 prices on one engine keep memory flat', () => {
  const store = demoStore();
  const engine = till.engine(store.rules);
  const price = (i) => engine.price(store.baskets[i % store.baskets.length].text);
  repeat(200, price);
  const warm = till.memoryBytes();
  repeat(CALLS, price);
  assert.equal(till.memoryBytes(), warm);
  engine.dispose();
});

test('10,000 one-shot prices, errors included, keep memory flat', () => {
  const call = (i) => {
    if (i % 2 === 0) return till.price(rules(), request());
    try {
      return till.price(rules(), { ...request(), currency: 'EUR' });
    } catch (error) {
      return error;
    }
  };
  repeat(200, call);
  const warm = till.memoryBytes();
  repeat(CALLS, call);
  assert.equal(till.memoryBytes(), warm);
});

test('creating and disposing 10,000 engines keeps memory flat', () => {
  const text = demoStore().rules;
  const cycle = () => till.engine(text).dispose();
  repeat(200, cycle);
  const warm = till.memoryBytes();
  repeat(CALLS, cycle);
  assert.equal(till.memoryBytes(), warm);
});

test('engines dropped without dispose() are freed by the FinalizationRegistry', async () => {
  const grown = await runIsolated(`
    import { readFileSync } from 'node:fs';
    const till = await loadTill();
    const text = readFileSync(${JSON.stringify(demoStore().rulesFile)}, 'utf8');
    const settle = async () => {
      for (let i = 0; i < 5; i += 1) {
        globalThis.gc();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const dropMany = async () => {
      for (let i = 0; i < 2000; i += 1) till.engine(text);
      await settle();
    };
    await dropMany();
    const warm = till.memoryBytes();
    for (let round = 0; round < 5; round += 1) await dropMany();
    console.log(JSON.stringify(till.memoryBytes() - warm));
  `, ['--expose-gc']);
  assert.equal(grown, 0);
});
