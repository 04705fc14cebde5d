/**
 * Checks the examples' Terraform without Terraform (which cannot be installed here) and without
 * the network, with HashiCorp's own HCL libraries compiled to WebAssembly:
 *
 * - every file parses (hcl2json: the HCL 2 parser Terraform uses);
 * - every file is formatted as `terraform fmt` would (hcl-tools: hclwrite's `Format`);
 * - every reference (`aws_sqs_queue.events.arn`, `var.name`, `local.x`, `data.y.z`) names
 *   something the module declares, and every variable and local is used;
 * - the facts the docs promise: the rule matches `aws.ecs` and the four detail-types ecs-slack
 *   reads, the function runs on arm64, the DynamoDB actions are exactly the store's five, and the
 *   SQS event source reports batch item failures.
 *
 * What it cannot check: argument names against the AWS provider's schema (check-terraform-schema.ts
 * does, run by hand: the bindings it reads are 392 MB), and anything AWS decides at apply time.
 * Run by `npm run check:infra`, after `npm run build`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from '@cdktf/hcl-tools';
import { getReferencesInExpression, parse } from '@cdktf/hcl2json';
import { eventPattern } from '../../dist/patterns.js';
import { DETAIL_TYPES } from '../../dist/schemas.js';

type Json = Record<string, any>;

const EXAMPLES = fileURLToPath(new URL('..', import.meta.url));
const MODULES = ['lambda-webhook/terraform', 'lambda-sqs-threads/terraform'];
const STORE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
];
/** Reference roots that need no declaration. */
const BUILT_IN = new Set(['path', 'terraform', 'each', 'count', 'self']);

const problems: string[] = [];

/** Merges the parsed files of a module: blocks of one type from several files side by side. */
function merge(into: Json, from: Json): void {
  for (const [key, value] of Object.entries(from)) {
    if (Array.isArray(value)) into[key] = [...((into[key] as unknown[]) ?? []), ...value];
    else if (typeof value === 'object' && value !== null) merge((into[key] ??= {}), value as Json);
    else into[key] = value;
  }
}

/** Every string in a parsed module that holds an interpolation, with where it is. */
function expressions(value: unknown, where: string, out: Array<[string, string]>): Array<[string, string]> {
  if (typeof value === 'string' && value.includes('${')) out.push([where, value]);
  else if (Array.isArray(value)) value.forEach((item, i) => expressions(item, `${where}[${i}]`, out));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) expressions(v, `${where}.${k}`, out);
  return out;
}

