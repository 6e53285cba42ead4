import '../fonts';
import { mount } from 'svelte';
import Editor from './Editor.svelte';
import { applyTheme } from '../map/theme';

const target = document.getElementById('editor');
if (!target) throw new Error('index.html has no #editor element');
target.replaceChildren();
// The map's colours as CSS custom properties: its sea until the first view is drawn (map/firstView.ts).
applyTheme(document.documentElement);
export default mount(Editor, { target });
