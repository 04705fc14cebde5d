/**
 * CloudWatch console links: a container's log stream around a time, and a Logs Insights query.
 *
 * @module
 */
import { consoleOrigin } from '../classify/links.js';

/**
 * A part of the console's `#logsV2:` fragment: URI-encoded, then `%` written as `$`.
 */
const fragment = (value: string): string => encodeURIComponent(value).replace(/%/g, '$');

/** The CloudWatch console's `#logsV2:` base for a partition and Region, or `undefined`. */
function logsConsole(partition: string | undefined, region: string): string | undefined {
  const origin = consoleOrigin(partition, region);
  return origin === undefined ? undefined : `${origin}/cloudwatch/home?region=${encodeURIComponent(region)}#logsV2:`;
}

/**
 * Where {@link logStreamUrl} points.
 */
export interface LogStreamLinkOptions {
  /** `aws`, `aws-cn` or `aws-us-gov`; no link for other partitions. */
  readonly partition: string | undefined;
  /** The log group's Region. */
  readonly region: string;
  /** The log group. */
  readonly group: string;
  /** The log stream. */
  readonly stream: string;
  /** Show events from this time on (epoch milliseconds). */
  readonly start?: number;
  /** Show events up to this time (epoch milliseconds). */
  readonly end?: number;
}

/**
 * A CloudWatch console link to a log stream, optionally limited to a time range. Group and
 * stream are URI-encoded twice and `%` is written as `$`, as the console does.
 *
 * @param options - Partition, Region, group, stream and the time range.
 * @returns The URL, or `undefined` where there is no public console (isolated partitions).
 * @example
 * ```ts
 * logStreamUrl({ partition: 'aws', region: 'eu-west-1', group: '/ecs/web', stream: 'ecs/app/1f2e3d4c' });
 * // 'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/$252Fecs$252Fweb/log-events/ecs$252Fapp$252F1f2e3d4c'
 * ```
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html
 */
export function logStreamUrl(options: LogStreamLinkOptions): string | undefined {
  const base = logsConsole(options.partition, options.region);
  if (base === undefined) return undefined;
  const range = [
    options.start === undefined ? undefined : `start=${Math.floor(options.start)}`,
    options.end === undefined ? undefined : `end=${Math.floor(options.end)}`,
  ].filter((part) => part !== undefined);
  const query = range.length === 0 ? '' : fragment(`?${range.join('&')}`);
  return `${base}log-groups/log-group/${fragment(encodeURIComponent(options.group))}/log-events/${fragment(encodeURIComponent(options.stream))}${query}`;
}

/**
 * What {@link logsInsightsUrl} opens.
 */
export interface LogsInsightsLinkOptions {
  /** `aws`, `aws-cn` or `aws-us-gov`; no link for other partitions. */
  readonly partition: string | undefined;
  /** The Region of the log groups. */
  readonly region: string;
  /** The log groups to query. */
  readonly groups: readonly string[];
  /** The query, in the Logs Insights query language. */
  readonly query: string;
  /** Start of the time range (epoch milliseconds); the last hour without one. */
  readonly start?: number;
  /** End of the time range (epoch milliseconds). */
  readonly end?: number;
}

/**
 * A CloudWatch Logs Insights link that opens a query on log groups over a time range, written in
 * the console's JSURL-like form (`~(end~'...~start~'...~editorString~'...~source~(~'group))`).
 *
 * @param options - Partition, Region, groups, query and the time range.
 * @returns The URL, or `undefined` where there is no public console (isolated partitions).
 * @example
 * ```ts
 * logsInsightsUrl({ partition: 'aws', region: 'eu-west-1', groups: ['/ecs/web'], query: 'fields @message | limit 20' });
 * ```
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AnalyzingLogData.html
 */
export function logsInsightsUrl(options: LogsInsightsLinkOptions): string | undefined {
  const base = logsConsole(options.partition, options.region);
  if (base === undefined) return undefined;
  const time =
    options.start === undefined || options.end === undefined
      ? `end~0~start~-3600~timeType~'RELATIVE~unit~'seconds`
      : `end~${jsurl(new Date(options.end).toISOString())}~start~${jsurl(new Date(options.start).toISOString())}~timeType~'ABSOLUTE~tz~'UTC`;
  const source = `(${options.groups.map((group) => `~${jsurl(group)}`).join('')})`;
  const detail = `~(${time}~editorString~${jsurl(options.query)}~source~${source})`;
  return `${base}logs-insights${fragment('?queryDetail=')}${fragment(detail)}`;
}

/**
 * A string in JSURL form: `'` then the text, characters other than letters, digits, `_`, `-` and
 * `.` written as `*XX` (or `**XXXX` above `\xff`), `$` as `!`.
 */
function jsurl(value: string): string {
  const encoded = value.replace(/[^\w.-]/g, (c) => {
    if (c === '$') return '!';
    const code = c.charCodeAt(0);
    return code < 0x100 ? `*${code.toString(16).padStart(2, '0')}` : `**${code.toString(16).padStart(4, '0')}`;
  });
  return `'${encoded}`;
}
