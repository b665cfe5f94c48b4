#!/usr/bin/env bash
# bash scripts/build-server.sh [--standalone] [--force]: bundles the sync service
# (src/server/main.ts) with rolldown into out/server/main.js, unless the bundle is newer than every
# file it was built from (listed in out/server/inputs.txt by the previous build), the lock file
# and this script. Packages from node_modules stay external: native ones (argon2) cannot be
# bundled, and the rest are loaded as they were tested.
#   --standalone  also copies the external packages and everything they depend on (resolved the way
#                 Node resolves them, at the versions in node_modules) into out/server/node_modules
#                 and writes out/server/package.json: out/server/ then runs on its own with
#                 `node main.js`, which is what the Dockerfile ships. `npm ci --omit=dev` would
#                 instead install every desktop dependency (Electron's updater, llama.cpp, Whisper,
#                 keytar, uiohook…) and compile their native parts, none of which the server loads.
#   --force       rebuild even when the bundle is current.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

standalone=0
force=0
for arg in "$@"; do
  case "$arg" in
    --standalone) standalone=1 ;;
    --force) force=1 ;;
    *) echo "usage: bash scripts/build-server.sh [--standalone] [--force]" >&2; exit 2 ;;
  esac
done

out=out/server
stamp="$out/.build-stamp"
inputs="$out/inputs.txt"

is_current() {
  [ "$force" = 0 ] && [ -f "$stamp" ] && [ -f "$inputs" ] && [ -f "$out/main.js" ] || return 1
  [ "$standalone" = 0 ] || [ -d "$out/node_modules" ] || return 1
  [ -z "$(find package.json package-lock.json scripts/build-server.sh -newer "$stamp" -print -quit)" ] || return 1
  local file
  while IFS= read -r file; do
    # A deleted or changed input means the import graph moved: rebuild.
    [ -f "$file" ] && [ ! "$file" -nt "$stamp" ] || return 1
  done <"$inputs"
}

if is_current; then exit 0; fi

echo "cadence: bundling the sync service into $out/main.js (rolldown)" >&2
mkdir -p "$out"
CADENCE_STANDALONE="$standalone" node --input-type=module - <<'NODE'
import { cpSync, existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'rolldown';

const root = process.cwd();
const out = join(root, 'out', 'server');
const builtins = new Set(builtinModules);
const externals = new Set();

/** The package a bare import names: "@scope/name/sub" -> "@scope/name", "pg/lib" -> "pg". */
function packageName(id) {
  const parts = id.split('/');
  return id.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const result = await build({
  input: join(root, 'src', 'server', 'main.ts'),
  platform: 'node',
  logLevel: 'warn',
  external: (id) => {
    if (id.startsWith('node:') || builtins.has(id)) return true;
    if (id.startsWith('.') || id.startsWith('/') || id.startsWith('\0')) return false;
    externals.add(packageName(id));
    return true;
  },
  output: { file: join(out, 'main.js'), format: 'esm', sourcemap: true },
});

const chunk = result.output.find((item) => item.type === 'chunk');
const sources = (chunk?.moduleIds ?? [])
  .filter((id) => id.startsWith(root) && !id.includes('/node_modules/'))
  .map((id) => relative(root, id))
  .sort();
writeFileSync(join(out, 'inputs.txt'), sources.join('\n') + '\n');

// The versions installed here are the ones the tests ran against; the standalone folder pins them.
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packageDir = (name, from) => {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === dirname(dir)) return null;
  }
};
const versions = {};
for (const name of [...externals].sort()) {
  const dir = packageDir(name, root);
  if (!dir) throw new Error(`The server imports "${name}", which is not installed (run scripts/install-deps.sh).`);
  versions[name] = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}
writeFileSync(
  join(out, 'package.json'),
  JSON.stringify(
    {
      name: 'cadence-sync-server',
      version: rootPackage.version,
      private: true,
      type: 'module',
      main: 'main.js',
      engines: rootPackage.engines,
      dependencies: versions,
    },
    null,
    2,
  ) + '\n',
);

if (process.env.CADENCE_STANDALONE === '1') {
  // Walk the dependency graph from the externals the way Node resolves it (nearest node_modules
  // up the tree), so nested copies that differ in version keep their place.
  const modules = join(out, 'node_modules');
  rmSync(modules, { recursive: true, force: true });
  const copied = new Set();
  const queue = Object.keys(versions).map((name) => ({ name, from: root, optional: false }));
  while (queue.length > 0) {
    const { name, from, optional } = queue.shift();
    const found = packageDir(name, from);
    if (!found) {
      if (optional) continue;
      throw new Error(`"${name}" (needed from ${relative(root, from) || '.'}) is not installed.`);
    }
    const dir = realpathSync(found);
    if (copied.has(dir)) continue;
    copied.add(dir);
    const target = join(modules, relative(join(root, 'node_modules'), dir));
    if (target.startsWith('..') || !resolve(target).startsWith(modules)) {
      throw new Error(`"${name}" resolves outside node_modules (${dir}); a linked package cannot be shipped.`);
    }
    // Copy the package without its nested node_modules: those are reached through the walk.
    cpSync(dir, target, {
      recursive: true,
      filter: (src) => !relative(dir, src).split('/').includes('node_modules'),
    });
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const dep of Object.keys(manifest.dependencies ?? {})) queue.push({ name: dep, from: dir, optional: false });
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) queue.push({ name: dep, from: dir, optional: true });
    // npm installs peers; one that is missing was optional for that package.
    for (const dep of Object.keys(manifest.peerDependencies ?? {})) queue.push({ name: dep, from: dir, optional: true });
  }
  console.error(`cadence: ${copied.size} packages copied into out/server/node_modules`);
} else {
  // A copy left by an earlier --standalone build would shadow the repo's node_modules with
  // versions that may no longer match the lock file.
  rmSync(join(out, 'node_modules'), { recursive: true, force: true });
}
NODE
touch "$stamp"
