/**
 * What the app's map and the benchmark's baseline page (src/baseline/) set up the same way, so that the
 * baseline is the app's basemap by construction: the first view, the fill patterns, the basemap's data.
 */
import type { ErrorEvent, Map as MaplibreMap, MapSourceDataEvent } from 'maplibre-gl';
import { archiveFile, BASEMAP_SOURCES, type BasemapSource } from '../basemap/archives';
import type { FileFailure } from '../io/fetch';
import { THEATRE } from '../basemap/theatre';
import { stylePatterns } from './style';
import type { Theme } from './theme';

/** The first view: the theatre (basemap/theatre.ts). */
export const FIRST_VIEW = THEATRE;

/** Fill patterns and the categories' shapes are drawn in code on first use: no sprite sheet to fetch. */
export function drawPatternsOnDemand(m: MaplibreMap, theme: Theme): void {
  const patterns = stylePatterns(theme);
  m.setMissingStyleImageResolver((id) => {
    const make = patterns[id];
    if (!make || m.hasImage(id)) return;
    const { width, height, data, pixelRatio = 1, sdf = false } = make();
    m.addImage(id, { width, height, data }, { pixelRatio, sdf });
  });
}

/**
 * Every error the map reports, on the console in words, with the archive or source it came from. Without
 * a listener MapLibre logs the bare object, and an error raised in its worker (where the tiles are read:
 * mapWorker.ts) then reads as "Error" alone.
 */
export function logMapErrors(m: MaplibreMap): void {
  m.on('error', (e: ErrorEvent & { sourceId?: string }) => {
    const id = e.sourceId;
    const where = !id ? '' : (BASEMAP_SOURCES as string[]).includes(id) ? archiveFile(id as BasemapSource) : `source ${id}`;
    console.error(`map${where ? `: ${where}` : ''}: ${e.error?.message ?? String(e.error)}`);
  });
}

/**
 * Resolves once each basemap archive has drawn its first view's tiles or failed, with the failures named
 * by file (world.pmtiles: the server answered 404). Nothing is reported once `stillWanted` says the map
 * is gone; a tile that fails later is MapLibre's to report, and is left out.
 *
 * A source can become loaded without a `sourcedata` event saying so: when the canvas resizes (the timeline
 * fills as the story arrives) the tiles no longer in view are dropped, and a drop fires nothing. If the
 * last tile still loading is the one dropped, every earlier event said "not loaded yet". So `idle`, which
 * MapLibre fires only once every source is loaded, settles whatever is still pending too.
 */
export function watchBasemap(m: MaplibreMap, stillWanted: () => boolean = () => true): Promise<FileFailure[]> {
  return new Promise((resolve) => {
    const pending = new Set<string>(BASEMAP_SOURCES);
    const failures: FileFailure[] = [];
    const settle = (id: string) => {
      pending.delete(id);
      if (pending.size) return;
      m.off('sourcedata', onData);
      m.off('error', onError);
      m.off('idle', onIdle);
      failures.sort((a, b) => a.file.localeCompare(b.file));
      if (stillWanted()) resolve(failures);
    };
    const onData = (e: MapSourceDataEvent) => {
      if (pending.has(e.sourceId) && e.isSourceLoaded) settle(e.sourceId);
    };
    const onIdle = () => {
      for (const id of [...pending]) if (m.getSource(id) && m.isSourceLoaded(id)) settle(id);
    };
    const onError = (e: ErrorEvent & { sourceId?: string }) => {
      if (!e.sourceId || !pending.has(e.sourceId)) return;
      failures.push({ file: archiveFile(e.sourceId as BasemapSource), reason: e.error?.message ?? String(e.error) });
      settle(e.sourceId);
    };
    m.on('sourcedata', onData);
    m.on('error', onError);
    m.on('idle', onIdle);
  });
}
