// Compiled with `tsc --noEmit` (types.test.mjs): the declarations in web/till.d.ts must describe how the
// package is really used, and must reject what it refuses.
import { loadTill, TillError, type PricingResult, type RuleSet, type Till, type TillEngine } from 'till-engine';

const rules: RuleSet = {
  currency: 'GBP',
  shipping_methods: [{ id: 'standard', name: 'Standard delivery', price: 495 }],
  promotions: [{ id: 'ten-off', reward: { type: 'percent_off_order', percent: 10 } }],
};

export async function example(): Promise<number> {
  const till: Till = await loadTill({ wasmUrl: new URL('https://shop.example/till_wasm.wasm') });
  await loadTill({ wasmBinary: new Uint8Array(0) });
  const engine: TillEngine = till.engine(rules);
  try {
    const result: PricingResult = engine.price({
      currency: 'GBP',
      now: '2026-11-22T10:00:00Z',
      lines: [{ id: 'l1', sku: 'E7247', quantity: 2, unit_price: 4999 }],
      shipping_method: 'standard',
    });
    const shipping: number = result.shipping?.total ?? 0;
    const view: RuleSet = engine.publicView();
    return result.total + shipping + (view.promotions?.length ?? 0);
  } catch (error) {
    if (error instanceof TillError && error.code === 'currency_mismatch') return error.path?.length ?? 0;
    throw error;
  } finally {
    engine.dispose();
  }
}

export function checked(till: Till): string {
  const problem: TillError | undefined = till.check('{"currency": "GBP"}');
  return problem === undefined ? 'valid' : `${problem.code} at ${problem.path}: ${problem.message}`;
}

// @ts-expect-error a rule set needs its currency
export const missingCurrency: RuleSet = { promotions: [] };

// @ts-expect-error error codes are a closed set
export const unknownCode: TillError['code'] = 'oops';
