// Global set-up of `npm run test:apps`: fail loudly before any test when a program is missing.
import { requirePrograms } from './programs.js';

export default function setup(): void {
  requirePrograms();
}
