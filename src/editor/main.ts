import '../fonts';
import { mount } from 'svelte';
import Editor from './Editor.svelte';

const target = document.getElementById('editor');
if (!target) throw new Error('index.html has no #editor element');
target.replaceChildren();
export default mount(Editor, { target });
