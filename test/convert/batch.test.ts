// convert on a clerk's batch: inputs with the same name from different folders, and damaged files among
// good ones (issue #10: "--out-dir never overwrites", "one unreadable file does not stop the others").
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { run, workspace } from '../cli/helpers.js';

const commune = (name: string, points: string) =>
  `Đơn vị,Mã tiêu chí,Điểm thẩm định\n${name},1.1,"${points}"\n`;

describe('convert --out-dir', () => {
  it('gives inputs of the same name from different folders their own outputs, named after the folder', async () => {
    const ws = await workspace();
    await mkdir(ws.path('huyen-a'));
    await mkdir(ws.path('huyen-b'));
    await ws.write('huyen-a/xa.csv', commune('Xã An Bình', '1,5'));
    await ws.write('huyen-b/xa.csv', commune('Xã Tịnh Hà', '2,25'));
    await ws.write('other.csv', commune('Xã Khác', '3'));
    const r = await run(['convert', 'huyen-a/xa.csv', 'huyen-b/xa.csv', 'other.csv', '--out-dir', 'out'], {
      cwd: ws.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect((await readdir(ws.path('out'))).sort()).toEqual([
      'other.csv',
      'xa (huyen-a).csv',
      'xa (huyen-b).csv',
    ]);
    expect(await readFile(ws.path('out/xa (huyen-a).csv'), 'utf8')).toContain('Xã An Bình,1.1,1.5');
    expect(await readFile(ws.path('out/xa (huyen-b).csv'), 'utf8')).toContain('Xã Tịnh Hà,1.1,2.25');
    expect(r.stderr).toContain('huyen-b/xa.csv → out/xa (huyen-b).csv');
  });

  it('numbers outputs that would still share a name (the same file twice, names differing in case)', async () => {
    const ws = await workspace();
    await mkdir(ws.path('a'));
    await ws.write('a/Xa.csv', commune('Xã Một', '1'));
    await ws.write('xa.csv', commune('Xã Hai', '2'));
    const r = await run(['convert', 'a/Xa.csv', 'a/Xa.csv', 'xa.csv', '--out-dir', 'out'], { cwd: ws.dir });
    expect(r.code, r.stderr).toBe(0);
    const files = (await readdir(ws.path('out'))).sort();
    expect(files).toHaveLength(3);
    const texts = await Promise.all(files.map((f) => readFile(ws.path(`out/${f}`), 'utf8')));
    expect(texts.filter((t) => t.includes('Xã Một'))).toHaveLength(2);
    expect(texts.filter((t) => t.includes('Xã Hai'))).toHaveLength(1);
  });
});

describe('convert on a batch with bad files', () => {
  it('converts the readable inputs, names each bad one, and exits 1', async () => {
    const ws = await workspace();
    await ws.write('good.csv', commune('Xã Tốt', '1,5'));
    await ws.write('broken.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
    await ws.write('also-good.csv', commune('Xã Khá', '2'));
    const r = await run(
      [
        'convert',
        'good.csv',
        'missing.csv',
        'broken.xlsx',
        'also-good.csv',
        '--out-dir',
        'out',
        '--lang',
        'en',
      ],
      { cwd: ws.dir },
    );
    expect(r.code).toBe(1);
    expect((await readdir(ws.path('out'))).sort()).toEqual(['also-good.csv', 'good.csv']);
    expect(await readFile(ws.path('out/good.csv'), 'utf8')).toBe(
      'Đơn vị,Mã tiêu chí,Điểm thẩm định\nXã Tốt,1.1,1.5\n',
    );
    expect(r.stderr).toMatch(/error E_FILE_NOT_FOUND .*missing\.csv/);
    expect(r.stderr).toMatch(/error E_FILE_CORRUPT .*broken\.xlsx/);
    expect(r.stderr).toContain('good.csv → out/good.csv');
    expect(r.stderr).toMatch(/2 errors/);
  });

  it('into one workbook: the readable inputs are in it, the bad one is reported, exit 1', async () => {
    const ws = await workspace();
    await ws.write('a.csv', commune('Xã A', '1'));
    await ws.write('b.csv', commune('Xã B', '2'));
    const r = await run(['convert', 'a.csv', 'nope.csv', 'b.csv', '-o', 'all.json'], { cwd: ws.dir });
    expect(r.code).toBe(1);
    const doc = JSON.parse(await readFile(ws.path('all.json'), 'utf8'));
    expect(doc.sheets.map((s: { name: string }) => s.name)).toEqual(['a', 'b']);
  });

  it('one input that cannot be read is a usage error, as for every command (exit 2, nothing written)', async () => {
    const ws = await workspace();
    const r = await run(['convert', 'nope.csv', '-o', 'out.csv', '--lang', 'en'], { cwd: ws.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cchc: file not found: "nope\.csv"/);
    await expect(readFile(ws.path('out.csv'))).rejects.toThrow();
  });

  it('when no input can be read, exits 2 and names each', async () => {
    const ws = await workspace();
    const r = await run(['convert', 'x.csv', 'y.csv', '--out-dir', 'out', '--lang', 'en'], { cwd: ws.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/x\.csv[\s\S]*y\.csv/);
    await expect(readdir(ws.path('out'))).rejects.toThrow();
  });
});
