import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The real programs `npm run test:apps` drives. A missing one fails the suite at once, naming the program
 * and the Debian package that provides it; nothing is skipped.
 */
export const CHROMIUM = '/usr/bin/chromium';

function onPath(name: string): string {
  return execFileSync('sh', ['-c', `command -v ${name} || true`], { encoding: 'utf8' }).trim();
}

export function requirePrograms(): void {
  const missing: string[] = [];
  if (!onPath('soffice')) missing.push('soffice (LibreOffice): apt-get install -y libreoffice-calc');
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM}: apt-get install -y chromium`);
  if (!onPath('unzip')) missing.push('unzip: apt-get install -y unzip');
  if (!onPath('python3')) missing.push('python3: apt-get install -y python3');
  if (!onPath('pdftotext')) missing.push('pdftotext (poppler): apt-get install -y poppler-utils');
  if (missing.length > 0) {
    throw new Error(`npm run test:apps needs these programs:\n  ${missing.join('\n  ')}`);
  }
}
