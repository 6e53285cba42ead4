/**
 * The drafting gazetteer (geodata/gazetteer/gazetteer.jsonl, built by geodata/build/gazetteer.ts), loaded
 * into name indexes. Node only: the reader's app never loads it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { distance } from '@turf/turf';
import { SEAS } from './seas';
import { looseKey, strictKey } from './text';

export type EntryKind = 'country' | 'admin1' | 'city' | 'continent' | 'group' | 'sea';

export interface Entry {
  id: string;
  name: string;
  kind: EntryKind;
  /** ISO 3166-1 alpha-2; empty for continents and groups. */
  country: string;
  point: [number, number];
  population: number;
  names: string[];
  /** Demonym adjectives of a country or continent. */
  adjectives: string[];
  /** Member countries of a continent or group. */
  members: string[];
  /** Admin-1 type ("Oblast", "Region"), or "capital" / "admin-capital" for a city. */
  type: string;
}

export interface Gazetteer {
  entries: Entry[];
  byId: Map<string, Entry>;
  strict: Map<string, Entry[]>;
  loose: Map<string, Entry[]>;
  adjectives: Map<string, Entry>;
  /** The longest name in words: how far a lookup needs to look ahead. */
  maxWords: number;
  sources: { package: string; version: string; file: string; sha256: string }[];
}

const GAZETTEER_FILE = path.resolve(import.meta.dirname, '../../geodata/gazetteer/gazetteer.jsonl');

export type GazetteerRow = [string, string, EntryKind, string, number, number, number, string, string];

/** The seas (seas.ts) as gazetteer entries (`sea:<slug>`, kind `sea`), in the gazetteer's row form. */
const SEA_ROWS = SEAS.map(([slug, name, names, lng, lat]): GazetteerRow => [
  `sea:${slug}`,
  name,
  'sea',
  '',
  lng,
  lat,
  0,
  names.join('|'),
  '',
]);

export class GazetteerError extends Error {}

export function loadGazetteer(file = GAZETTEER_FILE): Gazetteer {
  let head: { sources: Gazetteer['sources'] };
  const rows: GazetteerRow[] = [];
  try {
    const lines = readFileSync(file, 'utf8').split('\n');
    head = JSON.parse(lines[0]) as typeof head;
    for (let i = 1; i < lines.length; i++) if (lines[i]) rows.push(JSON.parse(lines[i]) as GazetteerRow);
  } catch (err) {
    throw new GazetteerError(`${file}: cannot be read (${(err as Error).message}); run: npm run geodata:gazetteer`);
  }
  return indexGazetteer([...rows, ...SEA_ROWS], head.sources);
}

function indexGazetteer(rows: GazetteerRow[], sources: Gazetteer['sources'] = []): Gazetteer {
  const entries: Entry[] = rows.map(([id, name, kind, country, lng, lat, population, names, extra]) => {
    const [adj, members] = kind === 'continent' || kind === 'group' ? extra.split(';') : [kind === 'country' ? extra : '', ''];
    return {
      id,
      name,
      kind,
      country,
      point: [lng, lat],
      population,
      names: names ? names.split('|') : [],
      adjectives: adj ? adj.split('|') : [],
      members: members ? members.split(',') : [],
      type: kind === 'country' ? '' : extra,
    };
  });
  const strict = new Map<string, Entry[]>();
  const loose = new Map<string, Entry[]>();
  const adjectives = new Map<string, Entry>();
  let maxWords = 1;
  const add = (map: Map<string, Entry[]>, key: string, e: Entry) => {
    if (!key) return;
    const list = map.get(key);
    if (!list) map.set(key, [e]);
    else if (!list.includes(e)) list.push(e);
  };
  for (const e of entries) {
    for (const n of [e.name, ...e.names]) {
      const k = strictKey(n);
      add(strict, k, e);
      add(loose, looseKey(n), e);
      maxWords = Math.max(maxWords, k.split(' ').length);
    }
    for (const a of e.adjectives) adjectives.set(a, e);
  }
  return {
    entries,
    byId: new Map(entries.map((e) => [e.id, e])),
    strict,
    loose,
    adjectives,
    maxWords: Math.min(maxWords, 6),
    sources,
  };
}

/** Great-circle distance in km between two [lng, lat] points (Turf's, on a sphere of radius 6371 km). */
export const distanceKm = (a: [number, number], b: [number, number]): number => distance(a, b, { units: 'kilometers' });
