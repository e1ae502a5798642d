import { columnLetter } from '../model/cell.js';
import { type Diagnostic, diag, type Location } from '../model/diagnostic.js';
import type { Framework, FrameworkNode } from '../model/framework.js';
import { resolveCode, unresolvedCode } from './resolveCode.js';
import type { ScoreBook } from './scoreBook.js';
import type { ScoreHeader, ScoreRole } from './scoreHeader.js';

/** The framework's only survey leaf, for files with a single survey value column. */
export function soleSurveyLeaf(framework: Framework): FrameworkNode | FrameworkNode[] {
  const leaves = framework.leaves.filter((l) => l.component === 'survey');
  return leaves.length === 1 ? leaves[0]! : leaves;
}

/**
 * The leaf a row names (`node`, looked up by the caller); null (and reported at `at()`, worked out only
 * then) when it cannot be scored.
 */
export function checkLeaf(
  ctx: { book: ScoreBook; framework: Framework; role: ScoreRole },
  node: FrameworkNode | string[],
  code: string,
  at: () => Location,
): FrameworkNode | null {
  const { book, framework, role } = ctx;
  if (Array.isArray(node)) {
    book.reject(unresolvedCode(framework, code, node, at()));
    return null;
  }
  if (node.children.length > 0) {
    book.reject(diag('W_SUBTOTAL_IGNORED', 'warning', at(), { code }));
    return null;
  }
  if (role === 'survey' && node.component !== 'survey') {
    book.reject(diag('E_SURVEY_NOT_SURVEY_LEAF', 'error', at(), { code }));
    return null;
  }
  return node;
}

/** What the header of a long, wide or survey table says about the framework: unknown codes, survey columns. */
export function headerDiagnostics(
  header: ScoreHeader,
  framework: Framework,
  where: { file: string; sheet: string },
  row: number,
  role: ScoreRole,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (index: number): Location => {
    const column = columnLetter(index);
    return { ...where, row, column, cell: `${column}${row}` };
  };
  const seen = new Map<string, number>();
  for (const c of header.columns) {
    if (c.kind === 'unknown') {
      const found = resolveCode(framework, c.code);
      out.push(unresolvedCode(framework, c.code, Array.isArray(found) ? found : [], at(c.index)));
    } else if (c.kind === 'leaf') {
      if (role === 'survey' && framework.byCode.get(c.code)?.component !== 'survey')
        out.push(diag('E_SURVEY_NOT_SURVEY_LEAF', 'error', at(c.index), { code: c.code }));
      const key = `${c.code}|${c.value}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, c.index);
      else {
        out.push(
          diag('E_DUPLICATE_HEADER', 'error', at(c.index), {
            field: c.code,
            columns: `${columnLetter(first)}, ${columnLetter(c.index)}`,
          }),
        );
        c.kind = 'duplicate'; // read once, from the first column
      }
    }
  }
  if (header.surveyCol >= 0 && header.layout !== 'long') {
    const leaf = soleSurveyLeaf(framework);
    if (Array.isArray(leaf)) {
      out.push(
        diag('E_SURVEY_LEAF_AMBIGUOUS', 'error', at(header.surveyCol), {
          found: leaf.map((l) => l.code).join(', ') || '—',
        }),
      );
    }
  }
  return out;
}
