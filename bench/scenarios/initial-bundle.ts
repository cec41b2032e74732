import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The architecture's budget for what the agents' app downloads before its first page (gzip). */
const INITIAL_JS_BUDGET_KIB = 250;

/**
 * The JavaScript a browser fetches on the first visit: the entry script and the modules the built
 * index.html preloads; pages loaded on demand are not counted. Sizes are gzip level 9, as served.
 */
export function measureInitialBundle(distDir: string): string {
  const indexHtml = join(distDir, 'index.html');
  if (!existsSync(indexHtml)) return '\nJavaScript initial : dist/ absent, lancez `npm run build` avant le banc.';
  const html = readFileSync(indexHtml, 'utf8');
  const scripts = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const files = scripts.map((path) => {
    const bytes = readFileSync(join(distDir, path));
    return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const kib = (bytes: number) => (bytes / 1024).toFixed(1);
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  return [
    '',
    "JavaScript initial de l'application des agents (gzip) :",
    ...files.map((f) => `  ${f.path.padEnd(44)} ${kib(f.gzip).padStart(7)} kio  (${kib(f.raw)} kio brut)`),
    `  ${total / 1024 < INITIAL_JS_BUDGET_KIB ? 'PASS' : 'FAIL'}  total ${kib(total)} kio < ${INITIAL_JS_BUDGET_KIB} kio`,
  ].join('\n');
}
