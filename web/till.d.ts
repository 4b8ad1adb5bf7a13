/**
 * till: a promotion and basket engine, running as WebAssembly. The contract is the project's SPEC.md;
 * this package gives it JavaScript shapes: plain objects in, plain objects out, and a {@link TillError}
 * for every failure.
 *
 * Every amount is an integer count of the currency's minor unit (pence for GBP): `4999` is £49.99.
 *
 * @packageDocumentation
 */

/** Where the `.wasm` comes from. By default it is `dist/till_wasm.wasm` next to the package's files. */
export interface LoadOptions {
  /**
   * URL of `till_wasm.wasm` (absolute, or relative to the page). In Node, a file path or a `file:` URL is
   * read from disk, and an `http(s):` URL is fetched.
   */
  wasmUrl?: string | URL;
  /** The module's bytes, already in hand; nothing is fetched then. */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

/**
 * Loads the WebAssembly module once and returns the API. Every later call returns the same promise (the
 * options of later calls are ignored); a load that failed is forgotten, so calling again retries it.
 *
 * In browsers the module is fetched with `WebAssembly.instantiateStreaming`, falling back to
 * `arrayBuffer()` + `WebAssembly.instantiate` where streaming is refused (some iOS web views, or a server
 * not sending `application/wasm`). Pages with a Content-Security-Policy need `'wasm-unsafe-eval'` in
 * `script-src` and nothing more.
 *
 * @throws {@link TillError} with code `wasm_unavailable` when WebAssembly is missing, or `load_failed`
 *   when the module cannot be fetched or instantiated (the original error is its `cause`).
 */
export function loadTill(options?: LoadOptions): Promise<Till>;

/** The API, once loaded. Documents are plain objects or JSON text; results are fresh plain objects. */
export interface Till {
  /**
   * Parses and validates a rule set once, for many prices. Dispose of the engine when done; one that is
   * dropped without `dispose()` is freed by a `FinalizationRegistry`, at the garbage collector's leisure.
   *
   * @throws {@link TillError} `invalid_json` or `invalid_rules` (or `limit_exceeded`) for a bad rule set.
   */
  engine(rules: RuleSet | string): TillEngine;

  /**
   * Prices one request against a rule set in one call (SPEC §5): what `till price` prints, as an object.
   *
   * @throws {@link TillError} for a bad rule set (checked first) or request, a currency mismatch, an unknown
   *   shipping method or a limit exceeded (SPEC §8).
   */
  price(rules: RuleSet | string, request: PricingRequest | string): PricingResult;

  /**
   * Checks a rule set without pricing anything.
   *
   * @returns `undefined` when it is valid, otherwise the {@link TillError} describing its first problem
   *   (returned, not thrown: finding problems is what this call is for).
   */
  check(rules: RuleSet | string): TillError | undefined;

  /**
   * Size of the module's linear memory in bytes. It only grows; a size that stays put over many calls
   * shows nothing is leaking.
   */
  memoryBytes(): number;
}

/** A parsed rule set, held in WebAssembly memory until {@link TillEngine.dispose}. */
export interface TillEngine {
  /**
   * Prices a request (SPEC §5). Gives exactly what {@link Till.price} gives for the same rule set.
   *
   * @throws {@link TillError} `invalid_json`, `invalid_request`, `currency_mismatch`, `limit_exceeded`, or
   *   `disposed` once the engine was disposed.
   */
  price(request: PricingRequest | string): PricingResult;

  /**
   * The public view of the rule set (SPEC §8): the same document with every non-public coupon's codes
   * emptied, safe to ship to browsers.
   *
   * @throws {@link TillError} `disposed` once the engine was disposed.
   */
  publicView(): RuleSet;

