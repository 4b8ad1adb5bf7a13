// The download stays within its budget: 150 KB gzipped for the .wasm and the JavaScript together.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { repository } from './support/paths.mjs';

test('web/scripts/size.mjs reports a gzipped total within 150 KB', () => {
  const run = spawnSync(process.execPath, [path.join(repository, 'web/scripts/size.mjs')], { encoding: 'utf8' });
  const report = JSON.parse(readFileSync(path.join(repository, 'web/size.json'), 'utf8'));
  assert.equal(report.total_gzip_bytes, report.wasm.gzip_bytes + report.js.gzip_bytes);
  assert.ok(report.total_gzip_bytes <= 150 * 1024, `${report.total_gzip_bytes} bytes gzipped`);
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
