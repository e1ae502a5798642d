import type { Lang } from '../model/settings.js';

/** The title block of a report (docs/commands.md): what the council publishes above the tables. */
export interface ReportInfo {
  title: string | null;
  period: string | null;
  issuer: string | null;
  /** The date given (--date, config `date`) or SOURCE_DATE_EPOCH's, YYYY-MM-DD; null when none was. */
  date: string | null;
  /** The date printed on the human reports: `date`, else the day of the run. */
  printedDate: string;
}

/** What every renderer needs besides the results. Built once per run in cli/runSettings.ts. */
export interface RenderContext {
  lang: Lang;
  /** ANSI colours (table only); false for pipes, NO_COLOR and --no-color. */
  color: boolean;
  /** Decimals shown; the same --precision the published values were rounded to. */
  precision: number;
  /** Title, period, issuer and date; absent: the default title and no date. */
  report?: ReportInfo;
  /** The instant stamped in file metadata (zip entries, workbook properties); default 1980-01-01. */
  stamp?: Date;
  /** CSV field separator; default ",". */
  csvDelimiter?: ',' | ';';
  /** --no-survey: the index is on appraisal alone by decision, which the reports say. */
  noSurvey?: boolean;
}
