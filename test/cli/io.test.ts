/**
 * The CLI's streams, in process: what it says when standard input is a terminal, and how it
 * treats an output stream that can take no more.
 */
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { forEachEvent, isClosed, readEvents, writeLine, type CliIo } from '../../src/cli/io.js';
import { fixtureText } from '../helpers/fixtures.js';

function streams(input: string, isTTY: boolean): CliIo & { out: () => string; err: () => string } {
  const stdin = Object.assign(Readable.from([input]), { isTTY });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  return { stdin, stdout, stderr, env: {}, out: () => out, err: () => err };
}

describe('standard input', () => {
  it('says it is waiting for events when standard input is a terminal', async () => {
    const io = streams(fixtureText('task', 'synthetic-task-oom-exit137'), true);
    const records = await readEvents([], io);
    expect(records.map((record) => record.success)).toEqual([true]);
    expect(io.err()).toBe(
      'ecs-slack: reading events from standard input; pass files or pipe events (Ctrl-D ends the input)\n',
    );
  });

  it('says nothing when events are piped in', async () => {
    const io = streams(fixtureText('task', 'synthetic-task-oom-exit137'), false);
    await readEvents(['-'], io);
    expect(io.err()).toBe('');
  });
});

describe('closed output', () => {
  it('writes nothing to a stream that failed, and stops calling back but still counts invalid input', async () => {
    const input = `${`${fixtureText('task', 'synthetic-task-oom-exit137').replace(/\n/g, '')}\n`.repeat(3)}garbage\n`;
    const io = streams(input, false);
    io.stdout.on('error', () => undefined);
    let calls = 0;
    const code = await forEachEvent([], io, (event) => {
      calls += 1;
      writeLine(io.stdout, event.id);
      (io.stdout as PassThrough).destroy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    });
    expect(isClosed(io.stdout)).toBe(true);
    expect(calls).toBe(1);
    expect(code).toBe(1);
    expect(io.err()).toBe('-: line 4 is not JSON\n');
  });

  it('keeps calling back after the output closes when asked (send delivers regardless)', async () => {
    const input = `${fixtureText('task', 'synthetic-task-oom-exit137').replace(/\n/g, '')}\n`.repeat(3);
    const io = streams(input, false);
    (io.stdout as PassThrough).destroy();
    let calls = 0;
    const code = await forEachEvent([], io, () => void (calls += 1), { afterOutputCloses: 'continue' });
    expect([calls, code]).toEqual([3, 0]);
  });
});

describe('a record that fails', () => {
  it('is reported on one line naming it, without secrets, and the next record is processed', async () => {
    const event = fixtureText('task', 'synthetic-task-oom-exit137').replace(/\n/g, '');
    const io = streams(`${event}\n${event}\n${event}\n`, false);
    const seen: string[] = [];
    const code = await forEachEvent([], io, (_event, record) => {
      seen.push(record.label);
      if (record.label === 'line 2')
        throw new TypeError('cannot post to https://hooks.slack.com/services/T0/B0/SECRET\nat stack');
    });
    expect([code, seen]).toEqual([1, ['line 1', 'line 2', 'line 3']]);
    expect(io.err()).toBe('-: line 2: cannot be processed (TypeError: cannot post to [url])\n');
  });
});
