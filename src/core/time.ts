/** Times as an officer reads them. */

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A stored instant (ISO, UTC) as the officer's clock shows it: `YYYY-MM-DD HH:mm` in local time.
 * (An ISO string cut at 16 characters is UTC: 8 hours behind the clock in 武汉.)
 */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The calendar day of a moment on the officer's clock, `YYYY-MM-DD` (not the UTC day, which is 8 hours behind in 武汉). */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
