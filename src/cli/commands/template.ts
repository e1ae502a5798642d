import { extname } from 'node:path';
import { buildFormTemplate, formNodes } from '../../convert/formTemplate.js';
import { readUnitList } from '../../convert/readUnitList.js';
import { formatMessage } from '../../i18n/format.js';
import { type Diagnostic, diag } from '../../model/diagnostic.js';
import { UsageError } from '../../model/errors.js';
import { nameKey } from '../../model/normalize.js';
import { nearest } from '../../model/suggest.js';
import { escapeControls } from '../../model/terminalText.js';
import { readCriteria } from '../../parse/readCriteria.js';
import { diagnosticLines, summaryLine } from '../diagnosticsOutput.js';
import { exitCodeFor } from '../exitCode.js';
import type { CliIO } from '../io.js';
import { guardOutputs } from '../outputGuard.js';
import { writeFiles } from '../outputSet.js';
import { resolveRun } from '../runSettings.js';
import type { SharedFlags } from '../sharedOptions.js';

export interface TemplateFlags extends SharedFlags {
  criteria?: string;
  units?: string;
  out?: string;
  sheet?: string;
  na?: string;
}

/** cchc template: blank per-unit forms (one protected sheet per unit) from a framework and a list of units. */
export async function templateCommand(flags: TemplateFlags, io: CliIO): Promise<number> {
  const run = await resolveRun(flags, io);
  const { lang } = run;
  const missing = !flags.criteria ? '--criteria' : !flags.units ? '--units' : null;
  if (missing)
    throw new UsageError('E_MISSING_OPTION', {
      command: 'cchc template',
      option: missing,
      help: 'cchc template',
    });
  const out = flags.out ?? 'forms.xlsx';
  if (out !== '-' && extname(out).toLowerCase() !== '.xlsx')
    throw new UsageError('E_TEMPLATE_FORMAT', { file: out });
  guardOutputs([out], [flags.criteria, flags.units, run.configFile]);
  const read = { stdin: io.stdin };
  const groupNames = new Map<string, string>();
  const criteria = await readCriteria(flags.criteria!, { sheet: flags.sheet, read }, groupNames);
  const diagnostics: Diagnostic[] = [...criteria.diagnostics];
  const list = await readUnitList(flags.units!, { sheet: undefined, read });
  diagnostics.push(...list.diagnostics);
  const framework = criteria.framework;
  if (framework) {
    const groupSpecific = framework.nodes.some((n) => n.groups !== null);
    const known = [...groupNames.entries()].map(([key, label]) => ({ key, label }));
    for (const u of list.units) {
      const key = nameKey(u.group);
      if (key === '' && groupSpecific)
        diagnostics.push(diag('W_TEMPLATE_NO_GROUP', 'warning', u.location, { unit: u.name }));
      else if (key !== '' && groupSpecific && !groupNames.has(key)) {
        diagnostics.push(
          diag('W_TEMPLATE_UNKNOWN_GROUP', 'warning', u.location, {
            group: u.group,
            suggestion: nearest(key, known),
          }),
        );
      }
      if (formNodes(framework, key).length === 0)
        diagnostics.push(diag('E_TEMPLATE_EMPTY_FORM', 'error', u.location, { unit: u.name }));
    }
  }
  if (list.units.length === 0 && !diagnostics.some((d) => d.code === 'E_NO_HEADER')) {
    diagnostics.push(diag('E_NO_UNITS', 'error', { file: flags.units! }));
  }
  if (diagnostics.length > 0) {
    io.stderr.write(diagnosticLines(diagnostics, lang, run.color.stderr));
    io.stderr.write(summaryLine(diagnostics, null, lang));
  }
  const code = exitCodeFor(diagnostics, run.strict);
  if (code !== 0 || !framework) return code || 1;
  // The same inputs give the same bytes: workbook and zip dates from SOURCE_DATE_EPOCH, or a fixed date.
  const date = run.stamp;
  const na = flags.na === 'full' ? 'full' : 'exclude';
  const bytes = buildFormTemplate({ framework, units: list.units, na, date }).toBytes(date);
  if (out === '-') io.stdout.write(bytes);
  else await writeFiles([{ path: out, data: bytes }]);
  const done = { code: 'I_TEMPLATE_WRITTEN', args: { file: out, units: list.units.length } };
  io.stderr.write(`${escapeControls(formatMessage(done, lang))}\n`);
  return 0;
}
