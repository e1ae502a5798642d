import type { CellValue } from './cell.js';
import type { Location } from './diagnostic.js';

/** One cell as read, with where it came from; turned into points by the leaf's rule when scoring. */
export interface SourceValue {
  value: CellValue;
  location: Location;
}

/** Everything the inputs say about one unit and one leaf. */
export interface LeafEntry {
  code: string;
  self: SourceValue | null;
  appraised: SourceValue | null;
  reason: string;
  evidence: string;
  note: string;
  /** Where the row (long layout) or column (wide layout) is. */
  location: Location;
}

export interface UnitInput {
  /** Match key: NFC, trimmed, spaces collapsed, lower case. */
  key: string;
  /** The name as first written. */
  name: string;
  unitCode: string | null;
  /** Group as first written ('' when the inputs have no group column). */
  group: string;
  groupKey: string;
  location: Location;
  /** Leaf code → entry. */
  entries: Map<string, LeafEntry>;
  /** Survey values from --survey files, leaf code → entry (kept apart to report conflicts). */
  survey: Map<string, LeafEntry>;
}

export interface RowCounts {
  read: number;
  scored: number;
  rejected: number;
}
