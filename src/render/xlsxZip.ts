/**
 * exceljs (through JSZip) stamps every zip entry with the time of writing, so two runs on the same inputs
 * would differ. This sets the DOS date/time of every entry, in the local headers and the central
 * directory, to one given instant. Only header fields change; the CRCs cover the data, not the headers.
 */
export function setZipTimestamps(zip: Uint8Array, when: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new Error('xlsx writer produced no zip end record');
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const { time, date } = dosDateTime(when);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('xlsx writer produced a malformed zip');
    view.setUint16(p + 12, time, true);
    view.setUint16(p + 14, date, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('xlsx writer produced a malformed zip');
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return zip;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= stop; p--) if (view.getUint32(p, true) === 0x06054b50) return p;
  return -1;
}

/** MS-DOS date and time (UTC, 2-second resolution); clamped to the years the format holds (1980–2107). */
function dosDateTime(when: Date): { time: number; date: number } {
  if (when.getUTCFullYear() < 1980) return { time: 0, date: (1 << 5) | 1 };
  if (when.getUTCFullYear() > 2107) return { time: 0, date: (127 << 9) | (12 << 5) | 31 };
  const time = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const date = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  return { time, date };
}

/**
 * The instant stamped on the report: SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when
 * set to a valid number, else 1980-01-01, the zip format's own epoch. Never the wall clock (SPEC §5).
 */
export function reportDate(env: Record<string, string | undefined>): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d{1,12}$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date(Date.UTC(1980, 0, 1));
}
