import { resolve } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * main: the Electron entry and the headless host (plain Node) share one build, so both run the
 * same core. preload: CommonJS, as sandboxed preloads require. renderer: React.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          host: resolve(__dirname, 'src/main/host/cli.ts'),
          // The embedded llama.cpp engine runs in its own supervised process.
          'llm-worker': resolve(__dirname, 'src/workers/llm/worker.ts'),
          'stt-worker': resolve(__dirname, 'src/workers/stt/worker.ts'),
          'tts-worker': resolve(__dirname, 'src/workers/tts/worker.ts'), // espeak-ng (WASM) in a worker thread
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), tailwindcss()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves output unminified by default; the browser mode loads it over HTTP.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
