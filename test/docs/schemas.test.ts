// The JSON Schemas in docs/schema/ are the published contract of the JSON outputs: real outputs of the
// samples (and of inputs with errors) must validate against them, and the schemas must reject what the
// contract forbids.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { FIXTURES, type Json, ROOT, run, tinyInputs, tinyUnit, workspace } from '../cli/helpers.js';

const schema = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, 'docs', 'schema', `${name}.schema.json`), 'utf8')) as { $id: string };

const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
for (const name of ['cchc.diagnostics', 'cchc.results', 'cchc.explain']) ajv.addSchema(schema(name));

/** The schema's errors for a document, as readable lines (empty when it validates). */
function errors(name: string, doc: unknown): string[] {
  const validate = ajv.getSchema(`${name}.schema.json`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const f = (...p: string[]) => join(FIXTURES, ...p);
/** The CLI inputs of a sample folder: criteria, score files, survey files. */
const sample = (dir: string, criteria: string, scores: string[], survey: string[] = []): string[] => [
  '--criteria',
  f(dir, criteria),
  '--scores',
  ...scores.map((s) => f(dir, s)),
  ...(survey.length > 0 ? ['--survey', ...survey.map((s) => f(dir, s))] : []),
];
const SAMPLES: Record<string, string[]> = {
  province: sample('province', 'criteria.xlsx', ['scores.xlsx'], ['survey.csv']),
  district: sample(
    'district',
    'criteria.xlsx',
    ['scores-phong.xlsx', 'scores-sunghiep.csv', 'scores-xa.xlsx'],
    ['survey-xa.csv'],
  ),
  rules: sample('rules', 'criteria.csv', ['scores.csv']),
};

async function json(args: string[]): Promise<{ code: number; doc: Json }> {
  const r = await run([...args, '--format', 'json']);
  return { code: r.code, doc: JSON.parse(r.stdout) };
}

describe('cchc.results/1', () => {
  for (const [sample, args] of Object.entries(SAMPLES)) {
    it(`validates the ${sample} sample's results`, async () => {
      const { code, doc } = await json(['score', ...args]);
      expect(code).toBe(0);
      expect(doc.schema).toBe('cchc.results/1');
      expect(errors('cchc.results', doc)).toEqual([]);
    });
  }

  it('validates results with --previous, other settings and diagnostics', async () => {
    const ws = await workspace();
    const first = await json(['score', ...SAMPLES.province!]);
    const previous = await ws.write('previous.json', JSON.stringify(first.doc));
    const settings = ['--precision', '4', '--lang', 'en', '--na', 'full'];
    const { code, doc } = await json(['score', ...SAMPLES.province!, '--previous', previous, ...settings]);
    expect(code).toBe(0);
    expect(doc.units[0].previous).not.toBeNull();
    expect(errors('cchc.results', doc)).toEqual([]);
  });

  it('rejects a document outside the contract (a missing field, an extra one, a wrong type)', async () => {
    const { doc } = await json(['score', ...SAMPLES.rules!]);
    const { rank: _rank, ...noRank } = doc.units[0];
    expect(errors('cchc.results', { ...doc, units: [noRank] })).not.toEqual([]);
    expect(errors('cchc.results', { ...doc, extra: 1 })).not.toEqual([]);
    expect(errors('cchc.results', { ...doc, rows: { ...doc.rows, read: '7' } })).not.toEqual([]);
    expect(errors('cchc.results', { ...doc, schema: 'cchc.results/2' })).not.toEqual([]);
  });
});

describe('cchc.explain/1', () => {
  const units: Record<string, string> = {
    province: 'Huyện Mộ Đức',
    district: 'Thị trấn Chúc Sơn',
    rules: 'Xã An Hải',
  };
  for (const [sample, args] of Object.entries(SAMPLES)) {
    it(`validates a trace of the ${sample} sample`, async () => {
      const { code, doc } = await json(['explain', ...args, '--unit', units[sample]!]);
      expect(code).toBe(0);
      expect(doc.schema).toBe('cchc.explain/1');
      expect(errors('cchc.explain', doc)).toEqual([]);
    });
  }

  it('rejects a trace without its leaves', async () => {
    const { doc } = await json(['explain', ...SAMPLES.rules!, '--unit', 'Xã An Hải']);
    const { leaves: _leaves, ...rest } = doc;
    expect(errors('cchc.explain', rest)).not.toEqual([]);
  });
});

describe('cchc.diagnostics/1', () => {
  it('validates validate --format json on clean inputs', async () => {
    const { code, doc } = await json(['validate', ...SAMPLES.district!]);
    expect(code).toBe(0);
    expect(errors('cchc.diagnostics', doc)).toEqual([]);
  });

  it('validates score and validate output, and the --diagnostics file, on inputs with errors', async () => {
    const ws = await workspace();
    const args = await tinyInputs(ws, [
      ...tinyUnit('Xã A', 'Xã', 31, 20),
      ['Xã A', 'Xã', '9.9', 1, 1],
      ...tinyUnit('Xã B', 'Xã', 'KPS', 'abc'),
    ]);
    const file = ws.path('diag.json');
    const score = await run(['score', ...args, '--format', 'json', '--diagnostics', file], { cwd: ws.dir });
    expect(score.code).toBe(1);
    const fromScore = JSON.parse(score.stdout);
    expect(fromScore.schema).toBe('cchc.diagnostics/1');
    expect(fromScore.diagnostics.length).toBeGreaterThan(2);
    expect(errors('cchc.diagnostics', fromScore)).toEqual([]);
    expect(errors('cchc.diagnostics', JSON.parse(readFileSync(file, 'utf8')))).toEqual([]);
    const validate = await run(['validate', ...args, '--format', 'json'], { cwd: ws.dir });
    expect(errors('cchc.diagnostics', JSON.parse(validate.stdout))).toEqual([]);
  });

  it('validates the diagnostics of an unreadable framework (rows null)', async () => {
    const ws = await workspace();
    await ws.write('criteria.csv', 'foo,bar\n1,2\n');
    await ws.write('scores.csv', 'Đơn vị,Khối,Mã tiêu chí,Điểm thẩm định\nXã A,Xã,1.1,1\n');
    const r = await run(
      ['validate', '--criteria', 'criteria.csv', '--scores', 'scores.csv', '--format', 'json'],
      {
        cwd: ws.dir,
      },
    );
    expect(r.code).toBe(1);
    expect(errors('cchc.diagnostics', JSON.parse(r.stdout))).toEqual([]);
  });

  it('rejects a diagnostic with an unknown severity or a missing location field', () => {
    const d = {
      code: 'E_X',
      severity: 'error',
      message: 'm',
      file: null,
      sheet: null,
      row: null,
      column: null,
      cell: null,
    };
    expect(
      errors('cchc.diagnostics', { schema: 'cchc.diagnostics/1', rows: null, diagnostics: [d] }),
    ).toEqual([]);
    const bad = [
      { ...d, severity: 'fatal' },
      { ...d, cell: undefined },
      { ...d, code: 'X' },
    ];
    for (const b of bad)
      expect(
        errors('cchc.diagnostics', { schema: 'cchc.diagnostics/1', rows: null, diagnostics: [b] }),
      ).not.toEqual([]);
  });
});
