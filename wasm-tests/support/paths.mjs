// Where the tests find what scripts/test-wasm built. Both build directories can be moved with
// TILL_NATIVE_BUILD and TILL_WASM_BUILD (paths relative to the repository).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repository = fileURLToPath(new URL('../..', import.meta.url));
export const nativeBuild = path.resolve(repository, process.env.TILL_NATIVE_BUILD ?? 'build/native');
export const wasmBuild = path.resolve(repository, process.env.TILL_WASM_BUILD ?? 'build/wasm');

export const nativeTill = path.join(nativeBuild, 'till');
export const wasmTill = path.join(repository, 'web/bin/till.mjs');
export const tillModule = path.join(repository, 'web/till.mjs');
export const wasmFile = path.join(repository, 'web/dist/till_wasm.wasm');
export const demo = path.join(repository, 'demo');
