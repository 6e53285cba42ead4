import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { CSP_META } from './src/server/csp.ts';
import { contentType } from './src/server/content-types.ts';
import { precompress } from './src/server/precompress.ts';
import { rangeFor } from './src/server/serve.ts';
import { HEADERS_FILE, headersFile } from './src/server/static-hosts.ts';
import { glyphFile, LABEL_FONTS } from './src/basemap/labelFonts.ts';
import { fontGlyphs } from './src/tiles/glyphs.ts';

/** Files the app fetches, by name: listed and read when asked for. */
interface DataFiles {
  names(): string[];
  read(name: string): Buffer;
}

/** A folder of generated, committed data under geodata/. */
const folder = (dir: string): DataFiles => ({
  names: () => readdirSync(dir),
  read: (name) => readFileSync(path.join(dir, name)),
});

/**
 * The labels' ready-made glyphs (src/tiles/glyphs.ts), cut from the npm font files once per build (or dev
 * server), when first asked for: NotoSans-Regular.0-255.pbf and its bold.
 */
function labelGlyphs(): DataFiles {
  let files: Map<string, Buffer> | undefined;
  const made = () => (files ??= new Map(LABEL_FONTS.map((font) => [glyphFile(font.stack), fontGlyphs(font)])));
  return { names: () => [...made().keys()], read: (name) => made().get(name)! };
}

/** URL prefix → the data files under it. */
const DATA_MOUNTS: Record<string, DataFiles> = {
  'data/layers/': folder('geodata/layers'),
  'data/tiles/': folder('geodata/tiles'),
  'data/glyphs/': labelGlyphs(),
};

/**
 * Serves the data in development and writes it into the build, byte for byte, so the app reads exactly
 * the files the tests check (and no copy under public/ can drift from them).
 */
function dataFiles(): Plugin {
  return {
    name: 'situation-map:data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0].replace(/^\//, '');
        for (const [prefix, files] of Object.entries(DATA_MOUNTS)) {
          if (!url.startsWith(prefix)) continue;
          const name = url.slice(prefix.length);
          if (!files.names().includes(name)) {
            // Not Vite's fallback page with a 200: a missing data file is missing, as in production.
            res.statusCode = 404;
            res.end(`${url} not found`);
            return;
          }
          res.setHeader('Content-Type', contentType(name));
          res.setHeader('Accept-Ranges', 'bytes');
          const body = files.read(name);
          // Tile archives are read in parts (Range), as the production server (on sirv) answers them.
          const range = req.headers.range ? rangeFor(req.headers.range, body.length) : undefined;
          const m = range ? /^bytes=(\d+)-(\d*)$/.exec(range) : null;
          if (m && Number(m[1]) >= body.length) {
            res.statusCode = 416;
            res.setHeader('Content-Range', `bytes */${body.length}`);
            res.end();
          } else if (m) {
            const [first, last] = [Number(m[1]), m[2] === '' ? body.length - 1 : Number(m[2])];
            res.statusCode = 206;
            res.setHeader('Content-Range', `bytes ${first}-${last}/${body.length}`);
            res.end(body.subarray(first, last + 1));
          } else res.end(body);
          return;
        }
        next();
      });
    },
    generateBundle() {
      for (const [prefix, files] of Object.entries(DATA_MOUNTS))
        for (const name of files.names().sort())
          this.emitFile({ type: 'asset', fileName: prefix + name, source: files.read(name) });
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
  plugins: [svelte(), dataFiles(), contentSecurityPolicy(), staticHostHeaders(), precompressed()],
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
    // Some tests validate whole GeoJSON files or run the CLI: seconds on a busy 2-core machine, not 5.
    testTimeout: 30_000,
  },
});
