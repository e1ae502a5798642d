// National-scale inputs for the benchmark (docs/benchmark.md), written to bench/.data/ once and reused
// while the generator version is unchanged. Deterministic: the same files on every machine.

import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const VERSION = '2';

/** 3,321 communes since the 2025 reform: 2,621 xã, 687 phường, 13 đặc khu. */
export const NATIONAL_UNITS = 3321;
const GROUPS = [
  { name: 'Khối xã', count: 2621 },
  { name: 'Khối phường', count: 687 },
  { name: 'Khối đặc khu', count: 13 },
];
const SYLLABLES = [
  'Tân',
  'Phú',
  'Hòa',
  'Bình',
  'An',
  'Thạnh',
  'Long',
  'Phước',
  'Đông',
  'Nghĩa',
  'Hưng',
  'Lộc',
];

/**
 * 7 appraisal domains × 10 leaves of 1 point (70 points) + a survey domain with one leaf of 30 points:
 * 71 leaves, the shape of the 2025 commune framework (70 appraisal + 30 survey).
 */
export const LEAVES = 71;
export const CONVERT_ROWS = 100_000;
export function framework() {
  const rows = [];
  const leaves = [];
  for (let d = 1; d <= 8; d++) {
    const survey = d === 8;
    const count = survey ? 1 : 10;
    const max = survey ? 30 : 1;
    rows.push([
      String(d),
      survey ? 'Điều tra xã hội học' : `Lĩnh vực cải cách số ${d}`,
      count * max,
      survey ? 'xhh' : 'thẩm định',
      '',
    ]);
    for (let l = 1; l <= count; l++) {
      const code = `${d}.${l}`;
      // A few computed leaves per domain: a ratio and a step rule, as real frameworks have.
      const rule = survey ? '' : l === 1 ? 'ratio' : l === 2 ? 'steps: >=90%=1; >=70%=0,5; else=0' : '';
      rows.push([code, `Tiêu chí thành phần ${code}`, max, '', rule]);
      leaves.push({ code, rule: rule.split(':')[0] || 'points', survey });
    }
  }
  return { rows, leaves };
}

function unitName(i) {
  const a = SYLLABLES[i % SYLLABLES.length];
  const b = SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length];
  return `${a} ${b} ${String(i + 1).padStart(5, '0')}`;
}

/** Units in order, repeating the national mix `scale` times (names stay unique). */
function* units(scale, limit = Infinity) {
  let i = 0;
  for (let s = 0; s < scale; s++) {
    for (const g of GROUPS) {
      for (let k = 0; k < g.count; k++) {
        if (i >= limit) return;
        const prefix = g.name === 'Khối phường' ? 'Phường' : g.name === 'Khối đặc khu' ? 'Đặc khu' : 'Xã';
        yield { name: `${prefix} ${unitName(i)}`, group: g.name, i };
        i++;
      }
    }
  }
}

