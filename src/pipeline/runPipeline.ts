import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { toPlain } from '../model/decimal.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { diag } from '../model/diagnostic.js';
import type { Framework } from '../model/framework.js';
import { foldDiacritics } from '../model/normalize.js';
import type { InputRef, Results } from '../model/results.js';
import type { ScoreStore } from '../model/scoreStore.js';
import type { UnitInput } from '../model/scores.js';
import type { Settings } from '../model/settings.js';
import { nearest } from '../model/suggest.js';
import { type BandsGroup, readBandsFile } from '../parse/readBandsFile.js';
import { readCriteria } from '../parse/readCriteria.js';
import { readScores } from '../parse/readScores.js';
import { ScoreBook } from '../parse/scoreBook.js';
import type { Layout } from '../parse/scoreHeader.js';
import type { ReadOptions } from '../read/openSheets.js';
import { computeResults } from '../score/computeResults.js';
import { sha256Bytes, sha256File } from './hashFile.js';
import { surveyOnlyUnits } from './surveyOnlyUnits.js';
import { holdYoungGeneration } from './youngGeneration.js';

export interface PipelineInput {
  criteria: string;
  scores: string[];
  survey: string[];
  bandsFile?: string | undefined;
  sheet?: string | undefined;
  layout?: Layout | undefined;
  settings: Settings;
  /** The run is meant to have no survey (--no-survey): say so instead of warning that it is missing. */
  noSurvey?: boolean;
  read: ReadOptions;
  /** Keep leaf-by-leaf results (xlsx/html reports, explain); default true. */
  keepLeaves?: boolean;
}

export interface PipelineOutput {
  /** null when the framework could not be read at all. */
  results: Results | null;
  framework: Framework | null;
  diagnostics: Diagnostic[];
}

/**
 * read → parse → score. Standard input ('-') is read once into memory so that it can be hashed and parsed.
 * Throws UsageError for files that cannot be opened; every other problem is a diagnostic.
 */
export async function runPipeline(input: PipelineInput): Promise<PipelineOutput> {
  let stdinBytes: Buffer | null = null;
  const readFor = async (file: string): Promise<ReadOptions> => {
    if (file !== '-') return input.read;
    if (stdinBytes === null) {
      const chunks: Buffer[] = [];
      if (!input.read.stdin) throw new Error('no standard input was given to read "-" from');
      for await (const c of input.read.stdin) chunks.push(Buffer.from(c as Buffer));
      stdinBytes = Buffer.concat(chunks);
    }
    return { ...input.read, stdin: Readable.from([stdinBytes]) };
  };
  const inputs: InputRef[] = [];
  // Each file's sha256 as its reader computed it from the bytes it read; a file the readers did not read to
  // its end (or too large to hold whole) is read again for it.
  const digests = new Map<string, string>();
  const digest = (file: string) => (sha256: string) => digests.set(file, sha256);
  const hash = async (role: InputRef['role'], file: string) => {
    inputs.push({
      role,
      file,
      sha256:
        file === '-'
          ? sha256Bytes(stdinBytes ?? Buffer.alloc(0))
          : (digests.get(file) ?? (await sha256File(file))),
    });
  };
  // --sheet picks the sheet of the score files (a workbook per district with a sheet per year, say);
  // the criteria, survey and bands files are found by their headers.
  // Every input's sheets and columns, as read (cchc inspect shows it; the row counts come from it).
  const groupNames = new Map<string, string>();
  // Reports that show cells as written (explain, xlsx, html) keep them; the rest keep numbers only.
  const book = new ScoreBook(groupNames, { keepRaw: input.keepLeaves ?? true });

  const settings = { ...input.settings };
  const diagnostics: Diagnostic[] = [];
  // What a reader notices about a file (its content is not what its name says, a corrupt cell) is said once
  // per place; the parsers do not repeat it (a corrupt value cell is also rejected by its rule).
  const noticed = new Set<string>();
  const told = new Set<Diagnostic>();
  const placeKey = (d: Diagnostic) => {
    const l = d.location;
    return `${d.code}|${l.file}|${l.sheet ?? ''}|${l.row ?? ''}|${l.column ?? ''}`;
  };
  const notice = (d: Diagnostic) => {
    const key = placeKey(d);
    if (!noticed.has(key)) {
      diagnostics.push(d);
      told.add(d);
    }
    noticed.add(key);
  };
  const notTold = (d: Diagnostic) => told.has(d) || !noticed.has(placeKey(d));
  const locate = async (file: string, sheet?: string) => ({
    sheet,
    read: { ...(await readFor(file)), notice, digest: digest(file) },
  });

  let bandGroups: BandsGroup[] = [];
  if (input.bandsFile) {
    const bands = await readBandsFile(input.bandsFile, await locate(input.bandsFile), settings.bands.default);
    settings.bands = bands.schemes;
    bandGroups = bands.groups;
    diagnostics.push(...bands.diagnostics);
    await hash('bands', input.bandsFile);
  }

  const criteria = await readCriteria(
    input.criteria,
    { ...(await locate(input.criteria)), ledger: book.ledger.file(input.criteria, 'criteria') },
    groupNames,
  );
  await hash('criteria', input.criteria);
  diagnostics.push(...criteria.diagnostics);
  if (!criteria.framework || criteria.diagnostics.some((d) => d.severity === 'error')) {
    // Scores cannot be checked against a broken framework; report what is wrong with it first.
    return { results: null, framework: criteria.framework, diagnostics };
  }
  const framework = criteria.framework;

  holdYoungGeneration(await sizeOf([...input.scores, ...input.survey]));
  for (const file of input.scores) {
    await readScores(file, 'scores', framework, book, {
      ...(await locate(file, input.sheet)),
      layout: input.layout,
    });
    await hash('scores', file);
  }
  for (const file of input.survey) {
    await readScores(file, 'survey', framework, book, { ...(await locate(file)), layout: input.layout });
    await hash('survey', file);
  }
  // One at a time: a spread of 200,000 diagnostics (a file of duplicate rows) overflows the call stack.
  for (const d of book.diagnostics) if (notTold(d)) diagnostics.push(d);
  for (const d of book.unitsNeverEntered()) diagnostics.push(d);

  const scored = [...book.units.values()].filter((u) => !book.surveyOnly.has(u.key));
  for (const d of surveyOnlyUnits(book, scored)) diagnostics.push(d);
  const withoutGroup = scored.some((u) => u.groupKey === '') && scored.some((u) => u.groupKey !== '');
  if (withoutGroup) {
    for (const u of scored)
      if (u.groupKey === '') diagnostics.push(diag('E_UNIT_NO_GROUP', 'error', u.location, { unit: u.name }));
  }
  if (scored.length === 0) diagnostics.push(diag('E_NO_UNITS', 'error', { file: input.scores[0] }));

  const results = computeResults({
    framework,
    units: releasing(scored, book.store),
    store: book.store,
    settings,
    inputs,
    diagnostics,
    rows: { read: 0, rejected: book.rejected, count: (rejected) => book.ledger.tally(rejected) },
    keepLeaves: input.keepLeaves ?? true,
  });
  results.diagnostics = results.diagnostics.filter(notTold);
  results.diagnostics.push(...councilChecks(input, framework, results, bandGroups));
  return { results, framework, diagnostics: results.diagnostics };
}

