// The JavaScript face of till: pricing on plain objects over the WebAssembly build. Types and contracts
// are in till.d.ts; the raw Embind module stays private (lib/loader.mjs).
import { forgetRawModule, loadRawModule } from './lib/loader.mjs';
import { TillError } from './lib/till-error.mjs';

export { TillError };

let cachedTill;

export function loadTill(options = {}) {
  if (!cachedTill) {
    cachedTill = loadRawModule(options).then(makeTill, (error) => {
      cachedTill = undefined;
      throw error;
    });
  }
  return cachedTill;
}

const decoder = new TextDecoder();

// What crosses into wasm: a JSON string as given, or a plain object as JSON. Anything else is refused
// here with the document's own code; C++ then checks the content again, as it does for the server.
function documentText(value, document) {
  const code = document === 'rules' ? 'invalid_rules' : 'invalid_request';
  if (typeof value === 'string') return value;
  const prototype = value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TillError({
      code, document, path: '', message: `${document} must be a plain object or a JSON string (got ${describe(value)})`,
    });
  }
  try {
    return JSON.stringify(value);
  } catch (cause) {
    throw new TillError({ code, document, path: '', message: `${document} cannot be written as JSON: ${cause.message}` }, { cause });
  }
}

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an instance of ${value.constructor?.name ?? 'a class'}`;
  return typeof value;
}

// The binding's {output, isError}: the bytes `till price` prints, parsed; an error document is thrown.
function unwrap({ output, isError }) {
  const parsed = JSON.parse(decoder.decode(output));
  if (isError) throw new TillError(parsed.error);
  return parsed;
}

function makeTill({ raw, memoryBytes }) {
  // A trap (a bug, or memory exhausted) leaves the instance unusable: say so, and load afresh next time.
  function guard(call) {
    try {
      return call();
    } catch (error) {
      if (error instanceof TillError) throw error;
      cachedTill = undefined;
      forgetRawModule();
      throw new TillError({ code: 'engine_failed', message: `till's WebAssembly stopped: ${error?.message ?? error}` }, { cause: error });
    }
  }

  function rulesError(rulesText) {
    const checked = guard(() => raw.checkJson(rulesText));
    return checked.isError ? new TillError(JSON.parse(decoder.decode(checked.output)).error) : undefined;
  }

  // Frees the rule set of an engine that was dropped without dispose().
  const registry = typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry((handle) => handle.delete())
    : undefined;

  class Engine {
    #handle;

    constructor(rules) {
      const text = documentText(rules, 'rules');
      const handle = guard(() => new raw.Engine(text));
      const checked = guard(() => handle.error());
      if (checked.isError) {
        handle.delete();
        unwrap(checked);
      }
      this.#handle = handle;
      registry?.register(this, handle, this);
    }

    #live() {
      if (!this.#handle) {
        throw new TillError({ code: 'disposed', message: 'this engine was disposed; create another with till.engine(rules)' });
      }
      return this.#handle;
    }

    price(request) {
      const handle = this.#live();
      const text = documentText(request, 'request');
      return unwrap(guard(() => handle.price(text)));
    }

    publicView() {
      const handle = this.#live();
      return unwrap(guard(() => handle.publicView()));
    }

    dispose() {
      if (!this.#handle) return;
      registry?.unregister(this);
      this.#handle.delete();
      this.#handle = undefined;
    }
  }

  return Object.freeze({
    engine: (rules) => new Engine(rules),
    price(rules, request) {
      const rulesText = documentText(rules, 'rules');
      let requestText;
      try {
        requestText = documentText(request, 'request');
      } catch (error) {
        // The whole rule set is checked before the request (SPEC §8), in JavaScript as in C++.
        throw rulesError(rulesText) ?? error;
      }
      return unwrap(guard(() => raw.priceJson(rulesText, requestText)));
    },
    check(rules) {
      try {
        return rulesError(documentText(rules, 'rules'));
      } catch (error) {
        if (error.code === 'engine_failed') throw error;
        return error;
      }
    },
    memoryBytes,
  });
}
