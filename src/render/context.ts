import type { Lang } from '../model/settings.js';

/** What every renderer needs besides the results. Build it from the run's Settings and the terminal. */
export interface RenderContext {
  lang: Lang;
  /** ANSI colours (table only); false for pipes, NO_COLOR and --no-color. */
  color: boolean;
  /** Decimals shown; the same --precision the published values were rounded to. */
  precision: number;
}
