import type { Dec } from './decimal.js';
import type { CompareOp } from './framework.js';

export type Stage = 'appraised' | 'self';
export type Lang = 'vi' | 'en';

export interface Band {
  band: string;
  op: CompareOp | null;
  /** null for the last band, which has no threshold. */
  min: Dec | null;
}

export interface BandSchemes {
  /** Scheme for groups without one of their own. */
  default: Band[];
  /** Keyed by groupKey. */
  byGroup: Map<string, Band[]>;
}

export interface Settings {
  stage: Stage;
  na: 'exclude' | 'full';
  precision: number;
  lang: Lang;
  strict: boolean;
  bands: BandSchemes;
}
