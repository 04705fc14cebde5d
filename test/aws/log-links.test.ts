/**
 * CloudWatch console links, decoded back: the stream link's group, stream and time range, the
 * Logs Insights link's query, groups and range; the right host per partition, none for isolated
 * partitions.
 */
import { describe, expect, it } from 'vitest';
import { logStreamUrl, logsInsightsUrl } from '../../src/aws/index.js';

/** The `#logsV2:` fragment of a console link, `$` read back as `%`. */
function fragmentOf(url: string): string {
  const hash = url.indexOf('#');
  return url.slice(hash + 1);
}
const undollar = (part: string): string => decodeURIComponent(part.replace(/\$/g, '%'));

/** Reads a stream link: group and stream (encoded twice), and the range query. */
function decodeStreamLink(url: string): { group: string; stream: string; query: string } {
  const match = /^logsV2:log-groups\/log-group\/([^/]+)\/log-events\/([^/$]*(?:\$(?!3F)[^/$]*)*)(.*)$/.exec(
    fragmentOf(url),
  );
  if (match === null) throw new Error(`not a stream link: ${url}`);
  return {
    group: decodeURIComponent(undollar(match[1]!)),
    stream: decodeURIComponent(undollar(match[2]!)),
    query: undollar(match[3]!),
  };
}

/** A JSURL value back to JSON: enough of the grammar for the console's queryDetail. */
function parseJsurl(text: string): unknown {
  let at = 0;
  const word = (): string => {
    const start = at;
    while (at < text.length && !'~)'.includes(text[at]!)) at++;
    return text
      .slice(start, at)
      .replace(/\*\*([0-9a-f]{4})|\*([0-9a-f]{2})|!/g, (m, four: string, two: string) =>
        m === '!' ? '$' : String.fromCharCode(Number.parseInt(four ?? two, 16)),
      );
  };
  const value = (): unknown => {
    if (text[at] !== '~') throw new Error(`expected ~ at ${at}`);
    at++;
    if (text[at] === "'") {
      at++;
      return word();
    }
    if (text[at] === '(') {
      at++;
      if (text[at] === '~') {
        const items: unknown[] = [];
        while (text[at] === '~') items.push(value());
        at++;
        return items;
      }
      const object: Record<string, unknown> = {};
      while (text[at] !== ')') {
        const key = word();
        object[key] = value();
        if (text[at] === '~' && text[at + 1] !== undefined && text[at + 1] !== "'" && text[at + 1] !== '(') {
          /* next key follows the separator */
        }
        if (text[at] === '~') at++;
      }
      at++;
      return object;
    }
    const raw = word();
    return raw === 'true' ? true : raw === 'false' ? false : Number(raw);
  };
  return value();
}

describe('logStreamUrl', () => {
  const stop = Date.parse('2020-03-16T15:37:04.979Z');

  it('decodes back to the group, the stream and the range', () => {
    const url = logStreamUrl({
      partition: 'aws',
      region: 'eu-central-1',
      group: '/ecs/example-api',
      stream: 'ecs/app/a6eaf015',
      start: stop - 600_000,
      end: stop + 60_000,
    })!;
    expect(
      url.startsWith(
        'https://eu-central-1.console.aws.amazon.com/cloudwatch/home?region=eu-central-1#logsV2:log-groups/log-group/$252Fecs$252Fexample-api/log-events/ecs$252Fapp$252Fa6eaf015$3Fstart$3D',
      ),
    ).toBe(true);
    expect(decodeStreamLink(url)).toEqual({
      group: '/ecs/example-api',
      stream: 'ecs/app/a6eaf015',
      query: `?start=${stop - 600_000}&end=${stop + 60_000}`,
    });
  });

  it('survives odd characters in names', () => {
    const group = '/aws/ecs/my_group.v2#x';
    const stream = 'web/$(odd) name/abc';
    expect(decodeStreamLink(logStreamUrl({ partition: 'aws', region: 'us-east-1', group, stream })!)).toEqual({
      group,
      stream,
      query: '',
    });
  });

  it.each([
    ['aws', 'eu-west-1', 'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#'],
    ['aws-cn', 'cn-north-1', 'https://cn-north-1.console.amazonaws.cn/cloudwatch/home?region=cn-north-1#'],
    [
      'aws-us-gov',
      'us-gov-west-1',
      'https://us-gov-west-1.console.amazonaws-us-gov.com/cloudwatch/home?region=us-gov-west-1#',
    ],
  ])('%s in %s: %s', (partition, region, prefix) => {
    expect(logStreamUrl({ partition, region, group: 'g', stream: 's' })?.startsWith(prefix)).toBe(true);
    expect(logsInsightsUrl({ partition, region, groups: ['g'], query: 'q' })?.startsWith(prefix)).toBe(true);
  });

  it.each([
    ['aws-iso', 'us-iso-east-1'],
    ['aws-iso-b', 'us-isob-east-1'],
    [undefined, 'eu-west-1'],
    ['aws', 'not a region'],
  ])('no link for %s / %s', (partition, region) => {
    expect(logStreamUrl({ partition, region, group: 'g', stream: 's' })).toBeUndefined();
    expect(logsInsightsUrl({ partition, region, groups: ['g'], query: 'q' })).toBeUndefined();
  });
});

describe('logsInsightsUrl', () => {
  it('decodes back to the query, the groups and an absolute range', () => {
    const query =
      'fields @timestamp, @message\n| filter @logStream like "a6eaf015" or @message like "$x"\n| sort @timestamp desc';
    const url = logsInsightsUrl({
      partition: 'aws',
      region: 'eu-central-1',
      groups: ['/ecs/example-api', '/ecs/other'],
      query,
      start: Date.parse('2020-03-16T14:37:04.979Z'),
      end: Date.parse('2020-03-16T15:42:04.979Z'),
    })!;
    const fragment = fragmentOf(url);
    expect(fragment.startsWith('logsV2:logs-insights$3FqueryDetail$3D~(')).toBe(true);
    const detail = parseJsurl(undollar(fragment.slice('logsV2:logs-insights$3FqueryDetail$3D'.length)));
    expect(detail).toEqual({
      end: '2020-03-16T15:42:04.979Z',
      start: '2020-03-16T14:37:04.979Z',
      timeType: 'ABSOLUTE',
      tz: 'UTC',
      editorString: query,
      source: ['/ecs/example-api', '/ecs/other'],
    });
  });

  it('the last hour without a range', () => {
    const url = logsInsightsUrl({ partition: 'aws', region: 'eu-central-1', groups: ['g'], query: 'fields @message' })!;
    const detail = parseJsurl(undollar(fragmentOf(url).slice('logsV2:logs-insights$3FqueryDetail$3D'.length)));
    expect(detail).toEqual({
      end: 0,
      start: -3600,
      timeType: 'RELATIVE',
      unit: 'seconds',
      editorString: 'fields @message',
      source: ['g'],
    });
  });
});
