// The layering of src/ (docs/architecture.md): each folder may import only from the folders listed for it,
// so that dependencies point down. model/ and ooxml/ are leaves: they import nothing from the project.
// Runtime code reaches its npm dependencies only through their public entry points.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

/** folder → the folders it may import from (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  model: [],
  ooxml: [],
  i18n: ['model'],
  read: ['model', 'ooxml'],
  score: ['model'],
  parse: ['model', 'read', 'score'],
  render: ['model', 'score', 'ooxml', 'i18n'],
  explain: ['model', 'score', 'render', 'i18n'],
  pipeline: ['model', 'read', 'parse', 'score', 'i18n'],
  convert: ['model', 'ooxml', 'read', 'parse', 'score', 'render', 'i18n'],
  cli: ['model', 'ooxml', 'read', 'parse', 'score', 'render', 'i18n', 'explain', 'pipeline', 'convert'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module specifier of static imports, re-exports and dynamic import() calls. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g))
    found.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  for (const m of text.matchAll(/\brequire[A-Za-z]*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

const layerOf = (file: string): string => relative(SRC, file).split('/')[0] ?? '';

const files = sourceFiles(SRC).filter((f) => relative(SRC, f).includes('/'));

describe('layers', () => {
  it('every folder of src/ has a place in the layer table', () => {
    const folders = new Set(files.map(layerOf));
    expect([...folders].filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it('no module imports from a folder above it', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const to = layerOf(resolve(dirname(file), spec));
        if (to !== from && !ALLOWED[from]?.includes(to)) wrong.push(`${relative(SRC, file)} → ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('npm packages are used through their public entry points only', () => {
    const deep: string[] = [];
    for (const file of files) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.') || spec.startsWith('node:')) continue;
        const parts = spec.split('/');
        const pkgDepth = spec.startsWith('@') ? 2 : 1;
        if (parts.length > pkgDepth) deep.push(`${relative(SRC, file)} → ${spec}`);
      }
    }
    expect(deep).toEqual([]);
  });

  it('the layer check sees a violation when there is one', () => {
    // Guards the regexes above: a model file importing the scorer must be caught.
    const text = "import type { X } from '../score/x.js';\nconst y = await import('../render/y.js');";
    expect(specifiers(text)).toEqual(['../score/x.js', '../render/y.js']);
  });
});
