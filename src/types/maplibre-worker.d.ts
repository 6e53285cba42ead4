/** MapLibre's worker module (mapWorker.ts imports it): it makes `self.worker`, an instance of its default export. */
declare module 'maplibre-gl/dist/maplibre-gl-worker.mjs' {
  const MaplibreWorker: abstract new (...args: never[]) => unknown;
  export default MaplibreWorker;
}
