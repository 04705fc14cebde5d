/**
 * Optional, not run in CI: checks every argument and block of the examples' Terraform against the
 * AWS provider's schema, as captured by the prebuilt CDK for Terraform bindings (hashicorp/aws
 * 6.25.0 in @cdktf/provider-aws 21.22.1; 392 MB, hence not in CI). Each generated config interface
 * documents its Terraform argument names in links (`.../lambda_function#dead_letter_config`).
 *
 *   npm install --prefix /tmp/tf-bindings --no-save @cdktf/provider-aws@21.22.1 @cdktf/provider-archive@11
 *   node --import tsx examples/infra-check/check-terraform-schema.ts /tmp/tf-bindings/node_modules/@cdktf
 *
 * Reports unknown arguments and missing required ones, nested blocks included.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@cdktf/hcl2json';

type Json = Record<string, unknown>;
interface Argument {
  readonly type: string;
  readonly required: boolean;
}
type Interfaces = Record<string, Map<string, Argument>>;

const bindings = process.argv[2];
if (bindings === undefined) throw new Error('give the folder holding provider-aws and provider-archive');
const EXAMPLES = fileURLToPath(new URL('..', import.meta.url));
const MODULES = ['lambda-webhook/terraform', 'lambda-sqs-threads/terraform'];
const META = new Set(['depends_on', 'for_each', 'count', 'provider', 'lifecycle']);

/** The exported interfaces of a generated index.d.ts, each argument with its type and whether it is required. */
function interfacesOf(file: string): Interfaces {
  const out: Interfaces = {};
  for (const m of readFileSync(file, 'utf8').matchAll(/^export interface (\w+)[^{]*\{([\s\S]*?)^\}/gm)) {
    const args = new Map<string, Argument>();
    for (const p of (m[2] ?? '').matchAll(/#(\w+) [\w#]+\}\s*\*\/\s*readonly \w+(\??): ([^;]+);/g)) {
      args.set(p[1] ?? '', {
        type: (p[3] ?? '').replace(/\[\]|cdktf\.IResolvable \| |\| cdktf\.IResolvable/g, '').trim(),
        required: p[2] === '',
      });
    }
    out[m[1] ?? ''] = args;
  }
  return out;
}

/** The bindings of a resource or data source type, and the name of its top-level config interface. */
function bindingOf(kind: string, type: string): { all: Interfaces; config: string } | undefined {
  const aws = type.startsWith('aws_');
  const name = (aws ? type.slice(4) : type.replace(/^archive_/, '')).replaceAll('_', '-');
  const dir = kind === 'data' ? `data-${aws ? 'aws' : 'archive'}-${name}` : name;
  const file = join(bindings!, aws ? 'provider-aws' : 'provider-archive', 'lib', dir, 'index.d.ts');
  if (!existsSync(file)) return undefined;
  const all = interfacesOf(file);
  const config = Object.keys(all).find((n) => n.endsWith('Config'));
  return config === undefined ? undefined : { all, config };
}

const problems: string[] = [];

function check(where: string, body: Json, args: Map<string, Argument>, all: Interfaces): void {
  for (const [key, value] of Object.entries(body)) {
    if (META.has(key)) continue;
    const arg = args.get(key);
    if (arg === undefined) {
      problems.push(`${where}: unknown argument ${key}`);
      continue;
    }
    const nested = all[arg.type];
    if (nested !== undefined && Array.isArray(value))
      value.forEach((v, i) => check(`${where}.${key}[${i}]`, v as Json, nested, all));
  }
  for (const [key, arg] of args) if (arg.required && !(key in body)) problems.push(`${where}: missing required ${key}`);
}

for (const dir of MODULES) {
  let checked = 0;
  for (const file of readdirSync(join(EXAMPLES, dir)).filter((f) => f.endsWith('.tf'))) {
    const json = (await parse(file, readFileSync(join(EXAMPLES, dir, file), 'utf8'))) as Record<
      string,
      Record<string, Record<string, Json[]>>
    >;
    for (const kind of ['resource', 'data']) {
      for (const [type, named] of Object.entries(json[kind] ?? {})) {
        for (const [name, [body]] of Object.entries(named)) {
          const binding = bindingOf(kind, type);
          if (binding === undefined) problems.push(`${dir}: ${kind} ${type}: no binding`);
          else check(`${dir}: ${kind}.${type}.${name}`, body ?? {}, binding.all[binding.config]!, binding.all);
          checked++;
        }
      }
    }
  }
  console.log(`${dir}: ${checked} resources and data sources checked`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('every argument and block is in the provider schema, and every required one is given');
