import type { Results } from '../model/results.js';
import type { RenderContext } from './context.js';

export type { RenderContext } from './context.js';

export const FORMATS = ['table', 'json', 'csv', 'md', 'xlsx', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** A rendered report: text, bytes, or bytes in pieces (written one after the other, never joined). */
export type Rendered = string | Uint8Array | readonly Uint8Array[];

export type Renderer = (results: Results, ctx: RenderContext) => Promise<Rendered>;

/**
 * One renderer per format, all from the same Results. Each is loaded only when asked for (the workbook
 * writer for xlsx, cli-table3 for the table…), so a run pays the start-up of the formats it writes
 * (docs/benchmark.md).
 */
export const RENDERERS: Record<Format, Renderer> = {
  table: async (r, ctx) => (await import('./table.js')).renderTable(r, ctx),
  json: async (r, ctx) => (await import('./json.js')).renderJsonBytes(r, ctx),
  csv: async (r, ctx) => (await import('./csv.js')).renderCsv(r, ctx),
  md: async (r, ctx) => (await import('./md.js')).renderMd(r, ctx),
  xlsx: async (r, ctx) => (await import('./xlsx.js')).renderXlsx(r, ctx),
  html: async (r, ctx) => (await import('./html.js')).renderHtml(r, ctx),
};

const BY_EXTENSION: Record<string, Format> = {
  json: 'json',
  csv: 'csv',
  xlsx: 'xlsx',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  txt: 'table',
};

/** The format an output path asks for by its extension (case-insensitive), or null when unknown. */
export function formatFromPath(path: string): Format | null {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? null;
}

export const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);
