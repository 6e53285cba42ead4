/**
 * Reading the basemap (src/layers/basemap.ts loadBasemap): the same bytes give the same Basemap object, in
 * whichever project they are (so the shapes drawn from it are drawn once: the editor reads the project
 * for every preview and save), and bytes changed on disk are read afresh, errors and all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASEMAP_FOLDER, loadBasemap } from '../../../src/layers/basemap';
import { tempProject } from '../../support/helpers';

const read = (root: string) => loadBasemap(path.join(root, BASEMAP_FOLDER), root);

describe('loadBasemap', () => {
  it('gives the same object for the same bytes, from another project too', () => {
    const a = tempProject([BASEMAP_FOLDER]);
    const b = tempProject([BASEMAP_FOLDER]);
    const first = read(a);
    expect(first.errors).toEqual([]);
    expect(first.basemap).toBeDefined();
    expect(read(a).basemap).toBe(first.basemap);
    expect(read(b).basemap).toBe(first.basemap);
  });

  it('reads a changed file afresh', () => {
    const root = tempProject([BASEMAP_FOLDER]);
    const before = read(root).basemap!;
    const file = path.join(root, BASEMAP_FOLDER, 'places.geojson');
    const places = JSON.parse(readFileSync(file, 'utf8')) as { features: { properties: { name: string } }[] };
    const renamed = places.features[0].properties.name;
    places.features[0].properties.name = 'Renamed';
    writeFileSync(file, JSON.stringify(places));
    const after = read(root).basemap!;
    expect(after).not.toBe(before);
    expect([...after.gazetteer.values()].map((g) => g.name)).toContain('Renamed');
    expect([...before.gazetteer.values()].map((g) => g.name)).toContain(renamed);
  });

  it('reports a file broken on disk, however recently its earlier bytes were read', () => {
    const root = tempProject([BASEMAP_FOLDER]);
    expect(read(root).basemap).toBeDefined();
    writeFileSync(path.join(root, BASEMAP_FOLDER, 'region.topo.json'), '{ not json');
    const { basemap, errors } = read(root);
    expect(basemap).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0].file).toBe(path.join(BASEMAP_FOLDER, 'region.topo.json'));
    expect(errors[0].message).toMatch(/^not valid JSON/);
  });
});
