import type { Band } from '../model/settings.js';

/** A band's colours: `strong` for bars and chips, `light` for cell fills, `ink` for text on `light`. */
export interface Tone {
  strong: string;
  light: string;
  ink: string;
}

const TONES: readonly Tone[] = [
  { strong: '#1e7b3a', light: '#d7efdc', ink: '#0f4220' },
  { strong: '#2166ac', light: '#d6e6f5', ink: '#0e3a66' },
  { strong: '#c58a00', light: '#fbefc5', ink: '#5c4100' },
  { strong: '#d4622a', light: '#fbe0d1', ink: '#6b2a0b' },
];
const LAST: Tone = { strong: '#b42318', light: '#f9d6d3', ink: '#6d130d' };
const UNKNOWN: Tone = { strong: '#6b7280', light: '#e5e7eb', ink: '#1f2937' };

/**
 * Band colours by position in the group's scheme, not by name: schemes are data ("Xuất sắc", "Loại I", …).
 * The first bands go green, blue, amber, orange; the last band (the one without a threshold) is red, the
 * same order as the terminal table. Returns a lookup so a report colours n units in O(n).
 */
export function bandTones(scheme: readonly Pick<Band, 'band'>[]): (band: string) => Tone {
  const tones = new Map<string, Tone>();
  scheme.forEach((b, at) => {
    const last = at === scheme.length - 1 && scheme.length > 1;
    tones.set(b.band, last ? LAST : (TONES[Math.min(at, TONES.length - 1)] ?? UNKNOWN));
  });
  return (band) => tones.get(band) ?? UNKNOWN;
}

/**
 * Heat map colour of an index 0–100: red below 50, through amber, to green at 100. Light enough that the
 * number printed on it stays readable in black and on a grey-scale printer.
 */
export function heatColor(index: number): string {
  const t = Math.max(0, Math.min(1, (index - 50) / 50));
  // Three stops: #f4c7c3 (t=0) → #fce8b2 (t=0.5) → #b7e1cd (t=1).
  const stops: [number, number, number][] = [
    [0xf4, 0xc7, 0xc3],
    [0xfc, 0xe8, 0xb2],
    [0xb7, 0xe1, 0xcd],
  ];
  const [a, b, f] = t < 0.5 ? [stops[0]!, stops[1]!, t * 2] : [stops[1]!, stops[2]!, (t - 0.5) * 2];
  const mix = (i: number) =>
    Math.round(a[i]! + (b[i]! - a[i]!) * f)
      .toString(16)
      .padStart(2, '0');
  return `#${mix(0)}${mix(1)}${mix(2)}`;
}
