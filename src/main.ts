import './fonts';
import './app.css';
import './print.css';
import './ui/status.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { startMapWorker } from './map/worker';
import { applyTheme } from './map/theme';

// First: MapLibre's worker (ours, with the tile archives' protocol: map/worker.ts) starts while the page is built.
startMapWorker();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// index.html says "Loading…" before this script runs; from here the app says it, and takes the element's place.
target.replaceChildren();
// The map's colours as CSS custom properties, for the legend's marks (map/theme.ts).
applyTheme(document.documentElement);
export default mount(App, { target });
