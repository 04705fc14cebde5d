/**
 * The CLI's reader of JSON text: NDJSON and JSON values one after another, each named by the line
 * it starts on, a broken value reported once with its line and column.
 */
import { describe, expect, it } from 'vitest';
import { readJsonText } from '../../src/cli/json-text.js';
import { parseUnwrapped } from '../../src/parse/index.js';
import { fixtureText } from '../helpers/fixtures.js';
import { sqsEvent } from '../helpers/lambda.js';

const crashed = fixtureText('task', 'task-stopped-essential-container-exited-fargate-sidecar');
const steady = fixtureText('service', 'docs-service-steady-state');
const failed = fixtureText('deployment', 'docs-deployment-failed');

const parseEcsEvents = (text: string) => parseUnwrapped(readJsonText(text));

function kindsOf(text: string) {
  return parseEcsEvents(text).map((record) => (record.success ? record.data.kind : record.error.message));
}

describe('readJsonText', () => {
  it('reads NDJSON text, with a per-line error for a bad line', () => {
    const line = (text: string) => JSON.stringify(JSON.parse(text));
    const text = `${line(crashed)}\n${line(steady)}\noops\n\n${line(failed)}\n`;
    const records = parseEcsEvents(text);
    expect(records.map((record) => (record.success ? record.data.kind : record.error.message))).toEqual([
      'task',
      'service',
      'line 3 is not JSON',
      'deployment',
    ]);
    expect(records.map((record) => record.origin)).toEqual(['ndjson', 'ndjson', 'ndjson', 'ndjson']);
  });

  it('reads JSON values one after another, pretty or compact (cat a.json b.json)', () => {
    const pretty = (text: string) => JSON.stringify(JSON.parse(text), null, 2);
    const compact = (text: string) => JSON.stringify(JSON.parse(text));
    const text = `${pretty(crashed)}\n${pretty(steady)}${compact(failed)}\n\n${pretty(crashed)}`;
    const records = parseEcsEvents(text);
    expect(records.map((record) => (record.success ? record.data.kind : record.error.message))).toEqual([
      'task',
      'service',
      'deployment',
      'task',
    ]);
    const lineOf = (index: number) => text.slice(0, index).split('\n').length;
    const steadyLine = lineOf(text.indexOf(pretty(steady)));
    const failedAt = text.indexOf(compact(failed));
    expect(records.map((record) => [record.origin, record.label])).toEqual([
      ['ndjson', 'line 1'],
      ['ndjson', `line ${steadyLine}`],
      ['ndjson', `line ${lineOf(failedAt)}, column ${failedAt - text.lastIndexOf('\n', failedAt)}`],
      ['ndjson', `line ${lineOf(text.lastIndexOf(pretty(crashed)))}`],
    ]);
    expect(kindsOf(`${compact(crashed)}${compact(steady)}`)).toEqual(['task', 'service']);
  });

  it('reports a broken pretty-printed value once, with the line and column, and reads the others', () => {
    const pretty = JSON.stringify(JSON.parse(failed), null, 2);
    const broken = pretty.replace('"version": "0",', '"version": "0",,');
    const brokenLine = broken.split('\n').findIndex((line) => line.includes(',,')) + 1;
    const column = broken.split('\n')[brokenLine - 1]!.indexOf(',,') + 2;
    expect(kindsOf(broken)).toEqual([`input is not JSON (at line ${brokenLine}, column ${column})`]);
    const prettyCrashed = JSON.stringify(JSON.parse(crashed), null, 2);
    const offset = prettyCrashed.split('\n').length;
    expect(kindsOf(`${prettyCrashed}\n${broken}\n${prettyCrashed}\n`)).toEqual([
      'task',
      `line ${offset + 1} is not JSON (at line ${offset + brokenLine}, column ${column})`,
      'task',
    ]);
    // Cut short: where the text ends.
    const cut = pretty.slice(0, pretty.indexOf('"reason"'));
    expect(kindsOf(cut)).toEqual([
      `input is not JSON (at line ${cut.trimEnd().split('\n').length}, column ${cut.trimEnd().split('\n').at(-1)!.length + 1})`,
    ]);
  });

  it('keeps a broken NDJSON line an error of that line alone, even one that leaves a bracket open', () => {
    const line = (text: string) => JSON.stringify(JSON.parse(text));
    const text = `${line(crashed)}\n{"truncated": [\n${line(steady)}\n"unterminated\n${line(failed)}\n{"a": 1}}\n`;
    expect(kindsOf(text)).toEqual([
      'task',
      'line 2 is not JSON',
      'service',
      'line 4 is not JSON',
      'deployment',
      // `{"a": 1}` is JSON, but no event; the stray bracket after it is not JSON.
      'line 6: not an Amazon ECS event: source is missing (expected "aws.ecs")',
      'line 6, column 9 is not JSON',
    ]);
  });

  it('reports text with no JSON in it once, not once per line', () => {
    expect(kindsOf('PK\u0003\u0004 binary\n\u0000\u0001 noise\nmore noise\n')).toEqual([
      'input is not JSON (at line 1, column 1)',
    ]);
    expect(kindsOf('   \n  ')).toEqual(['input is empty']);
    expect(kindsOf(`\ufeff${crashed}`)).toEqual(['task']);
  });

  it('reads JSON text of one event or of a batch', () => {
    expect(kindsOf(crashed)).toEqual(['task']);
    expect(kindsOf(JSON.stringify(sqsEvent([failed, steady])))).toEqual(['deployment', 'service']);
  });

  it('rejects text that is not JSON at all', () => {
    expect(kindsOf('hello')).toEqual(['input is not JSON']);
  });
});
