import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const SERVICE_WORKER = 'sw';
const publicDir = fileURLToPath(new URL('./public', import.meta.url));

/**
 * Gives the service worker the list of this build's files and a cache name unique to the build, so
 * the app opens offline and a new build replaces the old one whole (docs/decisions/022).
 */
function precacheManifest(): Plugin {
  return {
    name: 'demeure-precache-manifest',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const worker = Object.values(bundle).find((file) => file.type === 'chunk' && file.name === SERVICE_WORKER);
      if (!worker || worker.type !== 'chunk') return;
      const built = Object.keys(bundle).filter((name) => name !== worker.fileName && !name.endsWith('.map'));
      const files = [
        ...new Set(['index.html', ...built, ...readdirSync(publicDir, { recursive: true, encoding: 'utf8' })]),
      ]
        .filter((name) => /\.[a-z0-9]+$/i.test(name))
        .map((name) => `/${name}`)
        .sort();
      const cacheName = `demeure-${createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16)}`;
      worker.code = worker.code.replaceAll('__PRECACHE__', JSON.stringify({ cacheName, files }));
    },
  };
}

export default defineConfig({
  plugins: [react(), precacheManifest()],
  resolve: { alias: { '#src': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'dist',
    sourcemap: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        [SERVICE_WORKER]: fileURLToPath(new URL('./src/app/sw/service-worker.ts', import.meta.url)),
      },
      // The worker keeps a fixed address: its scope is the whole app and browsers check it for updates.
      output: { entryFileNames: (chunk) => (chunk.name === SERVICE_WORKER ? 'sw.js' : 'assets/[name]-[hash].js') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
