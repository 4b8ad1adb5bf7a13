// The public API on plain objects: pricing, the engine handle, and every error path with its TillError
// fields. Amounts are in pence.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { TillError, loadTill } from '../web/till.mjs';
import { demoStore, request, rules } from './support/fixtures.mjs';

const till = await loadTill();

// Asserts that `call` throws a TillError with these fields (and a non-empty message).
function assertTillError(call, fields) {
  assert.throws(call, (error) => {
    assert.ok(error instanceof TillError, `expected a TillError, got ${error}`);
    for (const [key, value] of Object.entries(fields)) assert.equal(error[key], value, `TillError.${key}`);
    assert.ok(error.message.length > 0);
    return true;
  });
}

test('price gives the result as a plain object', () => {
  const result = till.price(rules(), request());
  assert.equal(Object.getPrototypeOf(result), Object.prototype);
  assert.equal(result.currency, 'GBP');
  assert.equal(result.rules_version, '2026-11-22.1');
  assert.equal(result.subtotal, 9998);
  assert.equal(result.order_discount, 1000);
  assert.deepEqual(result.lines[0].adjustments, [{ promotion: 'ten-off-over-50', amount: 1000 }]);
  assert.deepEqual(result.shipping, { method: 'standard', price: 495, discount: 0, total: 495 });
  assert.equal(result.total, 9493);
  assert.equal(result.optimal, true);
});

test('JSON strings and objects give the same result', () => {
  const fromObjects = till.price(rules(), request());
  const fromText = till.price(JSON.stringify(rules()), JSON.stringify(request()));
  assert.deepEqual(fromText, fromObjects);
});

test('an engine prices as the one-shot call does, many times over', () => {
  const engine = till.engine(rules());
  try {
    const store = demoStore();
    const demoEngine = till.engine(store.rules);
    try {
      for (const basket of store.baskets) {
        assert.deepEqual(demoEngine.price(basket.text), till.price(store.rules, basket.text), basket.name);
      }
    } finally {
      demoEngine.dispose();
    }
    assert.deepEqual(engine.price(request()), till.price(rules(), request()));
    assert.deepEqual(engine.price(request()), engine.price(JSON.stringify(request())));
  } finally {
    engine.dispose();
  }
});

test('publicView empties the codes of non-public coupons', () => {
  const engine = till.engine(rules());
  const view = engine.publicView();
  engine.dispose();
  const staff = view.promotions.find((promotion) => promotion.id === 'staff-30');
  assert.deepEqual(staff.coupon, { codes: [], public: false });
  assert.equal(view.currency, 'GBP');
});

test('a coupon in the request is reported', () => {
  const result = till.price(rules(), { ...request(), coupons: [' staff30 '] });
  assert.deepEqual(result.coupons, [{ code: 'STAFF30', status: 'applied', promotion: 'staff-30' }]);
});

test('check returns undefined for valid rules and the TillError otherwise', () => {
  assert.equal(till.check(rules()), undefined);
  assert.equal(till.check(demoStore().rules), undefined);
  const error = till.check({ ...rules(), currency: 42 });
  assert.ok(error instanceof TillError);
  assert.equal(error.code, 'invalid_rules');
  assert.equal(error.document, 'rules');
  assert.equal(error.path, '/currency');
  assert.ok(till.check('{') instanceof TillError);
  assert.equal(till.check([]).code, 'invalid_rules');
});

test('rules that are not a plain object or a string are refused in JavaScript', () => {
  for (const value of [undefined, null, 42, true, [], new Map(), new Date(0), () => {}]) {
    assertTillError(() => till.price(value, request()), { code: 'invalid_rules', document: 'rules', path: '' });
    assertTillError(() => till.engine(value), { code: 'invalid_rules', document: 'rules', path: '' });
  }
  assertTillError(() => till.price({ currency: 'GBP', big: 1n }, request()), { code: 'invalid_rules', document: 'rules' });
});

test('requests that are not a plain object or a string are refused in JavaScript', () => {
  const engine = till.engine(rules());
  try {
    for (const value of [undefined, null, 7, [], new Set()]) {
      assertTillError(() => till.price(rules(), value), { code: 'invalid_request', document: 'request', path: '' });
      assertTillError(() => engine.price(value), { code: 'invalid_request', document: 'request', path: '' });
    }
    const cyclic = request();
    cyclic.self = cyclic;
    assertTillError(() => engine.price(cyclic), { code: 'invalid_request', document: 'request', path: '' });
  } finally {
    engine.dispose();
  }
});

test('the rule set is checked before the request, as in C++', () => {
  assertTillError(() => till.price({ currency: 'GBP', extra: 1 }, []), { code: 'invalid_rules', document: 'rules' });
});

test('malformed JSON text is invalid_json for its document', () => {
  assertTillError(() => till.price('{"currency": ', request()), { code: 'invalid_json', document: 'rules' });
  assertTillError(() => till.price(rules(), '{"currency": "GBP", "currency": "GBP"}'), { code: 'invalid_json', document: 'request' });
  assertTillError(() => till.engine('[1, 2'), { code: 'invalid_json', document: 'rules' });
});

test('content errors come from C++ with a JSON Pointer', () => {
  const badPercent = rules();
  badPercent.promotions[0].reward.percent = 120;
  assertTillError(() => till.price(badPercent, request()), {
    code: 'invalid_rules', document: 'rules', path: '/promotions/0/reward/percent',
  });
  assertTillError(() => till.engine(badPercent), { code: 'invalid_rules', path: '/promotions/0/reward/percent' });
  const badQuantity = request();
  badQuantity.lines[0].quantity = 0;
  assertTillError(() => till.price(rules(), badQuantity), {
    code: 'invalid_request', document: 'request', path: '/lines/0/quantity',
  });
});

test('currency_mismatch, an unknown shipping method and limit_exceeded are thrown', () => {
  assertTillError(() => till.price(rules(), { ...request(), currency: 'EUR' }), {
    code: 'currency_mismatch', document: 'request', path: '/currency',
  });
  assertTillError(() => till.price(rules(), { ...request(), shipping_method: 'teleport' }), {
    code: 'invalid_request', document: 'request', path: '/shipping_method',
  });
  const huge = request();
  huge.lines = [{ id: 'l1', sku: 'GOLD', quantity: 10000, unit_price: 1_000_000_000 }];
  assertTillError(() => till.price(rules(), huge), { code: 'limit_exceeded', document: 'request' });
});

test('a disposed engine refuses to work, with a clear TillError', () => {
  const engine = till.engine(rules());
  engine.dispose();
  engine.dispose();
  assertTillError(() => engine.price(request()), { code: 'disposed', document: undefined, path: undefined });
  assertTillError(() => engine.publicView(), { code: 'disposed' });
});
