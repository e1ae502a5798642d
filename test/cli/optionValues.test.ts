// An option's value is never another of the command's options: commander takes whatever follows an option
// as its value, so `cchc score --criteria --lang en …` read a criteria file called "--lang" (and took `en`
// for an argument). It is E_OPTION_NEEDS_VALUE naming the option that lacks its value and the option that
// follows it, in the user's language. Control characters typed on the command line and echoed back in the
// parser's errors are escaped like any terminal text.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, hasStack, run } from './helpers.js';

// Run in the province sample's folder: the cases that could write (-o, --out-dir) name inputs that do not
// exist, so that even a regression writes nothing there.
const PROVINCE = join(FIXTURES, 'province');
const INPUTS = ['--criteria', 'criteria.xlsx', '--scores', 'scores.xlsx', '--survey', 'survey.csv'];

/** Exit 2, nothing on stdout, the first stderr line as it reads. */
async function usageLine(args: string[]): Promise<string> {
  const r = await run(args, { cwd: PROVINCE });
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(hasStack(r.stderr)).toBe(false);
  return r.stderr.split('\n')[0]!;
}

describe('an option followed by another option instead of its value', () => {
  it.each([
    ['a file', ['score', '--criteria', '--lang', 'en', '--scores', 'scores.xlsx'], '--criteria', '--lang'],
    [
      'a list of files',
      ['validate', '--criteria', 'criteria.xlsx', '--scores', '--strict'],
      '--scores',
      '--strict',
    ],
    [
      'a repeated output',
      ['score', '--criteria', 'nope.xlsx', '--scores', 'nope.csv', '-o', 'a.json', '-o', '--lang=en'],
      '--out',
      '--lang',
    ],
    [
      '--survey before --no-survey',
      ['score', '--criteria', 'c.xlsx', '--survey', '--no-survey'],
      '--survey',
      '--no-survey',
    ],
    ['a choice', ['score', ...INPUTS, '--stage', '--lang', 'en'], '--stage', '--lang'],
    ['explain --unit', ['explain', ...INPUTS, '--unit', '--format', 'json'], '--unit', '--format'],
    ['convert --out-dir', ['convert', 'nope.xlsx', '--out-dir', '--help'], '--out-dir', '--help'],
    ['inspect --criteria', ['inspect', 'scores.xlsx', '--criteria', '--sheet', '1'], '--criteria', '--sheet'],
  ])('%s: names the option that lacks its value', async (_, args, option, next) => {
    const line = await usageLine(args);
    const en = args.some((a) => a.startsWith('--lang'));
    expect(line).toContain(en ? `option ${option} needs a value` : `tùy chọn ${option} cần một giá trị`);
    expect(line).toContain(`${en ? 'the option' : 'tùy chọn'} ${next})`);
  });

  it('in English with --lang en, wherever --lang stands', async () => {
    expect(await usageLine(['score', '--criteria', '--lang', 'en', '--scores', 'scores.xlsx'])).toBe(
      'cchc: the option --criteria needs a value (it is followed by the option --lang)',
    );
  });

  it('a value that merely starts with -- and names no option is still a value', async () => {
    const line = await usageLine(['score', '--criteria', '--tieu-chi.xlsx', '--scores', 'scores.xlsx']);
    expect(line).toContain('"--tieu-chi.xlsx"'); // not found, as a file
    const ok = await run(['score', ...INPUTS, '--title', '-- Năm 2025 --', '--format', 'md'], {
      cwd: PROVINCE,
    });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('-- Năm 2025 --');
  });

  it('repeated and listed values still gather into a list', async () => {
    const r = await run(['validate', ...INPUTS, 'survey.csv'], { cwd: PROVINCE });
    // The survey file given twice: every survey value a duplicate, so the list really has two entries.
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('E_SCORE_DUPLICATE');
  });
});

describe('control characters typed on the command line', () => {
  it.each([
    ['an unknown option', ['score', '--bo\x1b[2Jgus'], '--bo\\x1b[2Jgus'],
    ['an unknown command', ['sc\x1b]0;x\x07ore'], 'sc\\x1b]0;x\\x07ore'],
    ['a value not among the choices', ['score', '--stage', 'x\x1b[31m'], 'x\\x1b[31m'],
    ['an extra argument', ['score', 'a\x9bb'], 'a\\x9bb'],
    ['a file not found', ['score', '--criteria', 'c\x1b[8m.xlsx', '--scores', 's.xlsx'], 'c\\x1b[8m.xlsx'],
  ])('%s: echoed escaped', async (_, args, shown) => {
    const r = await run(args, { cwd: PROVINCE });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(shown);
    expect(r.stderr).not.toMatch(/(?!\n)\p{Cc}/u);
  });
});
