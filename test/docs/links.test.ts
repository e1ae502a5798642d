// The docs are the contract the code cites: every relative link in README.md and docs/ leads to a file that
// exists (and to a heading that exists, for #anchors), and no code comment cites the SPEC, which is not
// part of the repository, instead of docs/.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const anchorsOf = (markdown: string): Set<string> =>
  new Set([...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchor(m[1]!)));

const pages = ['README.md', ...files('docs', /\.md$/)];

describe('documentation links', () => {
  it('lead to files and headings that exist', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const text = readFileSync(page, 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = m[1]!;
        if (/^[a-z]+:/.test(link)) continue;
        const [path = '', hash] = link.split('#');
        const target = path === '' ? page : join(dirname(page), path);
        if (!existsSync(target)) broken.push(`${page}: ${link}`);
        else if (hash && target.endsWith('.md') && !anchorsOf(readFileSync(target, 'utf8')).has(hash))
          broken.push(`${page}: ${link} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('cover every page of docs/ from the README', () => {
    const readme = readFileSync('README.md', 'utf8');
    const unlinked = files('docs', /\.md$/).filter((p) => !readme.includes(`(${relative('.', p)})`));
    expect(unlinked).toEqual([]);
  });
});

describe('code comments', () => {
  it('cite docs/, not the SPEC (which is not in the repository)', () => {
    const citing = [...files('src', /\.ts$/), ...files('test', /\.ts$/), ...files('bench', /\.js$/)].flatMap(
      (f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
          .filter(({ line }) => /\bSPEC(?: §|'s\b)/.test(line)),
    );
    expect(citing.map((c) => c.where)).toEqual([]);
  });
});
