// Loads the Emscripten module (dist/till_wasm.js + .wasm) once. Private to the package: till.mjs wraps it
// in the public API, bin/till.mjs uses its byte-exact functions directly.
import createTillModule from '../dist/till_wasm.js';
import { TillError } from './till-error.mjs';

const DEFAULT_WASM_URL = new URL('../dist/till_wasm.wasm', import.meta.url);
const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';

let cachedModule;

/**
 * The raw binding and the size of its memory, `{raw, memoryBytes()}`, loaded on the first call; later
 * calls share that promise whatever their options. A failed load is forgotten so that it can be retried.
 */
export function loadRawModule(options = {}) {
  if (!cachedModule) {
    cachedModule = instantiateModule(options).catch((error) => {
      cachedModule = undefined;
      throw error;
    });
  }
  return cachedModule;
}

/** Drops the cached module (after a trap left it unusable); the next load starts afresh. */
export function forgetRawModule() {
  cachedModule = undefined;
}

async function instantiateModule({ wasmUrl, wasmBinary }) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    throw new TillError({
      code: 'wasm_unavailable',
      message: 'WebAssembly is not available here (turned off by policy, or a very old browser)',
    });
  }
  let rejectLoad;
  const loadFailed = new Promise((resolve, reject) => { rejectLoad = reject; });
  let memory;
  const modulePromise = createTillModule({
    // Emscripten 3.1.6's own loader cannot read the file in Node and has no arrayBuffer() fallback.
    instantiateWasm(imports, receiveInstance) {
      instantiate(imports, wasmUrl, wasmBinary).then(({ instance, module }) => {
        memory = Object.values(instance.exports).find((value) => value instanceof WebAssembly.Memory);
        receiveInstance(instance, module);
      }, (cause) => {
        rejectLoad(new TillError({
          code: 'load_failed',
          message: `could not load till's WebAssembly: ${cause?.message ?? cause}`,
        }, { cause }));
      });
      return {};
    },
  });
  const raw = await Promise.race([modulePromise, loadFailed]);
  return { raw, memoryBytes: () => memory.buffer.byteLength };
}

async function instantiate(imports, wasmUrl, wasmBinary) {
  if (wasmBinary) return WebAssembly.instantiate(wasmBinary, imports);
  const url = wasmUrl ?? DEFAULT_WASM_URL;
  if (isNode && !/^https?:/i.test(String(url))) {
    // A path, a file: URL string or a URL object; readFile takes the path and the URL object.
    const { readFile } = await import('node:fs/promises');
    const file = typeof url === 'string' && url.startsWith('file:') ? new URL(url) : url;
    return WebAssembly.instantiate(await readFile(file), imports);
  }
  if (typeof WebAssembly.instantiateStreaming === 'function') {
    try {
      return await WebAssembly.instantiateStreaming(fetch(url), imports);
    } catch {
      // Some WKWebViews reject streaming, and some servers send the .wasm without application/wasm;
      // both still work from the bytes.
    }
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
