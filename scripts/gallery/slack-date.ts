/**
 * Formats Slack date tokens (`<!date^1700000000^{date_short_pretty} at {time}|fallback>`) the
 * way Slack's client does, in UTC and without "today" / "yesterday" (the gallery has no clock, so
 * its output never changes): `{date_short_pretty}` reads as `{date_short}`, and so on.
 *
 * @see https://docs.slack.dev/messaging/formatting-message-text#date-formatting
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `1st`, `2nd`, `3rd`, `4th`, `11th`, `21st`. */
function ordinal(day: number): string {
  const teen = day % 100 >= 11 && day % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][day % 10] ?? 'th');
  return `${day}${suffix}`;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** `6:39 PM`, or `6:39:45 PM` with seconds. */
function clock(date: Date, seconds: boolean): string {
  const hours = date.getUTCHours();
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const secs = seconds ? `:${pad(date.getUTCSeconds())}` : '';
  return `${hour12}:${pad(date.getUTCMinutes())}${secs} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** The value of each token for one date. */
function tokens(date: Date): Record<string, string> {
  const year = date.getUTCFullYear();
  const month = MONTHS[date.getUTCMonth()] ?? '';
  const day = date.getUTCDate();
  const weekday = DAYS[date.getUTCDay()] ?? '';
  const long = `${weekday}, ${month} ${ordinal(day)}, ${year}`;
  const plain = `${month} ${ordinal(day)}, ${year}`;
  const short = `${month.slice(0, 3)} ${day}, ${year}`;
  return {
    date_num: `${year}-${pad(date.getUTCMonth() + 1)}-${pad(day)}`,
    date_slash: `${pad(day)}/${pad(date.getUTCMonth() + 1)}/${year}`,
    date: plain,
    date_pretty: plain,
    date_short: short,
    date_short_pretty: short,
    date_long: long,
    date_long_pretty: long,
    day_divider_pretty: long,
    date_long_full: `${month} ${day}, ${year}`,
    time: clock(date, false),
    time_secs: clock(date, true),
  };
}

/**
 * Replaces the `{token}`s of a Slack date format for a Unix time in seconds; unknown tokens stay
 * as written. Returns `undefined` when the time is not a finite number, so the caller shows the
 * fallback as Slack does.
 *
 * @example
 * ```ts
 * formatSlackDate(1700000000, '{date_short_pretty} at {time}'); // 'Nov 14, 2023 at 10:13 PM'
 * ```
 */
export function formatSlackDate(seconds: number, format: string): string | undefined {
  if (!Number.isFinite(seconds)) return undefined;
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return undefined;
  const values = tokens(date);
  return format.replace(/\{([a-z_]+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? whole) : whole,
  );
}

/** `2023-11-14 22:13:20 UTC`, for a tooltip. */
export function isoUtc(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
