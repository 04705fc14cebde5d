#!/usr/bin/env node
// Packs the package, installs the tarball into a scratch project, and uses it the way a user
// would: `import` (ESM), `require` (CommonJS), and the `ecs-slack` binary. Exits non-zero on any
// failure. Usage: node scripts/smoke.mjs [node-binary ...]  (extra Node binaries re-run the imports)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const nodes = [process.execPath, ...process.argv.slice(2)];
const scratch = mkdtempSync(join(tmpdir(), 'ecs-slack-smoke-'));
const run = (command, args, options = {}) =>
  execFileSync(command, args, { cwd: scratch, encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'], ...options });

try {
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: root }));
  const tarball = join(scratch, filename);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, `zod@${pkg.devDependencies.zod}`]);

  const event = readFileSync(
    join(root, 'test/fixtures/events/task/task-stopped-essential-container-exited-fargate-sidecar.json'),
    'utf8',
  );
  writeFileSync(join(scratch, 'event.json'), event);
  const check = `
    const event = lib.parseEcsEvent(JSON.parse(require_fs.readFileSync('event.json', 'utf8')));
    if (event.kind !== 'task') throw new Error('expected a task event, got ' + event.kind);
    const bad = lib.safeParseEcsEvent({ source: 'aws.ec2' });
    if (bad.success || !lib.isParseError(bad.error)) throw new Error('expected a ParseError');
    console.log(process.version, kind, 'ok:', Object.keys(lib).length, 'exports');`;
  writeFileSync(
    join(scratch, 'esm.mjs'),
    `import * as lib from 'ecs-slack';\nimport require_fs from 'node:fs';\nconst kind = 'esm';\n${check}\n`,
  );
  writeFileSync(
    join(scratch, 'cjs.cjs'),
    `const lib = require('ecs-slack');\nconst require_fs = require('node:fs');\nconst kind = 'cjs';\n${check}\n`,
  );
  for (const node of nodes) {
    process.stdout.write(run(node, ['esm.mjs']));
    process.stdout.write(run(node, ['cjs.cjs']));
  }
  const bin = join(scratch, 'node_modules', '.bin', 'ecs-slack');
  const line = JSON.parse(run(bin, ['classify', 'event.json']).trim());
  if (line.kind !== 'task') throw new Error(`binary printed ${JSON.stringify(line)}`);
  process.stdout.write(`binary ok: ${line.kind} ${line.identity.service}\n`);
  const demo = run(bin, ['demo']);
  if (!demo.includes('sample ECS events')) throw new Error('demo printed nothing');
  process.stdout.write('demo ok\n');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