/**
 * Settings that are valid but almost certainly not what the council meant: a framework with a survey
 * component and no survey given (unless --no-survey says so), and a bands-file group that no unit is in.
 */
function councilChecks(
  input: PipelineInput,
  framework: Framework,
  results: Results,
  bandGroups: readonly BandsGroup[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const surveyLeaves = framework.leaves.filter((l) => l.component === 'survey');
  const noSurveyValues = results.units.every((u) => u.survey === null);
  if (surveyLeaves.length > 0 && noSurveyValues && results.units.length > 0) {
    if (input.noSurvey) out.push(diag('I_NO_SURVEY', 'info', {}));
    else if (input.survey.length === 0) {
      const max = surveyLeaves.reduce((s, l) => s + l.max, 0n);
      out.push(
        diag(
          'W_SURVEY_NOT_GIVEN',
          'warning',
          { file: input.criteria },
          { code: surveyLeaves.map((l) => l.code).join(', '), max: Number(toPlain(max)) },
        ),
      );
    }
  }
  const known = results.groups.map((g) => ({ key: g.groupKey, label: g.group }));
  for (const g of bandGroups) {
    if (known.some((k) => k.key === g.key)) continue;
    const suggestion = nearest(g.key, known, foldDiacritics);
    out.push(diag('W_BANDS_GROUP_UNKNOWN', 'warning', g.location, { group: g.label, suggestion }));
  }
  return out;
}

/**
 * The units, each one's cells as read (kept for the reports) dropped as soon as it has been scored: memory
 * then peaks at the larger of the inputs and the results, not at their sum.
 */
function* releasing(units: readonly UnitInput[], store: ScoreStore): Generator<UnitInput> {
  for (const unit of units) {
    yield unit;
    store.release(unit.index);
  }
}

/** The files' sizes on disk, added up; standard input and a file that cannot be looked at count nothing. */
async function sizeOf(files: readonly string[]): Promise<number> {
  let bytes = 0;
  for (const file of files) {
    if (file === '-') continue;
    try {
      bytes += (await stat(file)).size;
    } catch {
      // the reader says what is wrong with it
    }
  }
  return bytes;
}
