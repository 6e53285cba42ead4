/**
 * The folders follow the data: sources → catalogue → layers (→ draft, the editor's tool) → story → map →
 * state and ui. A module may import from its own stage or an earlier one, never from a later one (the
 * map's theme once held the catalogue's vocabulary, and the build time catalogue, the URL and the panels
 * all imported the map).
 * The app's shells (src/*.svelte|ts, src/baseline, src/server) come after every stage.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/helpers';

/** The pipeline's stages, in order: a folder under src/ each. */
export const STAGES = [
  'io',
  'sources',
  'basemap',
  'tiles',
  'catalogue',
  'layers',
  'draft',
  'story',
  'map',
  'state',
  'ui',
] as const;
const APP = STAGES.length;

/** A file's stage: its folder's place in STAGES, or APP for the shells and anything else under src/. */
function stageOf(file: string): number {
  const [first, ...rest] = path.relative(path.join(ROOT, 'src'), file).split(path.sep);
  const i = (STAGES as readonly string[]).indexOf(first);
  return rest.length > 0 && i >= 0 ? i : APP;
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\1/g;

/** Every relative import of each file as [importer, imported, line], resolved to paths. */
export function relativeImports(files: Map<string, string>): [string, string, number][] {
  const out: [string, string, number][] = [];
  for (const [file, text] of files) {
    // Comments are not imports ("see ../map/style.ts").
    const code = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/[^\n]*/g, '');
    for (const m of code.matchAll(IMPORT)) {
      const line = code.slice(0, m.index).split('\n').length;
      out.push([file, path.resolve(path.dirname(file), m[2]), line]);
    }
  }
  return out;
}

/** Imports from a later stage, as "importer:line imports later-stage-file (stage → stage)". */
export function upwardImports(files: Map<string, string>): string[] {
  const name = (s: number) => (s === APP ? 'app' : STAGES[s]);
  return relativeImports(files)
    .filter(([from, to]) => stageOf(to) > stageOf(from))
    .map(
      ([from, to, line]) =>
        `${path.relative(ROOT, from)}:${line} imports ${path.relative(ROOT, to)} (${name(stageOf(from))} → ${name(stageOf(to))})`,
    );
}

function sourceFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(ts|svelte)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(file, readFileSync(file, 'utf8'));
  }
  return files;
}

describe('the folders follow the pipeline', () => {
  const files = sourceFiles(path.join(ROOT, 'src'));

  it('every stage has its folder, with code in it', () => {
    for (const stage of STAGES)
      expect(
        [...files.keys()].some((f) => stageOf(f) === STAGES.indexOf(stage)),
        stage,
      ).toBe(true);
    expect(relativeImports(files).length).toBeGreaterThan(50);
  });

  it('no module imports from a later stage', () => {
    expect(upwardImports(files)).toEqual([]);
  });

  it('the check catches an upward import, and is not fooled by a comment', () => {
    const src = path.join(ROOT, 'src');
    const fake = new Map([
      [path.join(src, 'catalogue/schema.ts'), "import type { Category } from '../map/theme';\n"],
      [path.join(src, 'story/model.ts'), "// see '../ui/Panel.svelte'\nimport { x } from '../catalogue/schema';\n"],
      [path.join(src, 'map/view.ts'), "const m = await import('../../src/App.svelte');\n"],
    ]);
    expect(upwardImports(fake)).toEqual([
      'src/catalogue/schema.ts:1 imports src/map/theme (catalogue → map)',
      'src/map/view.ts:1 imports src/App.svelte (map → app)',
    ]);
  });
});
