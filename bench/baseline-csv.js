// Baseline: csv-parse streaming alone over the file, every record iterated.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const parser = createReadStream(process.argv[2], { highWaterMark: 256 * 1024 }).pipe(
  parse({ delimiter: ';', relax_column_count: true, bom: true }),
);
let rows = 0;
for await (const record of parser) rows += record.length > 0 ? 1 : 0;
process.stderr.write(`${rows} records\n`);
