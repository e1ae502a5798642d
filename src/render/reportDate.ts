/**
 * The instant stamped on the report: SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when
 * set to a valid number, else 1980-01-01, the zip format's own epoch. Never the wall clock
 * (docs/computation.md).
 */
export function reportDate(env: Record<string, string | undefined>): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d{1,12}$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date(Date.UTC(1980, 0, 1));
}
