import { spawn, spawnSync, type StdioOptions } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureText } from '../helpers/fixtures.js';
import { sqsEvent } from '../helpers/lambda.js';
import { startScriptedServer } from '../helpers/slack-server.js';

const CLI = join(FIXTURES, '..', '..', 'dist', 'cli.js');
const TASK = join(FIXTURES, 'events', 'task', 'task-stopped-essential-container-exited-fargate-sidecar.json');
const DEPLOYMENT = join(FIXTURES, 'events', 'deployment', 'docs-deployment-failed.json');

/** Runs the built executable as a user would. */
function run(args: string[], input?: string, env: Readonly<Record<string, string>> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input,
    encoding: 'utf8',
    timeout: 15_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the executable with standard output closed from the start, as `| head` leaves it once it
 * has read enough (`stdout: 'closed'`), or going to a file such as /dev/full.
 */
function runWithStdout(args: string[], stdout: 'closed' | string, env: Record<string, string> = {}, input?: string) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const fd = stdout === 'closed' ? undefined : openSync(stdout, 'w');
    const stdio: StdioOptions = ['pipe', fd ?? 'pipe', 'pipe'];
    const child = spawn(process.execPath, [CLI, ...args], { stdio, env: { ...process.env, ...env } });
    if (fd !== undefined) closeSync(fd);
    child.stdout?.destroy();
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.stdin!.end(input ?? '');
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** A file of `count` copies of the task event, each with its own id, as NDJSON. */
function manyEvents(count: number): string {
  const task = JSON.parse(fixtureText('task', 'task-stopped-essential-container-exited-fargate-sidecar'));
  const dir = mkdtempSync(join(tmpdir(), 'ecs-slack-'));
  const file = join(dir, 'many.ndjson');
  writeFileSync(
    file,
    Array.from({ length: count }, (_, i) => JSON.stringify({ ...task, id: `event-${i}` })).join('\n'),
  );
  return file;
}

const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, any>);

