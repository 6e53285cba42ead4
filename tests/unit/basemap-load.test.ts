import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASEMAP_FILES, loadBasemap } from '../../src/basemap/load';
import { regionLayers, TopologyShapeError } from '../../src/basemap/topology';
import { filesFetch, ROOT } from '../helpers';

const DIR = path.join(ROOT, 'geodata/basemap');

/** A fetch that serves the committed files, with some of them broken on purpose (each given the real file's text). */
function fakeFetch(broken: Record<string, (body: string) => Response>): typeof fetch {
  const files = filesFetch(DIR);
  return async (input, init) => {
    const response = await files(input, init);
    const breaks = broken[path.basename(String(input))];
    if (!breaks) return response;
    if (!response.ok) throw new Error(`${String(input)}: no such basemap file to break`);
    return breaks(await response.text());
  };
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
      }),
    );
    expect(failures).toEqual([
      { file: 'physical.topo.json', reason: 'object "lakes" missing or not a GeometryCollection' },
      { file: 'places.geojson', reason: 'is not valid JSON (1000 bytes of application/geo+json; truncated or corrupt?)' },
      { file: 'region.topo.json', reason: 'the server answered 404 Not Found' },
    ]);
    // world.topo.json is intact: its sources are delivered, and only they.
    expect(Object.keys(data).sort()).toEqual(['world', 'world-borders']);
    expect(data.world!.features.length).toBeGreaterThan(100);
    expect(data['world-borders']!.features.length).toBeGreaterThan(0);
  });

  it('names a file served as a web page, and still delivers the others', async () => {
    const { data, failures } = await loadBasemap(
      '/data/basemap/',
      fakeFetch({
        'world.topo.json': () =>
          new Response('<!doctype html><p>Not here</p>', { headers: { 'content-type': 'text/html; charset=utf-8' } }),
      }),
    );
    expect(failures).toEqual([
      {
        file: 'world.topo.json',
        reason: 'was served as a web page (text/html), not as data: the file is missing or the server is misconfigured',
      },
    ]);
    expect(Object.keys(data).sort()).toEqual(['borders', 'country-labels', 'lakes', 'places', 'rivers', 'unit-labels', 'units']);
    for (const [name, fc] of Object.entries(data)) expect(fc.features.length, name).toBeGreaterThan(0);
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
