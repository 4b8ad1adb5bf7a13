// Runs a snippet of ES module code in a fresh Node process, where loadTill has no cached module yet.
// The snippet sees `loadTill` and `TillError` and reports by printing one JSON value, which is returned.
// Asynchronous, so that a test can serve the .wasm over HTTP from its own process meanwhile. `nodeFlags`
// go to that process (e.g. --expose-gc).
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';

import { tillModule } from './paths.mjs';

export function runIsolated(body, nodeFlags = []) {
  const source = `import { loadTill, TillError } from ${JSON.stringify(pathToFileURL(tillModule).href)};\n${body}`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...nodeFlags, '--input-type=module', '-e', source], (error, stdout) => {
      if (error) reject(error);
      else resolve(JSON.parse(stdout));
    });
  });
}