/** A deterministic pseudo-random stream (xorshift32). */
function rng(seed) {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const QUARTERS = [0, 0.25, 0.5, 0.75, 1];

/**
 * One unit's values: [code, self, appraised, reason] with numbers as JS values (the CSV writes them with a
 * comma decimal, as Vietnamese Excel does); ratio leaves as "14/19" text, step leaves as a percentage.
 */
function values(leaves, rand) {
  const out = [];
  for (const leaf of leaves) {
    if (leaf.survey) {
      out.push([leaf.code, null, Math.round((15 + rand() * 15) * 100) / 100, '']);
      continue;
    }
    if (leaf.rule === 'ratio') {
      const den = 10 + Math.floor(rand() * 50);
      const num = Math.floor(den * (0.5 + rand() / 2));
      out.push([
        leaf.code,
        `${den}/${den}`,
        `${num}/${den}`,
        num === den ? '' : 'Chưa hoàn thành hết nhiệm vụ',
      ]);
      continue;
    }
    if (leaf.rule === 'steps') {
      const pct = `${(60 + rand() * 40).toFixed(2).replace('.', ',')}%`;
      out.push([leaf.code, '100%', pct, '']);
      continue;
    }
    const self = QUARTERS[1 + Math.floor(rand() * 4)];
    const cut = rand() < 0.15 ? 0.25 : 0;
    out.push([leaf.code, self, self - cut, cut ? 'Tài liệu kiểm chứng chưa đầy đủ' : '']);
  }
  return out;
}

const csvNumber = (v) => (typeof v === 'number' ? String(v).replace('.', ',') : (v ?? ''));
const csvField = (v) => {
  const s = csvNumber(v);
  return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

async function writeLines(path, lines) {
  const out = createWriteStream(path);
  let batch = '';
  for (const line of lines) {
    batch += line;
    if (batch.length > 1 << 16) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
}

const LONG_HEADER = [
  'Đơn vị',
  'Khối',
  'Mã tiêu chí',
  'Điểm tự đánh giá',
  'Điểm thẩm định',
  'Lý do điều chỉnh',
];
const TITLE = 'BẢNG TỔNG HỢP ĐIỂM CHỈ SỐ CCHC CẤP XÃ NĂM 2025';

/** Long rows of `scale` × the national units (or the first `limit` units, or the first `rows` rows). */
function* longRecords(scale, limit = Infinity, rows = Infinity) {
  const { leaves } = framework();
  const rand = rng(20250701);
  let n = 0;
  for (const u of units(scale, limit)) {
    for (const [code, self, appraised, reason] of values(leaves, rand)) {
      if (n++ >= rows) return;
      yield [u.name, u.group, code, self, appraised, reason];
    }
  }
}

async function writeLongCsv(path, records) {
  await writeLines(
    path,
    (function* () {
      yield `\uFEFF${TITLE};;;;;\n;;;;;\n${LONG_HEADER.join(';')}\n`;
      for (const r of records) yield `${r.map(csvField).join(';')}\n`;
    })(),
  );
}

/** Written with exceljs's streaming writer, shared strings on, as Excel itself would store the text. */
async function writeXlsx(path, sheetName, header, records) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: false,
  });
  const ws = wb.addWorksheet(sheetName);
  ws.addRow([TITLE]).commit();
  ws.addRow([]).commit();
  ws.addRow(header).commit();
  for (const r of records) ws.addRow(r.map((v) => (v === '' ? null : v))).commit();
  ws.commit();
  await wb.commit();
}

function* wideRecords() {
  const { leaves } = framework();
  const rand = rng(20250702);
  for (const u of units(1)) yield [u.name, u.group, ...values(leaves, rand).map((v) => v[2])];
}

/** Paths of every generated input; generates what is missing. */
export async function generate(dir, log = () => {}) {
  mkdirSync(dir, { recursive: true });
  const stamp = join(dir, 'VERSION');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== VERSION) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  const files = {
    criteria: join(dir, 'criteria.csv'),
    longXlsx: join(dir, 'national-long.xlsx'),
    longCsv: join(dir, 'national-long.csv'),
    wideXlsx: join(dir, 'national-wide.xlsx'),
    long4Csv: join(dir, 'national4-long.csv'),
    long4Xlsx: join(dir, 'national4-long.xlsx'),
    provinceXlsx: join(dir, 'province-long.xlsx'),
    convertCsv: join(dir, 'convert-long.csv'),
  };
  const { rows, leaves } = framework();
  const header = ['Mã tiêu chí', 'Tên tiêu chí', 'Điểm tối đa', 'Thành phần', 'Cách tính'];
  writeFileSync(files.criteria, `${[header, ...rows].map((r) => r.map(csvField).join(';')).join('\n')}\n`);
  const make = async (path, what, body) => {
    if (existsSync(path)) return;
    const t = performance.now();
    await body(`${path}.part`);
    const { renameSync } = await import('node:fs');
    renameSync(`${path}.part`, path);
    log(`generated ${what} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  await make(files.longCsv, 'national long CSV', (p) => writeLongCsv(p, longRecords(1)));
  await make(files.long4Csv, '4× national long CSV', (p) => writeLongCsv(p, longRecords(4)));
  await make(files.longXlsx, 'national long XLSX', (p) => writeXlsx(p, 'Điểm', LONG_HEADER, longRecords(1)));
  await make(files.long4Xlsx, '4× national long XLSX', (p) =>
    writeXlsx(p, 'Điểm', LONG_HEADER, longRecords(4)),
  );
  await make(files.wideXlsx, 'national wide XLSX', (p) =>
    writeXlsx(p, 'Điểm', ['Đơn vị', 'Khối', ...leaves.map((l) => l.code)], wideRecords()),
  );
  await make(files.provinceXlsx, 'province long XLSX', (p) =>
    writeXlsx(p, 'Điểm', LONG_HEADER, longRecords(1, 300)),
  );
  // The convert case: 100,000 long rows (1,409 units, the last one cut short) as a clerk's CSV export.
  await make(files.convertCsv, 'convert long CSV (100,000 rows)', (p) =>
    writeLongCsv(p, longRecords(1, Infinity, CONVERT_ROWS)),
  );
  writeFileSync(stamp, VERSION);
  return files;
}
