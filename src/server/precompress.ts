/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside each file of a folder that gains from compression.
 * The server (serve.ts, on sirv) sends those copies to clients that accept them and never compresses on
 * the fly. Run on every build (vite.config.ts), so `npm start`, the end-to-end tests and `npm run bench`
 * all serve the same bytes; the benchmark runs it on its synthetic catalogues too.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { contentType } from './content-types';

/** Below this, compression saves less than the headers it costs. */
export const MIN_COMPRESS_BYTES = 1024;

/** Text-like types and glyph fields gain from compression; fonts (woff2 is brotli inside) and PNGs do not. */
const isCompressible = (file: string): boolean =>
  /^(text\/|image\/svg\+xml|application\/(json|geo\+json|manifest\+json|javascript|x-protobuf))/.test(contentType(file));

const compressors = {
  // Build time, so the best brotli: quality 11 is 14 % smaller than 6 on the app's build, ~5 s of CPU.
  br: (b: Buffer) =>
    promisify(brotliCompress)(b, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: b.length },
    }),
  gz: (b: Buffer) => promisify(gzip)(b, { level: 9 }),
};

/**
 * Compresses every file worth it under `dir` (its folders included), or those `only` keeps; returns the
 * files compressed.
 */
export async function precompress(dir: string, only: (file: string) => boolean = () => true): Promise<string[]> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => !/\.(br|gz)$/.test(file) && isCompressible(file) && only(file))
    .filter((file) => statSync(file).isFile() && statSync(file).size >= MIN_COMPRESS_BYTES);
  await Promise.all(
    files.flatMap((file) => {
      const body = readFileSync(file);
      return Object.entries(compressors).map(async ([ext, compress]) => {
        const packed = await compress(body);
        // A copy no smaller than the file would only cost the reader.
        if (packed.length < body.length) writeFileSync(`${file}.${ext}`, packed);
      });
    }),
  );
  return files;
}
