/**
 * sharePrograms (src/map/programs.ts): every fill, line and circle layer of the style reaches MapLibre's
 * shaders with the same mix of uniforms, attributes and curves, so each type compiles one program; and
 * the values drawn are the ones the style gave.
 */
import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { sharePrograms } from '../../../src/map/programs';
import { buildStyle } from '../../../src/map/style';
import { tiledLayers } from '../../../src/map/tiledStory';
import { defaultTheme } from '../../../src/map/theme';

type Spec = Record<string, Record<string, unknown>>;

/** How MapLibre feeds each paint property of a layer to its shader: constant/camera (a uniform), source (an attribute), composite. */
function mix(layer: LayerSpecification): string {
  const paintSpec = (latest as unknown as Spec)[`paint_${layer.type}`];
  const paint = ('paint' in layer ? layer.paint : {}) as Record<string, unknown>;
  const kinds: string[] = [];
  for (const [name, spec] of Object.entries(paintSpec)) {
    if ((spec as { 'property-type'?: string })['property-type'] !== 'data-driven') continue;
    // Unset: the spec's default, a constant.
    if (paint[name] === undefined) {
      kinds.push(`${name}:constant`);
      continue;
    }
    const parsed = createPropertyExpression(paint[name], name, spec as never);
    if (parsed.result !== 'success') throw new Error(`${layer.id}: ${name}: ${JSON.stringify(parsed.value)}`);
    const kind = parsed.value.kind;
    kinds.push(`${name}:${kind === 'camera' ? 'constant' : kind}`);
  }
  return kinds.join(' ');
}

describe('sharePrograms', () => {
  const layers = buildStyle(defaultTheme).layers;

  it.each(['fill', 'line', 'circle'])('gives every %s layer the same mix of uniforms and attributes', (type) => {
    const of = layers.filter((l) => l.type === type && !('paint' in l && l.paint && 'fill-pattern' in l.paint));
    expect(of.length).toBeGreaterThan(1);
    const mixes = new Set(of.map(mix));
    expect([...mixes], of.map((l) => l.id).join(', ')).toHaveLength(1);
  });

  it("gives a tiled story's layers, added to the map later, the style's mixes", () => {
    const tiled = sharePrograms(tiledLayers(defaultTheme));
    for (const type of ['fill', 'line']) {
      const basemap = new Set(
        layers.filter((l) => l.type === type && !('paint' in l && l.paint && 'fill-pattern' in l.paint)).map(mix),
      );
      const added = tiled.filter((l) => l.type === type && !('paint' in l && l.paint && 'fill-pattern' in l.paint));
      expect(added.length).toBeGreaterThan(0);
      for (const l of added) expect(basemap, l.id).toContain(mix(l));
    }
  });

  it('the check can fail: the style as written has several mixes per type', () => {
    const unshared: LayerSpecification[] = [
      { id: 'a', type: 'line', source: 's', paint: { 'line-color': '#000', 'line-width': 1 } },
      {
        id: 'b',
        type: 'line',
        source: 's',
        paint: { 'line-color': ['get', 'c'], 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 1, 8, 2] },
      },
    ];
    expect(new Set(unshared.map(mix)).size).toBe(2);
    expect(new Set(sharePrograms(unshared).map(mix)).size).toBe(1);
  });

  it('draws the values the style gave, at every zoom', () => {
    const [shared] = sharePrograms([
      {
        id: 'a',
        type: 'line',
        source: 's',
        paint: { 'line-color': '#123456', 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.4, 8, 1.2] },
      },
    ]);
    const paint = (shared as { paint: Record<string, unknown> }).paint;
    const spec = latest as unknown as Spec;
    const width = createPropertyExpression(paint['line-width'], 'line-width', spec.paint_line['line-width'] as never);
    const color = createPropertyExpression(paint['line-color'], 'line-color', spec.paint_line['line-color'] as never);
    if (width.result !== 'success' || color.result !== 'success') throw new Error('does not parse');
    const feature = { type: 1, properties: {} } as never;
    expect(width.value.evaluate({ zoom: 3 }, feature)).toBeCloseTo(0.4);
    expect(width.value.evaluate({ zoom: 5.5 }, feature)).toBeCloseTo(0.8);
    expect(width.value.evaluate({ zoom: 8 }, feature)).toBeCloseTo(1.2);
    const plain = createPropertyExpression('#123456', 'line-color', spec.paint_line['line-color'] as never);
    if (plain.result !== 'success') throw new Error('does not parse');
    expect(String(color.value.evaluate({ zoom: 5 }, feature))).toBe(String(plain.value.evaluate({ zoom: 5 })));
  });
});
