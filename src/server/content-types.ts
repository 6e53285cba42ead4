/**
 * The content type of each kind of file the app ships, for the production server and for the
 * development server's data files (vite.config.ts): one table, so the two cannot answer differently.
 */
import path from 'node:path';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  // Vector tiles in one archive, read with Range requests (src/tiles/); its tiles are gzip inside.
  '.pmtiles': 'application/vnd.pmtiles',
  // The labels' glyphs, as MapLibre's glyphs.proto (src/tiles/glyphs.ts).
  '.pbf': 'application/x-protobuf',
};
const UNKNOWN_TYPE = 'application/octet-stream';

export const contentType = (file: string): string => CONTENT_TYPES[path.extname(file).toLowerCase()] ?? UNKNOWN_TYPE;
