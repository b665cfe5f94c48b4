import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVE_CLI = join(dirname(fileURLToPath(import.meta.url)), 'serve-cli.ts');

/**
 * What the stand-in does on `serve`: run the protocol peer, or exit at once with an error
 * (a broken install, for the bounded-restart test).
 */
export type StandInBehaviour = 'serve' | 'fail';

// CommonJS on purpose: an extensionless script outside any package is loaded as CommonJS.
// The hook lets Node's type stripping load the peer's TypeScript, whose imports omit ".ts".
const script = (behaviour: StandInBehaviour) => `#!/usr/bin/env node
const { registerHooks } = require('node:module');
registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (specifier.startsWith('.')) return next(specifier + '.ts', context);
      throw error;
    }
  },
});
if (process.argv[2] !== 'serve') {
  process.stderr.write('Error: unknown command "' + process.argv[2] + '" for "ollama"\\n');
  process.exit(1);
}
if (${JSON.stringify(behaviour)} === 'fail') {
  process.stderr.write('Error: listen tcp ' + process.env.OLLAMA_HOST + ': bind: address already in use\\n');
  process.exit(1);
}
import(${JSON.stringify(SERVE_CLI)}).catch((error) => {
  process.stderr.write(String(error && error.stack || error) + '\\n');
  process.exit(1);
});
`;

/** Writes an executable `ollama` into a fresh temp folder and returns its path. */
export function writeOllamaStandIn(behaviour: StandInBehaviour = 'serve'): string {
  const dir = mkdtempSync(join(tmpdir(), 'cadence-ollama-bin-'));
  const file = join(dir, 'ollama');
  writeFileSync(file, script(behaviour));
  chmodSync(file, 0o755);
  return file;
}

/** An environment whose `node` (for the stand-in's shebang) is the Node 22 running the tests. */
export function envWithTestNode(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`, ...extra };
}
