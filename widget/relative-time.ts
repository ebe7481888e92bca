/** "5 minutes ago" and the full date, through Intl: no date library. */

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// Making an Intl formatter costs far more than using one (a DateTimeFormat, about 0.5 ms): one of each per language.
const formatters = new Map<string, [Intl.RelativeTimeFormat, Intl.DateTimeFormat]>();

function formatter(locale: string) {
  let pair = formatters.get(locale);
  if (!pair) {
    pair = [new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }), new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' })];
    formatters.set(locale, pair);
  }
  return pair;
}

export function relativeTime(iso: string, locale: string, now = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const [format] = formatter(locale);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

export function fullDate(iso: string, locale: string): string {
  return formatter(locale)[1].format(new Date(iso));
}
