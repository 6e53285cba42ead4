/**
 * MapLibre's worker, with the `pmtiles://` protocol (archiveProtocol.ts) registered in it before it takes
 * its first message: the worker reads each tile from its archive itself. MapLibre's own worker does not
 * know the protocol, and asks the page's thread for every such tile; the page fetches it and posts it
 * back, each time waiting its turn behind whatever the page is doing (at the first view: the app's panels
 * and MapLibre's first frames). Loading the protocol into MapLibre's worker later (importScriptInWorkers)
 * races the map's first tiles, and lost at every first view we traced.
 */
import type { AddProtocolAction } from 'maplibre-gl';
// The worker's module: evaluated first, it makes the worker (`self.worker`) and gives `self.addProtocol`.
import MaplibreWorker from 'maplibre-gl/dist/maplibre-gl-worker.mjs';
import { archiveProtocol } from './archiveProtocol';

const scope = self as unknown as { worker?: unknown; addProtocol(name: string, action: AddProtocolAction): void };
// Also keeps the import: the package marks its dist files free of side effects, and an unused import of
// one would be dropped with the worker it makes.
if (!(scope.worker instanceof MaplibreWorker)) throw new Error('MapLibre’s worker did not start in this script');
scope.addProtocol('pmtiles', archiveProtocol());
