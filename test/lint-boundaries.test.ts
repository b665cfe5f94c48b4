import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules must fail code that crosses them, not just pass code that doesn't. */
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it.each([
    ['src/main/posts/example.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src/main/host/example.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src/shared/example.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
    ['src/shared/example.ts', "import { createCore } from '../main/core';\nexport const c = createCore;\n"],
    ['src/renderer/example.ts', "import { join } from 'node:path';\nexport const j = join;\n"],
    ['src/renderer/example.ts', "import { createCore } from '../main/core';\nexport const c = createCore;\n"],
  ])('refuses the import in %s', async (filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['src/main/index.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src/main/platform/tray/electron.ts', "import { Tray } from 'electron';\nexport const t = Tray;\n"],
    ['src/preload/index.ts', "import { contextBridge } from 'electron';\nexport const c = contextBridge;\n"],
    ['src/renderer/example.ts', "import { contract } from '../shared/contract';\nexport const c = contract;\n"],
  ])('allows the import in %s', async (filePath, code) => {
    expect(await ruleIdsFor(filePath, code)).not.toContain('no-restricted-imports');
  });
});