  /** Frees the rule set now. Calling it again does nothing; any other call then throws `disposed`. */
  dispose(): void;
}

/**
 * Codes of {@link TillError}: the five of SPEC §8, and four of this package: `wasm_unavailable` and
 * `load_failed` (from {@link loadTill}), `disposed` (an engine used after `dispose()`) and
 * `engine_failed` (the WebAssembly instance trapped; the next {@link loadTill} starts a fresh one).
 */
export type TillErrorCode =
  | 'invalid_json'
  | 'invalid_rules'
  | 'invalid_request'
  | 'currency_mismatch'
  | 'limit_exceeded'
  | 'wasm_unavailable'
  | 'load_failed'
  | 'disposed'
  | 'engine_failed';

/** Every error this package throws or returns. */
export class TillError extends Error {
  /** @internal Built by the package only. */
  constructor(
    fields: { code: TillErrorCode; document?: 'rules' | 'request'; path?: string; message: string },
    options?: { cause?: unknown },
  );
  /** What went wrong, as a stable code (see {@link TillErrorCode}). */
  readonly code: TillErrorCode;
  /** Which document is at fault, for the codes of SPEC §8; `undefined` for the package's own codes. */
  readonly document: 'rules' | 'request' | undefined;
  /**
   * JSON Pointer to the offending value, or to where a missing member belongs (`""` for the whole
   * document), for the codes of SPEC §8; `undefined` for the package's own codes.
   */
  readonly path: string | undefined;
  /** Always `"TillError"`. */
  readonly name: 'TillError';
}

/** Money: an integer count of minor units, in `[0, 10^12]`. */
export type Amount = number;

/** A percentage in `[0, 100]`, at most two decimals (`12.5`). */
export type Percent = number;

/** A UTC instant written exactly `YYYY-MM-DDTHH:MM:SS[.fraction]Z`. */
export type Timestamp = string;

/** Which basket lines a rule is about (SPEC §2.2); every present field must match. */
export interface Selector {
  skus?: string[];
  categories?: string[];
  tags?: string[];
  brands?: string[];
  exclude_skus?: string[];
  /** Inclusive bound on the regular unit price. */
  min_unit_price?: Amount;
  /** Inclusive bound on the regular unit price. */
  max_unit_price?: Amount;
}

/** What the basket must hold (SPEC §2.3). */
export interface Condition {
  min_subtotal?: Amount;
  items?: { selector: Selector; min_quantity?: number; min_subtotal?: Amount }[];
}

/** Who may have a promotion (SPEC §2.4). */
export interface Audience {
  segments_any?: string[];
  segments_none?: string[];
  loyalty_tiers?: string[];
  first_order?: boolean;
  min_orders?: number;
  min_days_since_last_order?: number;
  birthday_within_days?: number;
  newsletter?: boolean;
  channels?: string[];
  devices?: string[];
  countries?: string[];
  referred?: boolean;
  not_recently_purchased?: { selector: Selector; days: number };
}

/** What a promotion gives (SPEC §2.5); `type` decides which other fields apply. */
export interface Reward {
  type:
    | 'percent_off_order'
    | 'amount_off_order'
    | 'percent_off_items'
    | 'amount_off_items'
    | 'fixed_price_items'
    | 'multibuy'
    | 'buy_x_get_y'
    | 'free_gift'
    | 'shipping';
  selector?: Selector;
  percent?: Percent;
  amount?: Amount;
  unit_price?: Amount;
  price?: Amount;
  per?: 'unit' | 'once';
  max_quantity?: number;
  quantity?: number;
  pay_for?: number;
  buy?: { selector: Selector; quantity: number };
  get?: { selector: Selector; quantity: number };
  sku?: string;
  name?: string;
  value?: Amount;
  methods?: string[];
}

/** One promotion of a rule set (SPEC §2.1). */
export interface Promotion {
  id: string;
  name?: string;
  priority?: number;
  starts_at?: Timestamp;
  ends_at?: Timestamp;
  coupon?: { codes: string[]; public?: boolean };
  audience?: Audience;
  condition?: Condition;
  reward?: Reward;
  tiers?: { name?: string; condition?: Condition; reward: Reward }[];
  exclusive?: boolean;
  stackable?: boolean;
  max_discount?: Amount;
  max_applications?: number;
  usage_limit?: { per_customer?: number; total?: number };
  messages?: { applied?: string; nudge?: string };
}

/** A rule set (SPEC §2). Only `currency` is required. */
export interface RuleSet {
  id?: string;
  version?: string;
  currency: string;
  minor_units?: number;
  rounding?: 'half_up' | 'half_even' | 'down';
  selection?: 'best_for_customer' | 'priority';
  shipping_methods?: { id: string; name?: string; price: Amount }[];
  loyalty?: { points_per_major_unit?: number; tier_multipliers?: Record<string, number> };
  promotions?: Promotion[];
}

/** One basket line of a request. */
export interface RequestLine {
  id: string;
  sku: string;
  name?: string;
  /** In `[1, 10000]`. */
  quantity: number;
  unit_price: Amount;
  categories?: string[];
  tags?: string[];
  brand?: string;
}

/** A pricing request (SPEC §3). */
export interface PricingRequest {
  currency: string;
  now: Timestamp;
  lines: RequestLine[];
  shipping_method?: string;
  coupons?: string[];
  customer?: {
    id?: string;
    segments?: string[];
    loyalty_tier?: string;
    orders_count?: number;
    days_since_last_order?: number;
    /** `YYYY-MM-DD`. */
    birthday?: string;
    newsletter?: boolean;
    country?: string;
    recent_purchases?: { sku: string; days_ago: number; categories?: string[]; tags?: string[]; brand?: string }[];
  };
  context?: { channel?: string; device?: string };
  referral?: { token: string };
  usage?: Record<string, { customer?: number; total?: number }>;
  options?: { max_nudges?: number; explain?: boolean };
}

/** One line of a result, with what each promotion took off it. */
export interface ResultLine {
  id: string;
  sku: string;
  quantity: number;
  unit_price: Amount;
  subtotal: Amount;
  discount: Amount;
  total: Amount;
  adjustments: { promotion: string; amount: Amount }[];
}

/** A nudge (SPEC §6): the smallest change that would earn a promotion. */
export interface Nudge {
  promotion: string;
  kind: 'spend_more' | 'add_items' | 'add_get_items' | 'next_tier' | 'enter_code';
  gap?: Amount;
  quantity?: number;
  selector?: Selector;
  reward?: Reward;
  code?: string;
  benefit: Amount;
  /** In `[0, 1]`, rounded down to 4 decimals. */
  progress: number;
  message: string;
}

/** The priced basket (SPEC §4). */
export interface PricingResult {
  currency: string;
  rules_version?: string;
  lines: ResultLine[];
  subtotal: Amount;
  item_discount: Amount;
  order_discount: Amount;
  merchandise_total: Amount;
  shipping?: { method: string; price: Amount; discount: Amount; total: Amount };
  discount_total: Amount;
  total: Amount;
  gifts: { sku: string; name: string; quantity: number; value: Amount; promotion: string }[];
  applied: { promotion: string; name: string; amount: Amount; message: string; tier?: number; tier_name?: string }[];
  nudges: Nudge[];
  coupons: {
    code: string;
    status: 'applied' | 'unknown' | 'not_applicable' | 'not_best';
    promotion?: string;
    reason?: string;
    detail?: string;
  }[];
  not_applied?: { promotion: string; reason: string; detail?: string }[];
  loyalty_points?: number;
  optimal: boolean;
}
