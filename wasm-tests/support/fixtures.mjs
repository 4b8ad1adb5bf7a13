// Small documents for the API tests, written for the SPEC's examples (amounts in pence).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { demo } from './paths.mjs';

/** A rule set with an order discount, a non-public coupon and shipping. */
export function rules() {
  return {
    id: 'test-store',
    version: '2026-11-22.1',
    currency: 'GBP',
    shipping_methods: [{ id: 'standard', name: 'Standard delivery', price: 495 }],
    promotions: [
      {
        id: 'ten-off-over-50',
        name: '10% off orders over £50',
        condition: { min_subtotal: 5000 },
        reward: { type: 'percent_off_order', percent: 10 },
      },
      {
        id: 'staff-30',
        coupon: { codes: ['STAFF30'], public: false },
        reward: { type: 'percent_off_order', percent: 30 },
      },
    ],
  };
}

/** A request of two lines for £99.98 in all, with standard shipping. */
export function request() {
  return {
    currency: 'GBP',
    now: '2026-11-22T10:00:00Z',
    lines: [{ id: 'l1', sku: 'E7247', name: 'E7247 Speaker', quantity: 2, unit_price: 4999 }],
    shipping_method: 'standard',
  };
}

/** The demo store's rules and baskets, as JSON text: `{rules, baskets: [{name, text}]}`. */
export function demoStore() {
  const baskets = readdirSync(path.join(demo, 'baskets')).filter((name) => name.endsWith('.json')).sort();
  return {
    rulesFile: path.join(demo, 'rules.json'),
    rules: readFileSync(path.join(demo, 'rules.json'), 'utf8'),
    baskets: baskets.map((name) => {
      const file = path.join(demo, 'baskets', name);
      return { name, file, text: readFileSync(file, 'utf8') };
    }),
  };
}
