#!/usr/bin/env node
// Packs the package, installs the tarball into a scratch project, and uses it the way a user
// would: `import` (ESM), `require` (CommonJS), the `ecs-slack/amazon-q` and `ecs-slack/aws`
// subpaths without their optional peers, type-checks the entries' declarations without them, `ecs-slack/policy`, `ecs-slack/slack-actions` without Bolt, the `ecs-slack/dynamodb` subpath once its optional peer is
// installed, and the `ecs-slack` binary. Exits non-zero on any failure. Usage: node scripts/smoke.mjs [node-binary ...]  (extra Node binaries re-run the imports)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const nodes = [process.execPath, ...process.argv.slice(2)];
const scratch = mkdtempSync(join(tmpdir(), 'ecs-slack-smoke-'));
const run = (command, args, options = {}) =>
  execFileSync(command, args, { cwd: scratch, encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'], ...options });

/**
 * Writes `body` as an ES module and as a CommonJS script, each binding the modules of `imports`
 * (name to specifier) and `kind`, and runs both on every Node binary (with `options` for `run`).
 */
function runBothKinds(name, imports, body, options = {}) {
  const entries = Object.entries(imports);
  const esm = entries.map(([as, spec]) => `import * as ${as} from '${spec}';`).join('\n');
  const cjs = entries.map(([as, spec]) => `const ${as} = require('${spec}');`).join('\n');
  writeFileSync(join(scratch, `${name}.mjs`), `${esm}\nconst kind = 'esm';\n${body}\n`);
  writeFileSync(join(scratch, `${name}.cjs`), `${cjs}\nconst kind = 'cjs';\n${body}\n`);
  for (const node of nodes) {
    process.stdout.write(run(node, [`${name}.mjs`], options));
    process.stdout.write(run(node, [`${name}.cjs`], options));
  }
}

try {
  // The package as the last `npm run build` left it (`--ignore-scripts`: no second build through
  // `prepack`); `npm test` builds the JavaScript alone, so say so rather than pack half a package.
  if (!existsSync(join(root, 'dist/index.d.ts')))
    throw new Error('dist/ has no declarations: run `npm run build` first');
  const [{ filename }] = JSON.parse(
    run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { cwd: root }),
  );
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
    console.log(process.version, kind, 'ok:', Object.keys(lib).length, 'exports');
    const posts = [];
    const handler = lambda.createHandler({ sender: { post: async (message) => (posts.push(message), {}) }, logger: () => {} });
    handler(JSON.parse(require_fs.readFileSync('event.json', 'utf8'))).then(() => {
      if (posts.length !== 1 || !posts[0].text) throw new Error('the Lambda handler sent ' + posts.length + ' messages');
      console.log(process.version, kind, 'ecs-slack/lambda ok: sent', JSON.stringify(posts[0].text));
    });`;
  runBothKinds('root', { lib: 'ecs-slack', lambda: 'ecs-slack/lambda', require_fs: 'node:fs' }, check);

  // The pure subpaths load in both module systems and hold what they promise.
  const subpaths = {
    schemas: 'TaskStateChangeSchema',
    state: 'MemoryStateStore',
    filter: 'FILTER_PRESETS',
    patterns: 'eventPattern',
    slack: 'escapeText',
  };
  const subpathCheck = Object.entries(subpaths)
    .map(
      ([path, name]) => `if (!m[${JSON.stringify(path)}].${name}) throw new Error('ecs-slack/${path} lacks ${name}');`,
    )
    .join('\n');
  const paths = Object.keys(subpaths);
  writeFileSync(
    join(scratch, 'subpaths.mjs'),
    `const m = {};\n${paths.map((p) => `m[${JSON.stringify(p)}] = await import('ecs-slack/${p}');`).join('\n')}\n${subpathCheck}\nconsole.log(process.version, 'esm', 'subpaths ok:', ${JSON.stringify(paths.join(', '))});\n`,
  );
  writeFileSync(
    join(scratch, 'subpaths.cjs'),
    `const m = {};\n${paths.map((p) => `m[${JSON.stringify(p)}] = require('ecs-slack/${p}');`).join('\n')}\n${subpathCheck}\nconsole.log(process.version, 'cjs', 'subpaths ok:', ${JSON.stringify(paths.join(', '))});\n`,
  );
  for (const node of nodes) {
    process.stdout.write(run(node, ['subpaths.mjs']));
    process.stdout.write(run(node, ['subpaths.cjs']));
  }

  // The optional peers are not installed with the package, and the root entry works without them.
  for (const peer of ['client-dynamodb', 'util-dynamodb', 'client-sns', 'client-ecs', 'client-cloudwatch-logs']) {
    if (existsSync(join(scratch, 'node_modules', '@aws-sdk', peer))) {
      throw new Error(`@aws-sdk/${peer} was installed although it is an optional peer`);
    }
  }
  // The declarations type-check without the optional peers too, with the strict settings of
  // TypeScript 6 and later (side-effect imports checked, no skipLibCheck), in ESM and in CommonJS.
  // Left out: the entries whose purpose is a peer (dynamodb, cdk) and slack-actions (Bolt's types).
  const typed = [
    '',
    'schemas',
    'state',
    'filter',
    'patterns',
    'slack',
    'aws',
    'amazon-q',
    'policy',
    'lambda',
    'function',
  ];
  const typeImports = typed
    .map((p, i) => `import * as entry${i} from 'ecs-slack${p && `/${p}`}';\nexport type Entry${i} = typeof entry${i};`)
    .join('\n');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const strict = ['--noEmit', '--strict', '--skipLibCheck', 'false', '--module', 'nodenext'];
  strict.push('--moduleResolution', 'nodenext', '--noUncheckedSideEffectImports', 'true');
  for (const file of ['types-esm.mts', 'types-cjs.cts']) {
    writeFileSync(join(scratch, file), `${typeImports}\n`);
    try {
      run(process.execPath, [tsc, ...strict, file], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(`${file} does not type-check without the optional peers:\n${error.stdout}`);
    }
    process.stdout.write(`types ok without the optional peers (${file}): ${typed.length} entries\n`);
  }
  // ecs-slack/amazon-q renders without its SDK, and its sender says the SDK is missing.
  const amazonQCheck = `
    const event = lib.parseEcsEvent(JSON.parse(require_fs.readFileSync('event.json', 'utf8')));
    const notification = amazonQ.renderAmazonQ(event);
    if (notification.source !== 'custom' || !notification.content.title) throw new Error('no notification');
    const sender = amazonQ.createAmazonQSender({ topicArn: 'arn:aws:sns:eu-west-1:111122223333:alerts' });
    sender.post(notification).then(
      () => { throw new Error('expected a DeliveryError without @aws-sdk/client-sns'); },
      (error) => {
        if (!lib.isDeliveryError(error) || error.retryable) throw error;
        console.log(process.version, kind, 'ecs-slack/amazon-q ok:', JSON.stringify(notification.content.title));
      },
    );`;
  runBothKinds('amazon-q', { lib: 'ecs-slack', amazonQ: 'ecs-slack/amazon-q', require_fs: 'node:fs' }, amazonQCheck);
  // ecs-slack/aws loads without its optional peers; enriching says they are missing, and the
  // Lambda handler with enrich: true still sends the alert, with that note.
  const awsCheck = `
    const event = lib.parseEcsEvent(JSON.parse(require_fs.readFileSync('event.json', 'utf8')));
    const note = 'evidence unavailable: @aws-sdk/client-ecs is not installed';
    aws.createEnricher()(event, lib.classify(event)).then(async (evidence) => {
      if (evidence.notes[0] !== note) throw new Error('unexpected notes ' + JSON.stringify(evidence.notes));
      const posts = [];
      const sender = { post: async (message) => (posts.push(message), {}) };
      await lambda.createHandler({ sender, enrich: true, logger: () => {} })(event);
      if (!JSON.stringify(posts).includes(note)) throw new Error('the enriched alert lacks the note');
      console.log(process.version, kind, 'ecs-slack/aws ok without its peers:', JSON.stringify(note));
    });`;
  runBothKinds(
    'aws',
    { lib: 'ecs-slack', aws: 'ecs-slack/aws', lambda: 'ecs-slack/lambda', require_fs: 'node:fs' },
    awsCheck,
  );
  // ecs-slack/policy validates a policy and routes an event with zod alone.
  const policyCheck = `
    const p = policy.parsePolicy(JSON.stringify({
      destinations: { ops: { type: 'webhook', url: { env: 'OPS_WEBHOOK_URL' } } },
      routes: [{ name: 'errors', match: { severity: 'error' }, to: 'ops' }],
      default: { to: 'ops' },
    }));
    const event = lib.parseEcsEvent(JSON.parse(require_fs.readFileSync('event.json', 'utf8')));
    const [choice] = policy.routeFor(p, policy.applyPolicySeverity(p, event, lib.classify(event)));
    if (choice.route !== 'errors') throw new Error('routed by ' + choice.route);
    const bad = policy.safeParsePolicy({ destinations: {}, default: { to: 'x' } });
    if (bad.success || !lib.isConfigError(bad.error)) throw new Error('expected a ConfigError');
    console.log(process.version, kind, 'ecs-slack/policy ok:', choice.destination, 'by', choice.route);`;
  runBothKinds('policy', { lib: 'ecs-slack', policy: 'ecs-slack/policy', require_fs: 'node:fs' }, policyCheck);
  // ecs-slack/slack-actions loads without @slack/bolt (an optional peer: only its types are imported)
  // and registers its listener on anything shaped like a Bolt app.
  if (existsSync(join(scratch, 'node_modules', '@slack', 'bolt'))) {
    throw new Error('@slack/bolt was installed although it is an optional peer');
  }
  const actionsCheck = `
    const listeners = [];
    const app = { action: (constraints, listener) => listeners.push({ constraints, listener }) };
    actions.registerEcsSlackActions(app, { store: new state.MemoryStateStore(), allow: ['U0123ABCD'], signingSecret: 's' });
    if (listeners.length !== 1 || !listeners[0].constraints.action_id.test('ecs-slack-mute-1h')) throw new Error('no listener');
    console.log(process.version, kind, 'ecs-slack/slack-actions ok without @slack/bolt');`;
  runBothKinds('actions', { actions: 'ecs-slack/slack-actions', state: 'ecs-slack/state' }, actionsCheck);
  const peers = ['client-dynamodb', 'util-dynamodb'].map(
    (peer) => `@aws-sdk/${peer}@${pkg.devDependencies[`@aws-sdk/${peer}`]}`,
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...peers]);
  const dynamodbCheck = `
    const store = new dynamodb.DynamoDbStateStore({
      client: new sdk.DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
      tableName: 'ecs-slack-state',
    });
    if (store.tableName !== 'ecs-slack-state') throw new Error('unexpected tableName');
    // Refused before any request is sent, with the error class the root entry exports.
    store.put({ scope: 's', id: 'a' }, { n: Number.NaN }, undefined, { now: 0, ttlSeconds: 1 }).then(
      () => { throw new Error('expected a StateStoreError'); },
      (error) => {
        if (!lib.isStateStoreError(error) || !(error instanceof lib.StateStoreError)) throw error;
        console.log(process.version, kind, 'ecs-slack/dynamodb ok:', Object.keys(dynamodb).join(', '));
      },
    );`;
  const quiet = { env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } };
  runBothKinds(
    'dynamodb',
    { lib: 'ecs-slack', dynamodb: 'ecs-slack/dynamodb', sdk: '@aws-sdk/client-dynamodb' },
    dynamodbCheck,
    quiet,
  );
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
