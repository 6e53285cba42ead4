/**
 * The one feature-state sync both forms of a story draw through (GeoJsonStory.svelte, TiledStory.svelte):
 * each feature's state as last set, so that a new view sets only what it changes. A toggle or a step of
 * the timeline then costs a setFeatureState per feature that changes, applied by MapLibre in the next
 * frame, and no tile is laid out again.
 */
import type { FeatureIdentifier, Map as MaplibreMap } from 'maplibre-gl';

/** A feature's state: flat fields (a flag, a colour). */
type State = object;

/** Whether two states draw a feature alike: every field of `b` the same in `a`. */
export const sameState = <S extends State>(a: S | undefined, b: S): boolean =>
  !!a && (Object.keys(b) as (keyof S)[]).every((k) => a[k] === b[k]);

export class FeatureStates<K, S extends State> {
  private readonly last = new Map<K, S>();

  /**
   * `target` names the feature of a key; `unset` is what a feature shows before any state is set (the
   * story's layers draw "no state" as on: at the first view only what is off is set), none when every
   * feature is set at the first view.
   */
  constructor(
    private readonly target: (key: K) => FeatureIdentifier,
    private readonly unset?: S,
  ) {}

  /** Sets `next` on the feature of `key`, unless it already has it. */
  set(map: MaplibreMap, key: K, next: S): void {
    if (sameState(this.last.get(key) ?? this.unset, next)) return;
    map.setFeatureState(this.target(key), { ...next });
    this.last.set(key, next);
  }
}

/**
 * Which features of a source are shown, by a `shown` feature-state (the counts of sources, laid out once
 * with every count they can show: data.ts badgeChoices): a view sets only the features it turns on or off.
 */
export class ShownFeatures {
  private shown = new Set<number>();

  constructor(private readonly source: string) {}

  /** Shows exactly `ids` of the source's features. */
  show(map: MaplibreMap, ids: ReadonlySet<number>): void {
    for (const id of this.shown) if (!ids.has(id)) map.setFeatureState({ source: this.source, id }, { shown: false });
    for (const id of ids) if (!this.shown.has(id)) map.setFeatureState({ source: this.source, id }, { shown: true });
    this.shown = new Set(ids);
  }

  /** The source has new features (ids mean others now): none is shown, and no state is left on any. */
  reset(map: MaplibreMap): void {
    map.removeFeatureState({ source: this.source });
    this.shown = new Set();
  }

  /** Whether any feature is shown. */
  get any(): boolean {
    return this.shown.size > 0;
  }
}

/** Counts the views the map has taken, for the benchmark's timings (tests/bench/page.ts) and for debugging. */
export function viewApplied(map: MaplibreMap): void {
  const c = map.getContainer();
  c.dataset.viewApplied = String(Number(c.dataset.viewApplied ?? 0) + 1);
}

/**
 * What MapView asks of the story on it, whichever form draws it: the places at a point (an area, a dot,
 * a mark; a thinned mark of several places names none, and `zoomIn` then says to look closer), and
 * emphasis (hover, selection) set on places. `enterOpens`: Enter opens the places at the map's centre,
 * for a story whose places are not all listed.
 */
export interface StoryOnMapInput {
  hit(point: { x: number; y: number }): { places: string[]; zoomIn: boolean };
  emphasise(placeIds: readonly string[], state: { hover: boolean } | { selected: boolean }): void;
  enterOpens: boolean;
}
