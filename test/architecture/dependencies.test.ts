// Runtime code imports only the packages package.json lists as runtime dependencies: a test oracle or a
// build tool (exceljs, csv-parse, saxes, …) never slips onto a user's machine unannounced, and a runtime
// dependency nothing imports is not shipped (docs/architecture.md, Dependencies).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Package names of the static, dynamic and require() imports of a module. */
function packagesOf(text: string): string[] {
  const specs = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/\brequire[A-Za-z]*\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  return specs
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:'))
    .map((s) =>
      s
        .split('/')
        .slice(0, s.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

describe('runtime dependencies', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const used = new Set(sourceFiles(join(ROOT, 'src')).flatMap((f) => packagesOf(readFileSync(f, 'utf8'))));

  it('src/ imports only packages listed in dependencies', () => {
    expect([...used].filter((p) => !(p in pkg.dependencies)).sort()).toEqual([]);
  });

  it('every listed dependency is imported by src/', () => {
    expect(Object.keys(pkg.dependencies).filter((p) => !used.has(p))).toEqual([]);
  });

  it('sees the imports it checks', () => {
    expect(used.has('commander')).toBe(true);
    expect(packagesOf("import x from 'exceljs';\nconst y = await import('@scope/pkg/deep');")).toEqual([
      'exceljs',
      '@scope/pkg',
    ]);
  });
});