async function checkModule(dir: string): Promise<Json> {
  const module: Json = {};
  for (const file of readdirSync(join(EXAMPLES, dir))
    .filter((f) => f.endsWith('.tf'))
    .sort()) {
    const name = `${dir}/${file}`;
    const text = readFileSync(join(EXAMPLES, dir, file), 'utf8');
    try {
      merge(module, await parse(name, text));
    } catch (error) {
      problems.push(`${name}: does not parse: ${String(error)}`);
      continue;
    }
    if ((await format(text)) !== text) problems.push(`${name}: not formatted as terraform fmt would`);
  }

  const variables = new Set(Object.keys(module.variable ?? {}));
  const locals = new Set((module.locals as Json[] | undefined)?.flatMap((block) => Object.keys(block)) ?? []);
  const used = new Set<string>();
  for (const [where, expression] of expressions(module, dir, [])) {
    if (/\.variable\.\w+\[0\]\.type$/.test(where)) continue; // a type constraint, not a reference
    for (const { value } of await getReferencesInExpression(where, expression)) {
      const [root = '', second = '', third = ''] = value.split('.');
      used.add(`${root}.${second}`);
      const known =
        BUILT_IN.has(root) ||
        (root === 'var' && variables.has(second)) ||
        (root === 'local' && locals.has(second)) ||
        (root === 'data' && module.data?.[second]?.[third.replace(/\[.*$/, '')] !== undefined) ||
        (root === 'module' && module.module?.[second] !== undefined) ||
        module.resource?.[root]?.[second.replace(/\[.*$/, '')] !== undefined;
      if (!known) problems.push(`${where}: ${value} refers to nothing declared in the module`);
    }
  }
  for (const name of variables) if (!used.has(`var.${name}`)) problems.push(`${dir}: variable ${name} is never used`);
  for (const name of locals) if (!used.has(`local.${name}`)) problems.push(`${dir}: local ${name} is never used`);
  return module;
}

function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    problems.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

const modules = new Map<string, Json>();
for (const dir of MODULES) {
  const module = await checkModule(dir);
  modules.set(dir, module);
  const locals = Object.assign({}, ...((module.locals as Json[] | undefined) ?? [])) as Json;
  expectEqual(locals.detail_types, Object.values(DETAIL_TYPES), `${dir}: local.detail_types`);
  const rule = module.resource?.aws_cloudwatch_event_rule?.ecs?.[0] as Json | undefined;
  expectEqual(
    /source\s*=\s*\["aws.ecs"\]/.test(String(rule?.event_pattern)),
    true,
    `${dir}: the rule matches source aws.ecs`,
  );
  expectEqual(
    /"detail-type"\s*=\s*local.detail_types/.test(String(rule?.event_pattern)),
    true,
    `${dir}: the rule matches the detail-types`,
  );
  const fn = module.resource?.aws_lambda_function?.handler?.[0] as Json | undefined;
  expectEqual(fn?.architectures, ['arm64'], `${dir}: architectures`);
  expectEqual(module.variable?.runtime?.[0]?.default, 'nodejs22.x', `${dir}: default runtime`);
  // Enrichment: off by default, exactly the four read actions, scoped to clusters and log groups.
  expectEqual(module.variable?.enrich?.[0]?.default, false, `${dir}: enrich off by default`);
  const enrich = module.data?.aws_iam_policy_document?.enrich?.[0]?.statement as Json[] | undefined;
  expectEqual(
    enrich?.map((s) => [s.sid, s.actions]),
    [
      ['ReadTaskDefinitions', ['ecs:DescribeTaskDefinition']],
      ['FindStoppedTasks', ['ecs:ListTasks', 'ecs:DescribeTasks']],
      ['ReadContainerLogs', ['logs:GetLogEvents']],
    ],
    `${dir}: enrichment IAM actions`,
  );
  expectEqual(
    /:log-group:%s:log-stream:\*", var\.enrich_log_groups\)/.test(String(enrich?.[2]?.resources)),
    true,
    `${dir}: logs:GetLogEvents only on the streams of enrich_log_groups`,
  );
  expectEqual(enrich?.[1]?.condition?.[0]?.variable, 'ecs:cluster', `${dir}: stopped tasks only of the clusters`);
  expectEqual(
    /^\$\{var\.enrich \? 1 : 0\}$/.test(String(module.resource?.aws_iam_role_policy?.enrich?.[0]?.count)),
    true,
    `${dir}: the enrichment policy only with enrich`,
  );
}

const threads = modules.get('lambda-sqs-threads/terraform')!;
const statements = threads.data.aws_iam_policy_document.function[0].statement as Json[];
expectEqual(
  statements.find((s) => s.sid === 'StateStore')?.actions,
  STORE_ACTIONS,
  'lambda-sqs-threads: DynamoDB actions',
);
expectEqual(
  threads.resource.aws_lambda_event_source_mapping.events[0].function_response_types,
  ['ReportBatchItemFailures'],
  'lambda-sqs-threads: function_response_types',
);

// The module (terraform/ecs-slack) and the root example that calls it (examples/terraform).
const MODULE = '../terraform/ecs-slack';
const ROOT_EXAMPLE = 'terraform';
const mod = await checkModule(MODULE);
const root = await checkModule(ROOT_EXAMPLE);
// The rule takes the library's pattern, never a hand-written list of detail-types.
expectEqual(
  mod.resource.aws_cloudwatch_event_rule.ecs[0].event_pattern,
  `\${var.event_pattern}`,
  'module: the rule pattern',
);
expectEqual(
  mod.resource.aws_cloudwatch_event_target.queue[0].arn,
  `\${aws_sqs_queue.events.arn}`,
  'module: the rule target',
);
const redrive = String(mod.resource.aws_sqs_queue.events[0].redrive_policy);
expectEqual(
  /deadLetterTargetArn\s*=\s*aws_sqs_queue\.failed_events\.arn/.test(redrive) &&
    /maxReceiveCount\s*=\s*5\b/.test(redrive),
  true,
  'module: the queue redrives to the dead-letter queue after five receives',
);
expectEqual(
  mod.resource.aws_dynamodb_table.state[0].ttl,
  [{ attribute_name: 'ttl', enabled: true }],
  'module: table TTL',
);
expectEqual(
  mod.resource.aws_lambda_event_source_mapping.events[0].function_response_types,
  ['ReportBatchItemFailures'],
  'module: function_response_types',
);
const fn = mod.resource.aws_lambda_function.handler[0] as Json;
expectEqual(fn.architectures, ['arm64'], 'module: architectures');
expectEqual(mod.variable.runtime[0].default, 'nodejs22.x', 'module: default runtime');
for (const name of [
  'SLACK_WEBHOOK_SECRET_ID',
  'ECS_SLACK_PRESET',
  'ECS_SLACK_TABLE',
  'ECS_SLACK_ENRICH',
  'ECS_SLACK_POLICY',
])
  if (!String(fn.environment[0].variables).includes(name))
    problems.push(`module: the function's environment lacks ${name}`);
const granted = mod.data.aws_iam_policy_document.function[0] as Json;
expectEqual(
  (granted.statement as Json[]).find((st) => st.sid === 'StateStore')?.actions,
  STORE_ACTIONS,
  'module: DynamoDB actions',
);
// The root example's pattern is what `ecs-slack patterns` prints for the preset and clusters it gives the module.
const call = root.module.ecs_slack[0] as Json;
expectEqual(call.source, `../../${MODULE.slice(3)}`, 'examples/terraform: the module source');
const pattern = JSON.parse(readFileSync(join(EXAMPLES, ROOT_EXAMPLE, 'pattern.json'), 'utf8')) as unknown;
expectEqual(
  pattern,
  eventPattern({ preset: call.preset, clusters: { include: call.clusters } }),
  'examples/terraform/pattern.json: the pattern of the preset and clusters',
);

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(
  `Terraform: ${[...MODULES, MODULE, ROOT_EXAMPLE].join(', ')} parse, are formatted, and every reference resolves; the module's rule uses the library's pattern`,
);
