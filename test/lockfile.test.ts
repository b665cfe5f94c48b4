import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * `npm ci` on a clean clone refuses a lock file that names an optional dependency without an
 * entry of its own. A local `npm install` against a registry mirror that lacks some platform
 * builds (darwin/win32 binaries of native packages) writes exactly such a lock, and the local
 * install stamp hides it until CI. This catches it before CI does.
 */
interface LockEntry {
  optionalDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

function isListed(fromPath: string, name: string): boolean {
  // Node's resolution: the nearest node_modules folder up from the dependent package.
  let base = fromPath;
  for (;;) {
    if (lock.packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
    if (!base) return false;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

describe('package-lock.json', () => {
  it('has an entry for every optional dependency, so npm ci accepts it on a clean clone', () => {
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((name) => !isListed(path, name))
        .map((name) => `${path || '(root)'} → ${name}`),
    );
    expect(missing).toEqual([]);
  });
});