describe('ecs-slack classify', () => {
  it('prints one JSON line per event from files', () => {
    const { code, stdout, stderr } = run(['classify', TASK, DEPLOYMENT]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = lines(stdout);
    expect(out.map((line) => line.kind)).toEqual(['task', 'deployment']);
    expect(out[0]).toMatchObject({ file: TASK, identity: { service: 'example-api-v1', cluster: 'test' } });
  });

  it('reads an SQS batch from standard input', () => {
    const batch = sqsEvent([fixtureText('task', 'task-stopped-elb-health-check-failed-fargate'), '{bad']);
    const { code, stdout, stderr } = run(['classify'], JSON.stringify(batch));
    expect(code).toBe(1);
    const out = lines(stdout);
    expect(out).toHaveLength(2);
    expect(out[0]!.kind).toBe('task');
    expect(out[0]!.id).toBe(batch.Records[0]!.messageId);
    expect(out[1]!.error).toMatch(/^SQS record 1 .* body is not JSON$/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('reads NDJSON and reports invalid events on stderr with exit code 1, processing the rest', () => {
    const task = JSON.parse(fixtureText('task', 'task-stopped-essential-container-exited-fargate-sidecar'));
    const broken = structuredClone(task);
    broken.detail.lastStatus = 5;
    const dir = mkdtempSync(join(tmpdir(), 'ecs-slack-'));
    const file = join(dir, 'events.ndjson');
    writeFileSync(file, [task, broken, task].map((event) => JSON.stringify(event)).join('\n'));
    const { code, stdout, stderr } = run(['classify', file]);
    expect(code).toBe(1);
    expect(lines(stdout).map((line) => line.kind ?? 'error')).toEqual(['task', 'error', 'task']);
    expect(stderr.trim()).toBe(`${file}: line 2: detail.lastStatus: expected string, received number`);
  });

  it('reports a missing file without a stack trace', () => {
    const { code, stderr } = run(['classify', '/nonexistent/events.json']);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('/nonexistent/events.json: cannot read /nonexistent/events.json (ENOENT)');
  });
});

describe('usage', () => {
  it('exits 2 on an unknown command or option', () => {
    const unknown = run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    // One line naming the flag and pointing to --help, not Node's parser text.
    const option = run(['classify', '--frob']);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe(
      'ecs-slack classify: unknown option --frob; run "ecs-slack classify --help" for the options\n',
    );
    expect(run(['render', '--compact=yes', '-x']).stderr).toBe(
      'ecs-slack render: --compact takes no value; run "ecs-slack render --help" for the options\n',
    );
    expect(run(['render', '-x']).stderr).toMatch(/^ecs-slack render: unknown option -x; run/);
    expect(run(['patterns', '--preset']).stderr).toMatch(/^ecs-slack patterns: --preset needs a value; run/);
    expect(run(['send', '--https://hooks.slack.com/services/T0/B0/SECRETxyz']).stderr).toBe(
      'ecs-slack send: unknown option (a URL, not shown); run "ecs-slack send --help" for the options\n',
    );
  });

  it('prints help and the version', () => {
    expect(run(['--help']).stdout).toMatch(/^Usage: ecs-slack <command>/);
    expect(run([]).code).toBe(2);
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('help', () => {
  it.each(['classify', 'render', 'send', 'patterns', 'demo'])(
    "%s --help and -h print that command's help and exit 0",
    (command) => {
      for (const flag of ['--help', '-h']) {
        const { code, stdout, stderr } = run([command, flag]);
        expect([code, stderr]).toEqual([0, '']);
        expect(stdout).toMatch(new RegExp(`^Usage: ecs-slack ${command} \\[options\\]`));
        expect(stdout).toMatch(/\n {2}-h, --help {13}Show this help\n/);
      }
    },
  );

  it('lists only the exit statuses the command can end with', () => {
    for (const command of ['patterns', 'demo']) {
      const help = run([command, '--help']).stdout;
      expect(help).toMatch(/\nExit status: 0[ ,(].*2 on usage errors\.\n$/);
      expect(help).not.toMatch(/invalid|delivered/);
    }
    expect(run(['render', '--help']).stdout).toMatch(/1 when some input was invalid or could not be\ndelivered/);
  });

  it('shows the options of the command, also after another mistake and through `help COMMAND`', () => {
    expect(run(['render', '--help']).stdout).toMatch(/\n {2}--builder-url {10}Print a Block Kit Builder link/);
    expect(run(['send', '--frob', '--help']).code).toBe(0);
    expect(run(['help', 'patterns']).stdout).toMatch(/^Usage: ecs-slack patterns \[options\]\n/);
    expect(run(['help', 'nope']).code).toBe(2);
    // After `--`, `--help` is a file name.
    expect(run(['classify', '--', '--help']).stderr).toMatch(/cannot read --help \(ENOENT\)/);
  });
});

describe('arguments', () => {
  const secret = 'https://hooks.slack.com/services/T0/B0/SECRETxyz';

  it('refuses a URL given where a file belongs, without printing it', () => {
    for (const [args, env] of [
      [['send', secret], {}],
      [['send', TASK, secret], { SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/other' }],
    ] as const) {
      const { code, stdout, stderr } = run([...args], undefined, env);
      expect(code).toBe(2);
      expect(stderr.trim()).toBe(
        'ecs-slack send: an argument looks like a URL; pass the webhook with --webhook-url or SLACK_WEBHOOK_URL',
      );
      expect(stdout + stderr).not.toContain('SECRET');
    }
    for (const args of [['classify', secret], ['render', secret], ['patterns', secret], ['demo', secret], [secret]]) {
      const { code, stdout, stderr } = run(args);
      expect(code).toBe(2);
      expect(stdout + stderr).not.toContain('SECRET');
    }
  });

  it('never echoes a secret given as an option value or a file name without a scheme', () => {
    const preset = run(['render', '--preset', 'xoxb-1234-SECRETtoken', TASK]);
    expect(preset.code).toBe(2);
    expect(preset.stderr.trim()).toBe('ecs-slack render: unknown preset "[token]"; use alerts, verbose, none');
    const file = 'hooks.slack.com/services/T0SECRET/B0SECRET/SECRETxyz';
    for (const command of ['classify', 'render']) {
      const { code, stdout, stderr } = run([command, file, TASK]);
      expect(code).toBe(1);
      expect(stderr.trim()).toBe('[webhook]: cannot read [webhook] (ENOENT)');
      expect(stdout + stderr).not.toContain('SECRET');
    }
    const send = run(['send', 'services/T0SECRET/B0SECRET/SECRETxyz'], undefined, {
      SLACK_WEBHOOK_URL: 'http://127.0.0.1:9/services/T0/B0/x',
    });
    expect(send.code).toBe(1);
    expect(send.stderr.trim()).toBe('[webhook path]: cannot read [webhook path] (ENOENT)');
    expect(send.stdout + send.stderr).not.toContain('SECRET');
  });

  it('refuses a plain http webhook URL to another host, and says https is required', () => {
    const { code, stdout, stderr } = run(['send', TASK], undefined, {
      SLACK_WEBHOOK_URL: 'http://hooks.slack.com/services/T0/B0/SECRETxyz',
    });
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      'ecs-slack send: the webhook URL must use https (plain http only to a loopback address)',
    );
    expect(stdout + stderr).not.toContain('SECRET');
  });

  it('demo takes no arguments', () => {
    const { code, stdout, stderr } = run(['demo', 'extra', 'args']);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.trim()).toBe(
      'ecs-slack demo: unexpected argument "extra"; demo runs built-in samples and reads no files',
    );
  });
});

describe('input', () => {
  it('reads JSON files one after another (cat a.json b.json |), and one error for a broken one', () => {
    const a = fixtureText('task', 'synthetic-task-oom-exit137');
    const b = fixtureText('deployment', 'docs-deployment-failed');
    const good = run(['classify'], `${a}\n${b}`);
    expect([good.code, good.stderr]).toEqual([0, '']);
    expect(lines(good.stdout).map((line) => line.kind)).toEqual(['task', 'deployment']);
    const broken = run(['classify'], `${a}\n${b.replace(/,\n/, ',,\n')}\n${a}`);
    expect(broken.code).toBe(1);
    expect(broken.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^-: line \d+ is not JSON \(at line \d+, column \d+\)$/),
    ]);
    expect(lines(broken.stdout).map((line) => line.kind ?? 'error')).toEqual(['task', 'error', 'task']);
  });

  it('renders every record of a file when one has lone surrogates in its names', () => {
    const task = JSON.parse(fixtureText('task', 'synthetic-task-crashed-exit1-sidecar143'));
    const broken = structuredClone(task);
    broken.detail.clusterArn = `${broken.detail.clusterArn}\ud800`;
    broken.detail.group = 'service:web\udfff';
    const text = [task, broken, task].map((event) => JSON.stringify(event)).join('\n');
    expect(text).toContain('\\ud800');
    const { code, stdout, stderr } = run(['render'], text);
    expect([code, stderr]).toEqual([0, '']);
    expect(lines(stdout)).toHaveLength(3);
  });

  it('reports an event nested too deeply to read and goes on with the other files', () => {
    const { id: _id, ...event } = JSON.parse(fixtureText('task', 'synthetic-task-oom-exit137'));
    const dir = mkdtempSync(join(tmpdir(), 'ecs-slack-'));
    const deep = join(dir, 'deep.json');
    const text = JSON.stringify({ ...event, detail: { ...event.detail, extra: 'DEEP' } });
    writeFileSync(deep, text.replace('"DEEP"', `${'['.repeat(20_000)}${']'.repeat(20_000)}`));
    const { code, stdout, stderr } = run(['classify', deep, TASK]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`${deep}: detail: nested too deeply to derive the event id (the event has no id)`);
    expect(lines(stdout).map((line) => line.kind ?? 'error')).toEqual(['error', 'task']);
  });
});

describe('output that cannot be written', () => {
  it('a reader that stops reading (| head) is no error, and the exit code still tells invalid input', async () => {
    const ok = await runWithStdout(['classify', manyEvents(200)], 'closed');
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    const invalid = await runWithStdout(
      ['classify'],
      'closed',
      {},
      `${fixtureText('task', 'synthetic-task-oom-exit137').replace(/\n/g, '')}\ngarbage\n`,
    );
    expect(invalid.code).toBe(1);
    expect(invalid.stderr.trim()).toBe('-: line 2 is not JSON');
    expect((await runWithStdout(['demo'], 'closed')).code).toBe(0);
    expect((await runWithStdout(['render', TASK, '/nonexistent.json'], 'closed')).code).toBe(1);
  });

  it('send delivers every event even when nobody reads its log, and still exits 1 when one fails', async () => {
    const file = manyEvents(40);
    const server = await startScriptedServer([{ status: 200, body: 'ok' }]);
    try {
      // One message per event, as fast as the server answers: the subject is the closed output.
      const { code, stderr } = await runWithStdout(['send', '--no-group', '--no-pace', file], 'closed', {
        SLACK_WEBHOOK_URL: `${server.origin}/services/T/B/x`,
      });
      expect([code, stderr]).toEqual([0, '']);
      expect(server.requests).toHaveLength(40);
    } finally {
      await server.close();
    }
    const refusing = await startScriptedServer((_, index) =>
      index === 3 ? { status: 404, body: 'no_service' } : { status: 200, body: 'ok' },
    );
    try {
      const { code } = await runWithStdout(['send', '--no-group', '--no-pace', file], 'closed', {
        SLACK_WEBHOOK_URL: `${refusing.origin}/services/T/B/x`,
      });
      expect(code).toBe(1);
      expect(refusing.requests).toHaveLength(40);
    } finally {
      await refusing.close();
    }
  });

  it('send groups the crashes of one cluster into an incident: one alert and one grouped message; --no-group sends each', async () => {
    const task = JSON.parse(fixtureText('task', 'task-stopped-essential-container-exited-fargate-sidecar'));
    const file = join(mkdtempSync(join(tmpdir(), 'ecs-slack-')), 'outage.ndjson');
    const services = ['svc-a', 'svc-b', 'svc-c'];
    const crashes = services.map((service, i) => ({
      ...task,
      id: `outage-${i}`,
      detail: { ...task.detail, group: `service:${service}`, taskArn: `${task.detail.taskArn}${i}` },
    }));
    writeFileSync(file, crashes.map((event) => JSON.stringify(event)).join('\n'));
    const posts = async (args: string[]) => {
      const server = await startScriptedServer([{ status: 200, body: 'ok' }]);
      try {
        const { code } = await runWithStdout(['send', ...args, file], 'closed', {
          SLACK_WEBHOOK_URL: `${server.origin}/services/T/B/x`,
        });
        return { code, bodies: server.requests.map((request) => request.body) };
      } finally {
        await server.close();
      }
    };
    const grouped = await posts([]);
    expect(grouped.code).toBe(0);
    expect(grouped.bodies).toHaveLength(2);
    expect(JSON.parse(grouped.bodies[1]!).text).toMatch(/: 2 more services /);
    for (const service of ['svc-b', 'svc-c']) expect(grouped.bodies[1]).toContain(service);
    expect((await posts(['--group-wait', '60', '--no-pace'])).bodies).toHaveLength(2);
    const each = await posts(['--no-group']);
    expect(each.bodies).toHaveLength(3);
    expect(each.bodies.map((body) => /svc-[abc]/.exec(body)?.[0])).toEqual(services);
    const wrong = await runWithStdout(['send', '--group-wait', 'soon', file], 'closed', {
      SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/x',
    });
    expect([wrong.code, wrong.stderr]).toEqual([
      2,
      expect.stringContaining('--group-wait: expected a positive number of seconds'),
    ]);
  });

  it.skipIf(!existsSync('/dev/full'))(
    'a full disk is one line on stderr and exit code 1, without a stack trace',
    async () => {
      for (const args of [['classify', TASK], ['demo'], ['patterns']]) {
        const { code, stderr } = await runWithStdout(args, '/dev/full');
        expect(code).toBe(1);
        expect(stderr).toBe('ecs-slack: cannot write output (ENOSPC)\n');
      }
    },
  );
});

describe('ecs-slack demo', () => {
  it('runs the sample events through the pipeline', () => {
    const { code, stdout, stderr } = run(['demo']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/sample ECS events/);
    expect(stdout).toMatch(/task failed ELB health checks/);
    // Each sample's name, then its severity and outcome.
    expect(stdout).toContain('\n 4. app container crashed (exit 2) — error: crashed\n');
    expect(stdout).toContain(' 1. deployment started — info: deployment-started\n');
  });
});

describe('ecs-slack render', () => {
  it('prints one valid payload per event (NDJSON)', async () => {
    const { validateMessage } = await import('../helpers/block-kit.js');
    const { code, stdout, stderr } = run(['render', TASK, DEPLOYMENT]);
    expect([code, stderr]).toEqual([0, '']);
    const payloads = lines(stdout);
    expect(payloads).toHaveLength(2);
    for (const payload of payloads) expect(validateMessage(payload as any)).toEqual([]);
    expect(payloads[0]!.text).toBe('app exited with code 2 and task a6eaf015 of example-api-v1 stopped');
  });

  it('--pretty, --no-color and --compact change the output', () => {
    const pretty = run(['render', '--pretty', '--no-color', '--compact', TASK]);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout.startsWith('{\n  "text"')).toBe(true);
    const payload = JSON.parse(pretty.stdout);
    expect(payload.attachments).toBeUndefined();
    expect(payload.blocks.map((b: any) => b.type)).toEqual(['section', 'context']);
  });

  it('--builder-url prints a Block Kit Builder link per message', () => {
    const { code, stdout } = run(['render', '--builder-url', TASK, DEPLOYMENT]);
    expect(code).toBe(0);
    const urls = stdout.trim().split('\n');
    expect(urls).toHaveLength(2);
    for (const url of urls) expect(url).toMatch(/^https:\/\/app\.slack\.com\/block-kit-builder\/#%7B/);
  });

  it('reports invalid input on stderr and renders the rest', () => {
    const { code, stdout, stderr } = run(
      ['render'],
      `${fixtureText('task', 'synthetic-task-oom-exit137').replace(/\n/g, '')}\nnot json\n`,
    );
    expect(code).toBe(1);
    expect(lines(stdout)).toHaveLength(1);
    expect(stderr.trim()).toBe('-: line 2 is not JSON');
  });
});

describe('--preset', () => {
  const crashLoopFile = async () => {
    const { crashLoop } = await import('../helpers/crash-loop.js');
    const dir = mkdtempSync(join(tmpdir(), 'ecs-slack-'));
    const file = join(dir, 'crash-loop.ndjson');
    writeFileSync(
      file,
      crashLoop()
        .map((d) => JSON.stringify(d.event))
        .join('\n'),
    );
    return file;
  };

  it('render --preset alerts prints only what would be sent, the final digest included', async () => {
    const { code, stdout } = run(['render', '--preset', 'alerts', await crashLoopFile()]);
    expect(code).toBe(0);
    expect(lines(stdout).map((m) => m.text)).toEqual([
      'app exited with code 1 (application error) and task 00000000 of example-api-v1 stopped',
      'app crashed 499 more times in the last 10 min; last exit 1',
    ]);
  });

  it('classify --preset adds the decision and its reason', async () => {
    const { code, stdout } = run(['classify', '--preset', 'alerts', await crashLoopFile()]);
    expect(code).toBe(0);
    const decisions = lines(stdout).map((l) => `${l.decision.action}:${l.decision.reason ?? ''}`);
    expect(decisions.filter((d) => d === 'suppress:duplicate')).toHaveLength(50);
    expect(decisions.filter((d) => d === 'notify:')).toHaveLength(1);
    expect(lines(stdout).every((l) => l.decision.action !== 'suppress' || l.decision.detail.length > 0)).toBe(true);
  });

  it('rejects an unknown preset with exit code 2', () => {
    const { code, stderr } = run(['render', '--preset', 'loud', TASK]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown preset "loud"; use alerts, verbose, none/);
  });
});

describe('ecs-slack send', () => {
  const runAsync = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('posts each event to the webhook, one log line each, never printing the URL', async () => {
    const server = await startScriptedServer([{ status: 200, body: 'ok' }]);
    try {
      const url = `${server.origin}/services/TSECRET/BSECRET/xsecretx`;
      const { code, stdout, stderr } = await runAsync(['send', '--webhook-url', url, TASK, DEPLOYMENT]);
      expect(code).toBe(0);
      expect(server.requests).toHaveLength(2);
      expect(lines(stdout).map((l) => l.msg)).toEqual(['sent', 'sent']);
      expect(stdout + stderr).not.toContain('SECRET');
    } finally {
      await server.close();
    }
  });

  it('reads SLACK_WEBHOOK_URL, filters with --preset, and exits 1 when Slack refuses', async () => {
    const server = await startScriptedServer([{ status: 404, body: 'no_service' }]);
    try {
      const url = `${server.origin}/services/TSECRET/BSECRET/xsecretx`;
      const { code, stdout, stderr } = await runAsync(['send', '--preset', 'alerts', TASK], { SLACK_WEBHOOK_URL: url });
      expect(code).toBe(1);
      expect(lines(stdout)[0]).toMatchObject({ msg: 'failed', detail: expect.stringContaining('no_service') });
      expect(stdout + stderr).not.toContain('SECRET');
    } finally {
      await server.close();
    }
  });

  it('exits 2 without a webhook URL', () => {
    const { code, stderr } = run(['send', TASK]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/give --webhook-url URL, --sns-topic ARN or --policy FILE, or set SLACK_WEBHOOK_URL/);
  });
});

describe('ecs-slack patterns', () => {
  const load = async () => import('../../src/patterns/index.js');

  it('prints the one pattern of the alerts preset, which EventBridge accepts', async () => {
    const { eventPattern } = await load();
    const { validatePattern } = await import('../helpers/event-pattern.js');
    const { code, stdout, stderr } = run(['patterns']);
    expect([code, stderr]).toEqual([0, '']);
    expect(JSON.parse(stdout)).toEqual(eventPattern('alerts'));
    expect(validatePattern(JSON.parse(stdout))).toEqual([]);
    expect(stdout).toContain('\n  "source": ["aws.ecs"],\n');
    expect(stdout.length).toBeLessThanOrEqual(2048);
  });

  it('--preset, --cluster and --service choose the selection; --list prints the patterns for one rule each', async () => {
    const { eventPattern, eventPatterns } = await load();
    const none = run(['patterns', '--preset', 'none', '--compact']);
    expect([none.code, none.stdout]).toEqual([0, '{"source":["aws.ecs"]}\n']);
    const scoped = run(['patterns', '--cluster', 'prod', '--cluster', 'stage-*', '--service', 'api']);
    expect(scoped.code).toBe(0);
    const options = {
      preset: 'alerts',
      clusters: { include: ['prod', 'stage-*'] },
      services: { include: ['api'] },
    } as const;
    expect(JSON.parse(scoped.stdout)).toEqual(eventPattern(options));
    const list = run(['patterns', '--list', '--preset', 'verbose']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual(eventPatterns('verbose'));
  });

  it('selects a real stopped task, and not a running one', async () => {
    const { matchesPattern } = await import('../helpers/event-pattern.js');
    const pattern = JSON.parse(run(['patterns', '--cluster', 'test']).stdout);
    expect(
      matchesPattern(
        pattern,
        JSON.parse(fixtureText('task', 'task-stopped-essential-container-exited-fargate-sidecar')),
      ),
    ).toBe(true);
    expect(matchesPattern(pattern, JSON.parse(fixtureText('task', 'task-running-fargate-service-exec-enabled')))).toBe(
      false,
    );
  });

  it('warns on stderr when the pattern is too long for one rule, and still prints it', () => {
    const clusters = Array.from({ length: 40 }, (_, i) => ['--cluster', `production-cluster-${i}`]).flat();
    const { code, stdout, stderr } = run(['patterns', ...clusters]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).source).toEqual(['aws.ecs']);
    expect(stderr).toMatch(
      /^ecs-slack patterns: warning: the pattern has \d+ characters and EventBridge accepts at most 2048; use --list/,
    );
  });

  it('exits 2 on an empty cluster or service name, and on an ARN where the name belongs', () => {
    expect(run(['patterns', '--cluster', ''])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'ecs-slack patterns: --cluster: a cluster name cannot be empty\n',
    });
    expect(run(['patterns', '--cluster', 'arn:aws:ecs:us-east-1:111122223333:cluster/prod']).stderr).toBe(
      'ecs-slack patterns: --cluster: give the cluster name ("prod"), not its ARN\n',
    );
    expect(run(['patterns', '--service', ' ']).code).toBe(2);
  });

  it('exits 2 on an unknown preset or an argument', () => {
    const preset = run(['patterns', '--preset', 'loud']);
    expect(preset.code).toBe(2);
    expect(preset.stderr).toMatch(/unknown preset "loud"; use alerts, verbose, none/);
    const file = run(['patterns', TASK]);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/patterns reads no events/);
    expect(run(['--help']).stdout).toMatch(/\n {2}patterns {13}The EventBridge event pattern/);
  });
});
