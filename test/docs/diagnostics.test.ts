// docs/diagnostics.md is the user's reference for every code: this test keeps it and the code base in step.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/i18n/messages.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every code the program can emit: the catalogue's entries and every quoted code in src/ (diag('X', …),
 * new UsageError('X', …), FormatError, value problems { code: 'X' }). */
const emitted = new Set([
  ...Object.keys(MESSAGES),
  ...sources('src').flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/['"`]([EWI]_[A-Z0-9_]+)['"`]/g)].map((m) => m[1]!),
  ),
]);

interface Section {
  code: string;
  body: string;
}

/** The `### \`CODE\`` sections of docs/diagnostics.md, each with its text up to the next heading. */
function sections(markdown: string): Section[] {
  const parts = markdown.split(/^(?=#{1,3} )/m);
  return parts.flatMap((part) => {
    const m = /^### `([A-Z0-9_]+)`\s*\n/.exec(part);
    return m ? [{ code: m[1]!, body: part.slice(m[0].length) }] : [];
  });
}

const documented = sections(readFileSync('docs/diagnostics.md', 'utf8'));

describe('docs/diagnostics.md', () => {
  it('finds the codes it checks (the scan is not empty)', () => {
    expect(emitted.size).toBeGreaterThan(50);
    expect(documented.length).toBeGreaterThan(50);
  });

  it('has a section for every code the program can emit', () => {
    const have = new Set(documented.map((s) => s.code));
    expect([...emitted].filter((c) => !have.has(c)).sort()).toEqual([]);
  });

  it('documents no code that the program no longer emits', () => {
    expect(documented.map((s) => s.code).filter((c) => !emitted.has(c))).toEqual([]);
  });

  it('has one section per code', () => {
    const codes = documented.map((s) => s.code);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
  });

  it('gives each section its severity, an example message and a fix', () => {
    const problems: string[] = [];
    for (const { code, body } of documented) {
      const severityLine = body.trimStart().split('\n')[0] ?? '';
      const severity = /^(usage error \(exit 2\)|internal error \(exit 3\)|error|warning|info) · /.exec(
        severityLine,
      )?.[1];
      const expected =
        code === 'E_INTERNAL'
          ? ['internal error (exit 3)']
          : code[0] === 'E'
            ? ['error', 'usage error (exit 2)']
            : code[0] === 'W'
              ? ['warning']
              : ['info'];
      if (!severity || !expected.includes(severity))
        problems.push(`${code}: severity line "${severityLine}"`);
      const example = /```\n([^`]+)```/.exec(body)?.[1]?.trim();
      if (!example) problems.push(`${code}: no example message`);
      if (!/^\*\*Fix:\*\* \S/m.test(body)) problems.push(`${code}: no **Fix:** paragraph`);
    }
    expect(problems).toEqual([]);
  });

  it('states usage errors for the codes that stop the run with exit 2 (UsageError)', () => {
    const usage = new Set(
      sources('src').flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/(?:UsageError|FormatError)\('([EWI]_[A-Z0-9_]+)'/g)].map(
          (m) => m[1]!,
        ),
      ),
    );
    const wrong = documented
      .filter((s) => usage.has(s.code) !== s.body.trimStart().startsWith('usage error (exit 2)'))
      .map((s) => s.code);
    expect(wrong).toEqual([]);
  });
});
