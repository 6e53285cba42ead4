/** The embed's page (embed.html): the map, its legend, the date window and the sources; no side panels. */
import '../fonts';
import '../app.css';
import '../ui/status.css';
import { mount } from 'svelte';
import Embed from './Embed.svelte';
import { startMapWorker } from '../map/worker';
import { applyTheme } from '../map/theme';

startMapWorker();

const target = document.getElementById('app');
if (!target) throw new Error('embed.html has no #app element');
target.replaceChildren();
// The map's colours as CSS custom properties, for the legend's marks (map/theme.ts).
applyTheme(document.documentElement);
export default mount(Embed, { target });
