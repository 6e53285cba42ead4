import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASEMAP_FILES, loadBasemap } from '../../src/basemap/load';
import { regionLayers, TopologyShapeError } from '../../src/basemap/topology';

const DIR = path.resolve(import.meta.dirname, '../../geodata/basemap');

/** A fetch that serves the committed files, with some of them broken on purpose. */
function fakeFetch(broken: Record<string, (body: string) => Response>): typeof fetch {
  return (async (input: string | URL | Request) => {
    const name = String(input).split('/').pop()!;
    const body = readFileSync(path.join(DIR, name), 'utf8');
    return broken[name]?.(body) ?? new Response(body, { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

describe('loadBasemap', () => {
  it('loads every file and fills every source', async () => {
    const { data, failures } = await loadBasemap('/data/basemap/', fakeFetch({}));
    expect(failures).toEqual([]);
    expect(Object.keys(data).sort()).toEqual([
      'borders',
      'country-labels',
      'lakes',
      'places',
      'rivers',
      'unit-labels',
      'units',
      'world',
      'world-borders',
    ]);
  });

  it('names each broken file and why, and still delivers the others', async () => {
    const { data, failures } = await loadBasemap(
      '/data/basemap/',
      fakeFetch({
        'region.topo.json': () => new Response('not found', { status: 404, statusText: 'Not Found' }),
        'places.geojson': (body) => new Response(body.slice(0, 1000), { headers: { 'content-type': 'application/geo+json' } }),
        'physical.topo.json': () => new Response('{"type":"Topology","objects":{},"arcs":[]}'),
        'world.topo.json': () =>
          new Response('<!doctype html><p>Not here</p>', { headers: { 'content-type': 'text/html; charset=utf-8' } }),
      }),
    );
    expect(failures).toEqual([
      { file: 'physical.topo.json', reason: 'object "lakes" missing or not a GeometryCollection' },
      { file: 'places.geojson', reason: 'is not valid JSON (1000 bytes of application/geo+json; truncated or corrupt?)' },
      { file: 'region.topo.json', reason: 'the server answered 404 Not Found' },
      {
        file: 'world.topo.json',
        reason: 'was served as a web page (text/html), not as data: the file is missing or the server is misconfigured',
      },
    ]);
    expect(Object.keys(data)).toEqual([]);
  });

  it('reports a network failure in words', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const { failures } = await loadBasemap('/x/', failing);
    expect(failures.map((f) => f.reason)).toEqual(BASEMAP_FILES.map(() => 'could not be fetched (Failed to fetch)'));
  });
});

describe('regionLayers', () => {
  it.each([
    [null, 'not a TopoJSON topology'],
    [{ type: 'FeatureCollection', features: [] }, 'not a TopoJSON topology'],
    [
      { type: 'Topology', arcs: [], objects: { units: { type: 'GeometryCollection', geometries: [] } } },
      'object "countries" missing',
    ],
  ])('rejects %j: %s', (input, message) => {
    expect(() => regionLayers(input)).toThrow(TopologyShapeError);
    expect(() => regionLayers(input)).toThrow(message);
  });
});
