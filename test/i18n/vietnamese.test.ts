// Vietnamese first (issue 12): every word a user sees in Vietnamese — every command's --help, commander's
// own errors, every catalogue entry — is Vietnamese, except codes, option names, file names and the values
// typed as they are (`appraised`, `json`). A word with no Vietnamese diacritic must at least be a possible
// Vietnamese syllable ("cho", "tin", "in"); "display", "file", "rank" are not, so English is caught.
import { describe, expect, it } from 'vitest';
import { CHOICES } from '../../src/cli/sharedOptions.js';
import { EXPLAIN_LABELS } from '../../src/i18n/explainLabels.js';
import { HELP } from '../../src/i18n/help.js';
import { LABELS } from '../../src/i18n/labels.js';
import { CORRUPT_REASONS } from '../../src/i18n/messages/corruptReasons.js';
import { MESSAGES } from '../../src/i18n/messages.js';
import { REPORT_LABELS } from '../../src/i18n/reportLabels.js';
import { runInProcess } from '../cli/helpers.js';

/** Values typed as they are, and names of things; kept small and explicit. */
const ALLOWED = new Set([
  ...Object.values(CHOICES).flat(),
  // rule grammar of the criteria file (cách tính), typed as written
  'points',
  'ratio',
  'steps',
  'yesno',
  'choice',
  'else',
  'forbid',
  'exclude',
  'full',
  // the commands, typed as they are
  'score',
  'validate',
  'explain',
  'convert',
  'template',
  'inspect',
  'help',
  // file formats, fonts and streams by their names
  'xls',
  'xlsx',
  'ods',
  'html',
  'txt',
  'tsv',
  'csv',
  'json',
  'zip',
  'md',
  'xhh',
  'VnTime',
  'stdout',
  'stdin',
  'byte',
  'Infinity',
  'Number',
  // encodings, programs and formats by their names
  'utf',
  'windows',
  'cchc',
  'Excel',
  'LibreOffice',
  'Unicode',
  'Markdown',
  'Office',
  'Word',
  'PowerPoint',
  'OpenDocument',
  'true',
  'false',
  'yes',
  'no',
  'x',
]);

/** Onset, vowel nucleus, coda: the shape of a Vietnamese syllable once its tone mark is taken off. */
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?[aăâeêioôơuưy]{1,3}(ch|ng|nh|c|m|n|p|t)?$/;
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const isSyllable = (word: string): boolean =>
  SYLLABLE.test(word.toLowerCase().normalize('NFD').replace(TONES, '').normalize('NFC'));

/** The words of a text that are neither Vietnamese nor allowed. */
function englishWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\s"'`“”()[\]{}<>|,;:!?…·—–/=+*%«»]+/)) {
    const token = raw.replace(/^[.]+|[.]+$/g, '');
    if (token === '' || /^-/.test(token)) continue; // option names, negative numbers
    if (!/\p{L}/u.test(token)) continue; // signs and symbols: ≥ › →
    if (/^[\p{Lu}0-9][\p{Lu}0-9_.-]*$/u.test(token)) continue; // codes, acronyms, env variables (XHH, ĐG, CCHC_LANG)
    if (/^[a-z]$/.test(token)) continue; // a sub-item letter: a) b)
    if (/\.[a-z0-9]{2,4}$/i.test(token) || token.includes('.')) continue; // file names, codes like 1.1
    if (/\d/.test(token)) continue;
    for (const word of token.split('-')) {
      if (word === '' || ALLOWED.has(word) || ALLOWED.has(word.toLowerCase())) continue;
      if (isSyllable(word)) continue;
      out.push(word);
    }
  }
  return out;
}

/** Any key returns "7": messages are rendered with a stand-in for each value they name. */
const ARGS = new Proxy({}, { get: () => '7' }) as Record<string, string>;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const f = value as (...a: unknown[]) => unknown;
    // The stand-ins are dates and signed numbers (no words), and `above` for explain's gap line.
    return [
      ...strings(f('2026-01-15', 'above', '+1,00', '−1,00')),
      ...strings(f('2026-01-15', 'below', '−1,00', '+1,00')),
    ];
  }
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('the word test itself', () => {
  it('catches English and lets Vietnamese, codes, options and file names through', () => {
    expect(englishWords('display the help for command')).toEqual(['display', 'for', 'command']);
    expect(englishWords('xem hướng dẫn của lệnh --help, tệp cchc.config.json, mã E_SCORE_ABOVE_MAX')).toEqual(
      [],
    );
    expect(englishWords('in số phiên bản; chọn appraised hoặc self; Cách tính: points')).toEqual([]);
    expect(englishWords('Cách tính: rank')).toEqual(['rank']);
  });
});

describe('Vietnamese output has no English words', () => {
  it("in every command's --help and the program's", async () => {
    const found: string[] = [];
    for (const args of [
      ['--help'],
      ...['score', 'validate', 'explain', 'convert', 'template'].map((c) => [c, '--help']),
    ]) {
      const r = await runInProcess(args);
      expect(r.code).toBe(0);
      for (const w of englishWords(r.stdout)) found.push(`${args.join(' ')}: ${w}`);
    }
    expect(found).toEqual([]);
  });

  it("in commander's own errors", async () => {
    const found: string[] = [];
    for (const args of [
      ['score', '--frobnicate'],
      ['scor'],
      ['convert'],
      ['explain'],
      ['score', '--criteria'],
      ['template', 'a'],
    ]) {
      const r = await runInProcess(args);
      // The words the user typed are echoed back as typed ("scor").
      for (const w of englishWords(r.stderr)) if (!args.includes(w)) found.push(`${args.join(' ')}: ${w}`);
    }
    expect(found).toEqual([]);
  });

  it('in every catalogue entry: messages, labels of the reports and of explain, help', () => {
    const found: string[] = [];
    for (const [code, entry] of Object.entries(MESSAGES))
      for (const w of englishWords(entry.vi(ARGS))) found.push(`${code}: ${w}`);
    // The readers' reasons of E_FILE_CORRUPT, by code (a reason that is not a code is the library's text).
    for (const [code, entry] of Object.entries(CORRUPT_REASONS))
      for (const w of englishWords(entry.vi(ARGS))) found.push(`E_FILE_CORRUPT ${code}: ${w}`);
    for (const [name, catalogue] of Object.entries({
      labels: LABELS.vi,
      report: REPORT_LABELS.vi,
      explain: EXPLAIN_LABELS.vi,
      help: HELP.vi,
    })) {
      for (const text of strings(catalogue))
        for (const w of englishWords(text))
          if (w !== 'above' && w !== 'below') found.push(`${name}: ${w} (${text})`); // stand-ins, not words
    }
    expect(found).toEqual([]);
  });

  it('and the English catalogue has an entry wherever the Vietnamese has one', () => {
    expect(Object.keys(LABELS.en).sort()).toEqual(Object.keys(LABELS.vi).sort());
    expect(Object.keys(REPORT_LABELS.en).sort()).toEqual(Object.keys(REPORT_LABELS.vi).sort());
    expect(Object.keys(EXPLAIN_LABELS.en).sort()).toEqual(Object.keys(EXPLAIN_LABELS.vi).sort());
    expect(Object.keys(HELP.en.options).sort()).toEqual(Object.keys(HELP.vi.options).sort());
    for (const [code, entry] of Object.entries(MESSAGES)) expect(entry.en(ARGS), code).not.toBe('');
    for (const [code, entry] of Object.entries(CORRUPT_REASONS)) expect(entry.en(ARGS), code).not.toBe('');
  });
});
