// web/till.d.ts compiles against wasm-tests/usage.ts under strict TypeScript (installed by `npm ci` in web/).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

import { repository } from './support/paths.mjs';

test('tsc --noEmit accepts usage.ts against till.d.ts', () => {
  const tsc = path.join(repository, 'web/node_modules/typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', path.join(repository, 'wasm-tests/tsconfig.json')], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
