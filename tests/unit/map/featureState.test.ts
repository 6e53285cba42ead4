/**
 * The one feature-state sync both forms of a story draw through (issue 25, point 2: src/map/featureState.ts):
 * a view sets only the states that change, "unset" features count as what the layers draw without a state,
 * and a tiled story's view (tiledStory.ts applyTiledView) goes through it, its plan and draft states once.
 */
import type { FeatureIdentifier, Map as MaplibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { FeatureStates, sameState } from '../../../src/map/featureState';
import { defaultTheme } from '../../../src/map/theme';
import { applyTiledView, tiledApplied } from '../../../src/map/tiledStory';
import type { TiledStoryFile } from '../../../src/layers/format';

/** A map that records the states set on it, as MapLibre's setFeatureState would take them. */
function recordingMap() {
  const calls: [FeatureIdentifier, object][] = [];
  const map = { setFeatureState: (f: FeatureIdentifier, s: object) => void calls.push([f, s]) } as unknown as MaplibreMap;
  return { map, calls };
}

describe('FeatureStates', () => {
  it('sets a state once, again only when a field of it changes', () => {
    const { map, calls } = recordingMap();
    const states = new FeatureStates<string, { off: boolean; color: string }>((id) => ({ source: 's', id }));
    states.set(map, 'a', { off: false, color: '#111' });
    states.set(map, 'a', { off: false, color: '#111' });
    states.set(map, 'b', { off: true, color: '#111' });
    states.set(map, 'a', { off: false, color: '#222' });
    expect(calls).toEqual([
      [
        { source: 's', id: 'a' },
        { off: false, color: '#111' },
      ],
      [
        { source: 's', id: 'b' },
        { off: true, color: '#111' },
      ],
      [
        { source: 's', id: 'a' },
        { off: false, color: '#222' },
      ],
    ]);
  });

  it('sets nothing for a feature left as it is drawn without a state', () => {
    const { map, calls } = recordingMap();
    const states = new FeatureStates<number, { off: boolean }>((id) => ({ source: 'marks', id }), { off: false });
    for (let k = 0; k < 5; k++) states.set(map, k, { off: k === 3 });
    expect(calls).toEqual([[{ source: 'marks', id: 3 }, { off: true }]]);
    states.set(map, 3, { off: false });
    expect(calls.length).toBe(2);
  });

  it('compares every field of the new state', () => {
    expect(sameState(undefined, { off: false })).toBe(false);
    expect(sameState({ off: false, plan: true }, { off: false, plan: true })).toBe(true);
    expect(sameState({ off: false, plan: true }, { off: false, plan: false })).toBe(false);
  });
});

describe('a tiled story through it', () => {
  const area = (id: string, here: number[]) => ({
    place_id: id,
    name: id,
    location_precision: 'region' as const,
    label_lng: 30,
    label_lat: 50,
    here,
    marks: here,
  });
  const combo = (category: 'aircraft' | 'troops', extra = {}) => ({
    category,
    source_id: 's1',
    date_start: null,
    date_end: null,
    events: 2,
    ...extra,
  });
  const summary = {
    tiled: { archives: {}, shards: 1, places: 2, events: 6 },
    sources: [{ id: 's1' }],
    combos: [combo('aircraft'), combo('troops', { plan: true }), combo('troops')],
    areas: [area('a', [0, 1]), area('b', [2])],
    measures: [],
  } as unknown as TiledStoryFile;

  it('sets the plans once, then per view only the combos and areas that change', () => {
    const { map, calls } = recordingMap();
    const applied = tiledApplied();
    applyTiledView(map, summary, [true, true, true], defaultTheme, applied);
    const marks = (c: typeof calls) => c.filter(([f]) => f.source === 'story-tiled-marks');
    const areas = (c: typeof calls) => c.filter(([f]) => f.source === 'story-tiled-areas');
    // The plan, once; no combo is off; both areas get their first state.
    expect(marks(calls)).toEqual([
      [
        { source: 'story-tiled-marks', sourceLayer: 'marks', id: 1 },
        { plan: true, draft: false },
      ],
    ]);
    expect(areas(calls).map(([f]) => f.id)).toEqual(['a', 'b']);
    calls.length = 0;
    applyTiledView(map, summary, [true, true, false], defaultTheme, applied);
    expect(marks(calls)).toEqual([[{ source: 'story-tiled-marks', sourceLayer: 'marks', id: 2 }, { off: true }]]);
    // Only the area whose every combo is now off.
    expect(areas(calls)).toEqual([
      [{ source: 'story-tiled-areas', sourceLayer: 'areas', id: 'b' }, expect.objectContaining({ off: true })],
    ]);
    calls.length = 0;
    applyTiledView(map, summary, [true, true, false], defaultTheme, applied);
    expect(calls).toEqual([]);
  });
});
