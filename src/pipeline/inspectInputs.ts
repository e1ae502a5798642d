import { type Diagnostic, rowId } from '../model/diagnostic.js';
import type { Framework } from '../model/framework.js';
import type { Ledger } from '../model/ledger.js';
import { anyCodeFramework } from '../parse/anyCodeFramework.js';
import { readCriteria } from '../parse/readCriteria.js';
import { readScores } from '../parse/readScores.js';
import { ScoreBook } from '../parse/scoreBook.js';
import type { Layout } from '../parse/scoreHeader.js';
import type { ReadOptions } from '../read/openSheets.js';

export interface InspectInput {
  /** Score files. */
  scores: string[];
  survey: string[];
  criteria?: string | undefined;
  sheet?: string | undefined;
  layout?: Layout | undefined;
  read: ReadOptions;
}

export interface InspectOutput {
  /** Every file's sheets, columns, units and rows as the readers understood them. */
  ledger: Ledger;
  diagnostics: Diagnostic[];
  /** Criterion codes, names and subtotals were checked against a framework (--criteria was read). */
  checked: boolean;
}

/**
 * Diagnostics that only a framework can give: without --criteria every code reads as a leaf, so these
 * would be wrong, and are left out (with the rows they rejected).
 */
const NEEDS_FRAMEWORK = new Set([
  'E_UNKNOWN_CRITERION',
  'E_CRITERION_AMBIGUOUS',
  'E_SURVEY_LEAF_AMBIGUOUS',
  'E_SURVEY_NOT_SURVEY_LEAF',
  'E_FORM_ROW_UNMATCHED',
  'W_SUBTOTAL_IGNORED',
  'W_SUBTOTAL_MISMATCH',
]);

/**
 * How each input is read, without scoring it (`cchc inspect`): the same readers as `cchc score`, their
 * ledger and their diagnostics. With a framework the codes are checked too; without one, every code is
 * taken for a leaf and only the structure is shown.
 */
export async function inspectInputs(input: InspectInput): Promise<InspectOutput> {
  const groupNames = new Map<string, string>();
  // Nothing is scored here: the book keeps no values, and each file may be read against its own framework.
  const book = new ScoreBook(groupNames, { values: false });
  const diagnostics: Diagnostic[] = [];
  const noticed = new Set<string>();
  const read: ReadOptions = {
    ...input.read,
    notice: (d) => {
      const key = `${d.code}|${d.location.file}`;
      if (!noticed.has(key)) diagnostics.push(d);
      noticed.add(key);
    },
  };
  let framework: Framework | null = null;
  if (input.criteria !== undefined) {
    const ledger = book.ledger.file(input.criteria, 'criteria');
    const criteria = await readCriteria(input.criteria, { read, ledger }, groupNames);
    diagnostics.push(...criteria.diagnostics);
    framework = criteria.framework;
  }
  for (const file of input.scores) {
    const against = framework ?? anyCodeFramework('appraisal');
    await readScores(file, 'scores', against, book, { read, sheet: input.sheet, layout: input.layout });
  }
  for (const file of input.survey) {
    await readScores(file, 'survey', framework ?? anyCodeFramework('survey'), book, { read });
  }
  const found = [...book.diagnostics, ...book.unitsNeverEntered()];
  if (framework) {
    for (const d of found) diagnostics.push(d); // one at a time: a spread of 200,000 overflows the stack
    book.ledger.tally(book.rejected);
  } else {
    const kept = found.filter((d) => !NEEDS_FRAMEWORK.has(d.code));
    for (const d of kept) diagnostics.push(d);
    const shown = new Set(kept.map((d) => rowId(d.location)));
    book.ledger.tally(new Set([...book.rejected].filter((id) => shown.has(id))));
  }
  return { ledger: book.ledger, diagnostics, checked: framework !== null };
}
