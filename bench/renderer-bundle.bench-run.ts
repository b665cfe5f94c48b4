import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { it } from 'vitest';
import { record, recordMissing } from './bench-record';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'out', 'renderer');
const SOURCES = [join(ROOT, 'src', 'renderer'), join(ROOT, 'electron.vite.config.ts')];
const FIRST_ROUTE = { bench: 'renderer.first_route_js_gzip_kb', unit: 'kB', target: '<=250' };
const TOTAL = { bench: 'renderer.total_js_gzip_kb', unit: 'kB' };

/** Attribute values of every `<tag …>` whose attributes pass `keep`. */
function tagAttributes(html: string, tag: string): Record<string, string>[] {
  const tags = html.match(new RegExp(`<${tag}\\b[^>]*>`, 'giu')) ?? [];
  return tags.map((text) => {
    const attributes: Record<string, string> = {};
    for (const [, name, value] of text.matchAll(/([\w-]+)\s*=\s*["']([^"']*)["']/gu)) {
      attributes[name!.toLowerCase()] = value!;
    }
    return attributes;
  });
}

/** Relative specifiers of a chunk's static imports and re-exports (not `import()`). */
function staticImports(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+?\.m?js)["'`]/gu,
    /\bexport\s*(?:\*|\{[^}]*\})\s*from\s*["'`](\.{1,2}\/[^"'`]+?\.m?js)["'`]/gu,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]!);
  return found;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.m?js$/u.test(file))
    .map((file) => join(dir, file));
}

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Why the built renderer cannot be measured now, or null when it can. */
function unavailable(indexHtml: string): string | null {
  const build = process.env.BENCH_RENDERER_BUILD;
  if (build === 'failed') {
    const log = process.env.BENCH_RENDERER_BUILD_LOG;
    const tail =
      log && existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => /error/iu.test(line))
            .slice(0, 2)
            .join(' / ')
            .slice(0, 300)
        : '';
    return `electron-vite build failed${tail ? `: ${tail}` : ''}${log ? ` (log: ${relative(ROOT, log)})` : ''}`;
  }
  if (!existsSync(indexHtml)) return 'out/renderer/index.html not found (run npx electron-vite build)';
  // Outside scripts/bench.sh nothing rebuilt: refuse to measure a stale build.
  if (build === undefined && newestMtime(SOURCES[0]!) > statSync(indexHtml).mtimeMs) {
    return 'out/renderer is older than src/renderer (run npm run bench, which rebuilds)';
  }
  return null;
}

it('renderer.first_route_js_gzip_kb: gzip size of the JS the first route loads', () => {
  const indexHtml = join(OUT, 'index.html');
  const reason = unavailable(indexHtml);
  if (reason) {
    recordMissing(FIRST_ROUTE, reason);
    recordMissing(TOTAL, reason);
    return;
  }

  const html = readFileSync(indexHtml, 'utf8');
  const entries = tagAttributes(html, 'script')
    .filter((a) => a.type === 'module' && a.src)
    .map((a) => a.src!);
  const preloads = tagAttributes(html, 'link')
    .filter((a) => a.rel === 'modulepreload' && a.href)
    .map((a) => a.href!);
  const local = (ref: string, from: string) => (/^[a-z]+:|^\/\//iu.test(ref) ? null : resolve(from, ref));

  // Entry + preloads, then every chunk they import statically (lazy `import()` chunks are not).
  const firstRoute = new Set<string>();
  const queue = [...entries, ...preloads].map((ref) => local(ref, OUT)).filter((f): f is string => f !== null);
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (firstRoute.has(file)) continue;
    if (!existsSync(file)) throw new Error(`index.html refers to ${relative(OUT, file)}, which is not in the build`);
    firstRoute.add(file);
    for (const ref of staticImports(readFileSync(file, 'utf8'))) queue.push(resolve(dirname(file), ref));
  }
  if (entries.length === 0) {
    recordMissing(FIRST_ROUTE, 'out/renderer/index.html has no module entry script');
    recordMissing(TOTAL, 'out/renderer/index.html has no module entry script');
    return;
  }

  const firstBytes = [...firstRoute].reduce((sum, file) => sum + gzipBytes(file), 0);
  const all = jsFiles(OUT);
  const totalBytes = all.reduce((sum, file) => sum + gzipBytes(file), 0);
  const names = [...firstRoute].map((f) => relative(OUT, f)).sort();
  record({
    ...FIRST_ROUTE,
    value: firstBytes / 1000,
    n: firstRoute.size,
    note: `gzip -9, 1 kB = 1000 B; entry + ${preloads.length} modulepreload(s) + static imports: ${names.join(', ')}`,
  });
  record({ ...TOTAL, value: totalBytes / 1000, n: all.length, note: 'every JS file in out/renderer (info)' });
});
