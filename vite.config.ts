import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { FONT_PRELOADING_PAGES, PRELOADED_FONT_FILES } from './src/fontPreload.ts';
import { CSP_META } from './src/server/csp.ts';
import { dataMounts, serveData } from './src/server/data-mounts.ts';
import { precompress } from './src/server/precompress.ts';
import { HEADERS_FILE, headersFile } from './src/server/static-hosts.ts';

/** URL prefix → the data files under it (src/server/data-mounts.ts). */
const DATA_MOUNTS = dataMounts(path.dirname(fileURLToPath(import.meta.url)));

/**
 * Serves the data in development (with the production server's Range and 304 answers) and writes it into
 * the build, byte for byte.
 */
function dataFiles(): Plugin {
  return {
    name: 'situation-map:data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!serveData(DATA_MOUNTS, req, res)) next();
      });
    },
    generateBundle() {
      for (const [prefix, files] of Object.entries(DATA_MOUNTS))
        for (const name of files.names().sort())
          this.emitFile({ type: 'asset', fileName: prefix + name, source: files.read(name).body });
    },
  };
}

/**
 * The production server's Content-Security-Policy (src/server/csp.ts) also as a <meta> element, first in
 * <head>, for static hosts that cannot send headers. Build only: the dev server injects inline scripts
 * for hot reloading, which the policy forbids.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'situation-map:csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * `<link rel="preload">` for the text fonts the page sets its first view in (src/fontPreload.ts), by the
 * names the build gave them. Build only: the dev server serves the fonts from node_modules.
 */
function preloadTextFonts(): Plugin {
  let base = '/';
  return {
    name: 'situation-map:preload-fonts',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { filename, bundle }) {
        if (!(FONT_PRELOADING_PAGES as readonly string[]).includes(path.basename(filename))) return;
        if (!bundle) throw new Error(`preload-fonts: no bundle for ${filename}`);
        const assets = Object.values(bundle).filter((o) => o.type === 'asset');
        return PRELOADED_FONT_FILES.map((file) => {
          const asset = assets.find((a) => a.originalFileNames.some((n) => path.basename(n) === file));
          if (!asset) throw new Error(`preload-fonts: ${file} is not in the build (src/fonts.ts imports it)`);
          return {
            tag: 'link',
            attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: base + asset.fileName },
            injectTo: 'head' as const,
          };
        });
      },
    },
  };
}

/** A brotli and a gzip copy of each file worth compressing, for the production server (src/server/). */
function precompressed(): Plugin {
  return {
    name: 'situation-map:precompress',
    apply: 'build',
    async writeBundle({ dir }) {
      if (!dir) throw new Error('precompress: the build has no output folder');
      await precompress(dir);
    },
  };
}

/** The server's headers as a `_headers` file, for static hosts that read one (docs/hosting.md). */
function staticHostHeaders(): Plugin {
  return {
    name: 'situation-map:static-host-headers',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: HEADERS_FILE, source: headersFile() });
    },
  };
}

export default defineConfig({
  plugins: [svelte(), dataFiles(), contentSecurityPolicy(), preloadTextFonts(), staticHostHeaders(), precompressed()],
  resolve: {
    // pmtiles from the TypeScript it ships: its bundle names every class with a call the bundler must keep,
    // and with it the Leaflet layer the map never uses (1.3 kB gzip of the map's worker).
    alias: [{ find: /^pmtiles$/, replacement: fileURLToPath(new URL('node_modules/pmtiles/src/index.ts', import.meta.url)) }],
  },
  build: {
    target: 'es2022',
    // maplibre-gl alone is ~1.1 MB; the warning would only ever be about it.
    chunkSizeWarningLimit: 1300,
    rolldownOptions: {
      // baseline.html: the basemap in MapLibre and nothing else, the benchmark's reference (tests/bench/);
      // embed.html: the map as another site frames it (src/embed/).
      input: ['index.html', 'baseline.html', 'embed.html'].map((f) => fileURLToPath(new URL(f, import.meta.url))),
      // MapLibre in a chunk of its own, so that the app's own code is measurable (and cached apart).
      output: { codeSplitting: { groups: [{ name: 'maplibre', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ }] } },
    },
  },
  // The map's worker (map/mapWorker.ts) bundled as an ES module, started as a module worker
  // (map/worker.ts); named .mjs, as MapLibre's own worker file is.
  worker: { format: 'es', rolldownOptions: { output: { entryFileNames: 'assets/[name]-[hash].mjs' } } },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // One module registry per worker, not per file: the gazetteer, the basemap and the shapes drawn from it
    // are read once per worker instead of once per file (no test mocks a module; a test's files are its own).
    isolate: false,
    // A worker per core: Vitest's default of half the cores is one worker on a 2-core machine, the fast tier
    // then 34 s instead of 25 (quiet, load 2.4-2.7).
    maxWorkers: availableParallelism(),
    // Says first whether this is the fast tier or the full one, and what the fast one skips (tests/support/tier.ts).
    globalSetup: ['tests/support/tier-banner.ts'],
    // Some tests validate whole GeoJSON files or run the CLI: seconds on a busy 2-core machine, not 5.
    testTimeout: 30_000,
  },
});
