/**
 * Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): one file
 * holding every tile of a tile set, read by the browser with HTTP Range requests, so a static host serves
 * a tiled map without a tile server.
 *
 * The `pmtiles` package reads archives (the app's protocol, and this module's tests read back what it
 * writes) but has no writer; the spec's writer side is small: a 127-byte header, directories of
 * varint-coded columns, the tiles. Identical tiles are stored once (a sea of land at z8 is one tile), and
 * runs of consecutive identical tiles are one directory entry, as the reference writer (go-pmtiles) does.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export interface Tile {
  z: number;
  x: number;
  y: number;
  /** The tile's bytes as stored (for vector tiles: gzip-compressed MVT). */
  data: Uint8Array;
}

interface ArchiveInfo {
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  center: [number, number, number];
  /** JSON metadata: for vector tiles, `vector_layers` at least. */
  metadata: Record<string, unknown>;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/** Header and root directory are read in one request of this many bytes (the spec's limit). */
const ROOT_LIMIT = 16_384;
const HEADER_BYTES = 127;
const COMPRESSION_GZIP = 2;
const TILE_TYPE_MVT = 1;

function varints(values: number[]): Buffer {
  const out: number[] = [];
  for (let v of values) {
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`pmtiles: cannot write ${v} as a varint`);
    // Arithmetic, not bit operators: tile ids pass 2^32 from z16.
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return Buffer.from(out);
}

/** A directory as the spec lays it out: count, then ids (delta), run lengths, lengths, offsets (+1, or 0 when contiguous). */
function serializeDirectory(entries: Entry[]): Buffer {
  const ids: number[] = [];
  let last = 0;
  for (const e of entries) {
    ids.push(e.tileId - last);
    last = e.tileId;
  }
  const offsets = entries.map((e, i) => {
    const prev = entries[i - 1];
    return i > 0 && e.offset === prev.offset + prev.length ? 0 : e.offset + 1;
  });
  const body = varints([entries.length, ...ids, ...entries.map((e) => e.runLength), ...entries.map((e) => e.length), ...offsets]);
  return gzipSync(body, { level: 9 });
}

/**
 * The root directory, and leaf directories when the root would not fit in the first 16 kB with the header:
 * leaves of `leafSize` entries, grown until the root of pointers to them fits.
 */
function directories(entries: Entry[]): { root: Buffer; leaves: Buffer } {
  const root = serializeDirectory(entries);
  if (root.length <= ROOT_LIMIT - HEADER_BYTES) return { root, leaves: Buffer.alloc(0) };
  for (let leafSize = 4096; ; leafSize = Math.ceil(leafSize * 1.2)) {
    const pointers: Entry[] = [];
    const leaves: Buffer[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = serializeDirectory(entries.slice(i, i + leafSize));
      pointers.push({ tileId: entries[i].tileId, offset, length: leaf.length, runLength: 0 });
      leaves.push(leaf);
      offset += leaf.length;
    }
    const rootOfLeaves = serializeDirectory(pointers);
    if (rootOfLeaves.length <= ROOT_LIMIT - HEADER_BYTES) return { root: rootOfLeaves, leaves: Buffer.concat(leaves) };
  }
}

const e7 = (deg: number) => Math.round(deg * 1e7);

/** The archive's bytes. Tiles may come in any order; two tiles at one z/x/y, or one outside the zooms, are an error. */
export function writePmtiles(tiles: Tile[], info: ArchiveInfo): Buffer {
  const byId = new Map<number, Uint8Array>();
  for (const t of tiles) {
    // Readers answer nothing outside the header's zooms: a tile there would be written and never read.
    if (t.z < info.minZoom || t.z > info.maxZoom) {
      throw new Error(`pmtiles: tile ${t.z}/${t.x}/${t.y} is outside zooms ${info.minZoom}-${info.maxZoom}`);
    }
    const id = zxyToTileId(t.z, t.x, t.y);
    if (byId.has(id)) throw new Error(`pmtiles: tile ${t.z}/${t.x}/${t.y} given twice`);
    byId.set(id, t.data);
  }
  const ids = [...byId.keys()].sort((a, b) => a - b);
  const entries: Entry[] = [];
  const stored = new Map<string, { offset: number; length: number }>();
  const chunks: Uint8Array[] = [];
  let dataLength = 0;
  for (const id of ids) {
    const data = byId.get(id)!;
    const hash = createHash('sha256').update(data).digest('hex');
    let at = stored.get(hash);
    if (!at) {
      at = { offset: dataLength, length: data.length };
      stored.set(hash, at);
      chunks.push(data);
      dataLength += data.length;
    }
    const last = entries[entries.length - 1];
    // A run: the next tile id, with the very same bytes as the entry before.
    if (last && last.tileId + last.runLength === id && last.offset === at.offset) last.runLength += 1;
    else entries.push({ tileId: id, offset: at.offset, length: at.length, runLength: 1 });
  }
  const { root, leaves } = directories(entries);
  const metadata = gzipSync(Buffer.from(JSON.stringify(info.metadata)), { level: 9 });

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const dataOffset = leavesOffset + leaves.length;

  const header = Buffer.alloc(HEADER_BYTES);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const u64 = (at: number, v: number) => header.writeBigUInt64LE(BigInt(v), at);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, leavesOffset);
  u64(48, leaves.length);
  u64(56, dataOffset);
  u64(64, dataLength);
  u64(72, ids.length);
  u64(80, entries.length);
  u64(88, stored.size);
  header.writeUInt8(1, 96); // clustered: tiles are written in tile id order
  header.writeUInt8(COMPRESSION_GZIP, 97); // directories and metadata
  header.writeUInt8(COMPRESSION_GZIP, 98); // tiles
  header.writeUInt8(TILE_TYPE_MVT, 99);
  header.writeUInt8(info.minZoom, 100);
  header.writeUInt8(info.maxZoom, 101);
  const [w, s, e, n] = info.bounds;
  header.writeInt32LE(e7(w), 102);
  header.writeInt32LE(e7(s), 106);
  header.writeInt32LE(e7(e), 110);
  header.writeInt32LE(e7(n), 114);
  header.writeUInt8(info.center[2], 118);
  header.writeInt32LE(e7(info.center[0]), 119);
  header.writeInt32LE(e7(info.center[1]), 123);
  return Buffer.concat([header, root, metadata, leaves, ...chunks]);
}
