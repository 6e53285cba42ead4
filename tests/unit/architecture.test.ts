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

/** A module's key in the import graph: its path without `.ts` (as imports name it). */
const moduleKey = (file: string) => file.replace(/\.ts$/, '');

/** Each file's resolved imports among `files`, by module key (an import of a package or a missing file is left out). */
function importGraph(files: Map<string, string>): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>([...files.keys()].map((f) => [moduleKey(f), new Set<string>()]));
  for (const [from, to] of relativeImports(files)) if (graph.has(moduleKey(to))) graph.get(moduleKey(from))!.add(moduleKey(to));
  return graph;
}

/**
 * Every import cycle among `files` (type-only imports included: a cycle of types is still two modules
 * that cannot be understood apart), each as its modules relative to ROOT, sorted: the strongly
 * connected components of the import graph with more than one module, or one importing itself (Tarjan).
 */
export function importCycles(files: Map<string, string>): string[][] {
  const graph = importGraph(files);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)!.has(v)) cycles.push(component.map((m) => path.relative(ROOT, m)).sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}

/** The reader's pipeline: what the published map runs. The drafting tool and the editor are not part of it. */
const READER = ['App.svelte', 'main.ts', 'map', 'story', 'state', 'ui', 'embed', 'layers', 'tiles'];
const TOOLS = ['draft', 'editor'];

/** Each module of the reader's pipeline that reaches the draft or editor folders, directly or not, with the chain. */
export function readerReachesTools(files: Map<string, string>): string[] {
  const graph = importGraph(files);
  const src = path.join(ROOT, 'src');
  // A module's folder under src/, or its name for a file there (its key has no .ts: main.ts is "main").
  const top = (m: string) => path.relative(src, m).split(path.sep)[0];
  const inReader = (m: string) => READER.includes(top(m)) || READER.includes(`${top(m)}.ts`);
  const out: string[] = [];
  for (const start of graph.keys()) {
    if (!inReader(start)) continue;
    // Breadth first, so the chain reported is a shortest one.
    const from = new Map<string, string | null>([[start, null]]);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i];
      if (TOOLS.includes(top(v))) {
        const chain: string[] = [];
        for (let x: string | null = v; x; x = from.get(x)!) chain.unshift(path.relative(ROOT, x));
        out.push(chain.join(' → '));
        break;
      }
      for (const w of graph.get(v)!)
        if (!from.has(w)) {
          from.set(w, v);
          queue.push(w);
        }
    }
  }
  return out;
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

  it('has no import cycle', () => {
    expect(importCycles(files)).toEqual([]);
  });

  it("keeps the draft and editor folders out of the reader's pipeline", () => {
    expect(readerReachesTools(files)).toEqual([]);
  });

  it('the cycle check finds a cycle of three, one of types, and a module importing itself, and nothing else', () => {
    const src = path.join(ROOT, 'src');
    const fake = new Map([
      [path.join(src, 'layers/a.ts'), "import { b } from './b';\n"],
      [path.join(src, 'layers/b.ts'), "export { c } from '../layers/c';\n"],
      [path.join(src, 'layers/c.ts'), "import { a } from './a';\nimport { readFileSync } from 'node:fs';\n"],
      [path.join(src, 'layers/d.ts'), "import { a } from './a';\n"],
      [path.join(src, 'map/e.ts'), "import type { F } from './f';\n"],
      [path.join(src, 'map/f.ts'), "import type { E } from './e';\n// import { d } from '../layers/d';\n"],
      [path.join(src, 'ui/g.ts'), "const g = await import('./g');\n"],
    ]);
    expect(importCycles(fake)).toEqual([
      ['src/layers/a', 'src/layers/b', 'src/layers/c'],
      ['src/map/e', 'src/map/f'],
      ['src/ui/g'],
    ]);
    expect(
      importCycles(new Map([...fake].filter(([f]) => !f.endsWith('c.ts') && !f.endsWith('f.ts') && !f.endsWith('g.ts')))),
    ).toEqual([]);
  });

  it('the reader check finds a tool reached through another module, and names the chain', () => {
    const src = path.join(ROOT, 'src');
    const fake = new Map([
      [path.join(src, 'App.svelte'), "import { x } from './story/x';\n"],
      [path.join(src, 'story/x.ts'), "import { y } from '../catalogue/y';\n"],
      [path.join(src, 'catalogue/y.ts'), "import { z } from '../editor/z';\n"],
      [path.join(src, 'editor/z.ts'), "import { d } from '../draft/d';\n"],
      [path.join(src, 'draft/d.ts'), "import { y } from '../catalogue/y';\n"],
      [path.join(src, 'map/m.ts'), "import { y } from '../catalogue/y';\n"],
    ]);
    expect(readerReachesTools(fake)).toEqual([
      'src/App.svelte → src/story/x → src/catalogue/y → src/editor/z',
      'src/story/x → src/catalogue/y → src/editor/z',
      'src/map/m → src/catalogue/y → src/editor/z',
    ]);
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

describe('the unit tests follow src/', () => {
  const unit = path.join(ROOT, 'tests/unit');
  const folders = (dir: string) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);

  it('each folder of unit tests is a folder of src/ (geodata: the basemap and gazetteer builds)', () => {
    const src = new Set(folders(path.join(ROOT, 'src')));
    expect(folders(unit).filter((f) => !src.has(f) && f !== 'geodata')).toEqual([]);
  });

  it('takes what the tests share from tests/support, nothing from the benchmarks', () => {
    const fromBench = relativeImports(sourceFiles(unit))
      .filter(([, target]) => target.startsWith(path.join(ROOT, 'tests/bench') + path.sep))
      .map(([file, target, line]) => `${path.relative(ROOT, file)}:${line} imports ${path.relative(ROOT, target)}`);
    expect(fromBench).toEqual([]);
  });
});
