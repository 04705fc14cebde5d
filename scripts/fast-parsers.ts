/**
 * Writes `src/events/fast-parsers.ts`: straight-line parsers generated from the zod schemas of
 * the four event kinds, which decide in `parseEcsEvent` (see that file for why), and the schemas
 * as data (`SHAPES`), which `explain.ts` walks to word a failure like zod. The
 * schemas stay the one source of truth: run `npm run parsers:generate` after changing one;
 * `test/events/fast-parsers.test.ts` fails while the file is out of date, and checks that the
 * parsers accept, reject and return exactly what zod does, and `SHAPES` gives zod's issues.
 *
 * One difference from zod, on purpose: every string comes out well-formed (a lone UTF-16
 * surrogate becomes U+FFFD), known fields and unknown ones alike; the test compares with zod's
 * result made well-formed the same way.
 *
 * Only the zod features the event schemas use are supported (loose and stripping objects,
 * optional fields, arrays, strings, finite numbers, booleans, literals, unknown); anything else
 * stops the generation with an error rather than produce a parser that differs from zod.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { $ZodType } from 'zod/v4/core';
import { AttachmentSchema, NameValuePairSchema, unknownEcsEventSchema } from '../src/events/common.js';
import { ContainerInstanceStateChangeSchema } from '../src/events/container-instance-state-change.js';
import { DeploymentStateChangeSchema } from '../src/events/deployment-state-change.js';
import { ServiceActionSchema } from '../src/events/service-action.js';
import { TaskStateChangeSchema } from '../src/events/task-state-change.js';

/** Where the generated parsers go. */
export const FAST_PARSERS_FILE: string = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src/events/fast-parsers.ts',
);

/** The parsers to export, named after their schema, with the type each returns. */
const ENTRY_POINTS: ReadonlyArray<readonly [name: string, schema: unknown, type: string, from: string]> = [
  ['taskStateChange', TaskStateChangeSchema, 'TaskStateChange', './task-state-change.js'],
  ['serviceAction', ServiceActionSchema, 'ServiceAction', './service-action.js'],
  ['deploymentStateChange', DeploymentStateChangeSchema, 'DeploymentStateChange', './deployment-state-change.js'],
  [
    'containerInstanceStateChange',
    ContainerInstanceStateChangeSchema,
    'ContainerInstanceStateChange',
    './container-instance-state-change.js',
  ],
];

/** Shared schemas get a function of their own, named after them. */
const SHARED: ReadonlyArray<readonly [name: string, schema: unknown]> = [
  ['nameValuePair', NameValuePairSchema],
  ['attachment', AttachmentSchema],
];

interface Def {
  readonly type: string;
  readonly checks?: readonly unknown[];
  readonly shape?: Readonly<Record<string, $ZodType>>;
  readonly catchall?: $ZodType;
  readonly innerType?: $ZodType;
  readonly element?: $ZodType;
  readonly values?: readonly unknown[];
  readonly keyType?: $ZodType;
  readonly valueType?: $ZodType;
}

const defOf = (schema: unknown): Def => (schema as $ZodType)._zod.def as unknown as Def;

/** The source of `src/events/fast-parsers.ts`. */
export function generateFastParsers(): string {
  const names = new Map<unknown, string>(SHARED.map(([name, schema]) => [schema, name]));
  for (const [name, schema] of ENTRY_POINTS) names.set(schema, name);
  const pending: unknown[] = ENTRY_POINTS.map(([, schema]) => schema);
  const functions: string[] = [];
  const done = new Set<unknown>();
  const exported = new Map<unknown, readonly [string, string]>(
    ENTRY_POINTS.map(([name, schema, type]) => [schema, [name, type]]),
  );

  /** The function parsing an object schema, queued for generation on first sight. */
  const functionFor = (schema: unknown, suggested: string): string => {
    let name = names.get(schema);
    if (name === undefined) {
      name = suggested;
      for (let n = 2; [...names.values()].includes(name); n++) name = `${suggested}${n}`;
      names.set(schema, name);
    }
    if (!done.has(schema) && !pending.includes(schema)) pending.push(schema);
    return name;
  };

  while (pending.length > 0) {
    const schema = pending.shift();
    if (done.has(schema)) continue;
    done.add(schema);
    const name = names.get(schema) as string;
    const entry = exported.get(schema);
    const signature =
      entry === undefined
        ? `function ${name}(input: unknown): Out | Invalid`
        : `export function ${name}(input: unknown): ${entry[1]} | Invalid`;
    const body = objectBody(schema, name, functionFor);
    if (entry !== undefined) body[body.length - 1] = `  return out as unknown as ${entry[1]};`;
    const doc =
      entry === undefined
        ? `/** Parses like the zod schema of \`${name}\`. */`
        : `/** Parses like \`${entry[1]}Schema\`: the same value, or {@link INVALID} where it fails. */`;
    functions.push([doc, `${signature} {`, ...body, '}', ''].join('\n'));
  }

  const imports = [
    `import { INVALID, copyUnknown, isObject, wellFormed, type Invalid, type Out } from './fast-parse-runtime.js';`,
    `import type { Shape } from './explain.js';`,
    ...ENTRY_POINTS.map(([, , type, from]) => `import type { ${type} } from '${from}';`),
  ].sort();
  return [
    HEADER,
    ...imports,
    '',
    `export { INVALID, type Invalid } from './fast-parse-runtime.js';`,
    '',
    ...functions,
    ...shapes(),
  ].join('\n');
}

/**
 * The schemas as data for `explain.ts` (which words the errors and reads unknown detail-types):
 * the shared ones as constants, then `SHAPES` by kind.
 */
function shapes(): string[] {
  const shared = new Map<unknown, string>(SHARED.map(([name, schema]) => [schema, `${name}Shape`]));
  const lines = SHARED.map(
    ([name, schema]) =>
      `/** \`${name}\` as data. */\nconst ${name}Shape: Shape = ${shapeOf(schema, name, shared, true)};\n`,
  );
  const kinds: Array<readonly [string, unknown]> = [
    ...ENTRY_POINTS.map(([name, schema]) => [name, schema] as const),
    ['unknownEcsEvent', unknownEcsEventSchema()],
  ];
  lines.push(
    '/** Each schema as data, for `explain.ts`: it words why an event failed, and reads unknown detail-types. */',
    'export const SHAPES: Readonly<Record<string, Shape>> = {',
    ...kinds.map(([name, schema]) => `  ${name}: ${shapeOf(schema, name, shared)},`),
    '};',
    '',
  );
  return lines;
}

/** The `Shape` literal of a schema (see `explain.ts`). */
function shapeOf(schema: unknown, path: string, shared: ReadonlyMap<unknown, string>, top = false): string {
  if (!top && shared.has(schema)) return shared.get(schema)!;
  const def = defOf(schema);
  noChecks(def, path);
  switch (def.type) {
    case 'string':
      return "'s'";
    case 'number':
      return "'n'";
    case 'boolean':
      return "'b'";
    case 'unknown':
      return "'u'";
    case 'literal':
      return `['l', ${(def.values ?? []).map((v) => (typeof v === 'string' ? quote(v) : String(v))).join(', ')}]`;
    case 'array':
      return `['a', ${shapeOf(def.element, `${path}Item`, shared)}]`;
    case 'record':
      if (defOf(def.keyType).type !== 'string' || defOf(def.valueType).type !== 'unknown')
        throw new Error(`${path}: only records of string keys and unknown values are supported`);
      return "'r'";
    case 'object': {
      const loose = def.catchall !== undefined ? 1 : 0;
      const fields = Object.entries(def.shape ?? {}).map(([key, field]) => {
        const fieldDef = defOf(field);
        return fieldDef.type === 'optional'
          ? `[${quote(key)}, ${shapeOf(fieldDef.innerType, `${path}${capital(key)}`, shared)}, 1]`
          : `[${quote(key)}, ${shapeOf(field, `${path}${capital(key)}`, shared)}]`;
      });
      return `['o', ${loose}, [${fields.join(', ')}]]`;
    }
    default:
      throw new Error(`${path}: zod type ${def.type} is not supported by the shapes`);
  }
}

const HEADER = `/**
 * Fast-path parsers of the four event kinds, generated by \`scripts/fast-parsers.ts\` from the zod
 * schemas in this folder (\`npm run parsers:generate\`). Do not edit: change the schema and
 * generate again; \`test/events/fast-parsers.test.ts\` fails while this file is out of date.
 *
 * Each parser returns exactly what the schema's \`safeParse\` returns as \`data\` (unknown fields
 * kept, known ones first, in schema order), with every string well-formed (lone surrogates
 * replaced by U+FFFD), or {@link INVALID} where zod would fail, in which case \`parseEcsEvent\`
 * words the error from \`SHAPES\` (the schemas as data, at the end) with \`explain.ts\`.
 * Straight-line code that calls no zod: on the benchmark's task event 1.3 µs where zod's
 * runtime parser takes 15 µs and \`z.compile\` 2 µs,
 * with nothing to build or compile at start (\`z.compile\` takes 14 ms to warm up) and no
 * \`new Function\`, so it also runs where code generation is forbidden. The repetition below is
 * the point: one straight line per kind is what V8 runs fastest.
 *
 * @internal
 * @module
 */`;

/** The statements of an object parser's body (input in `input`, result in `out`). */
function objectBody(
  schema: unknown,
  name: string,
  functionFor: (schema: unknown, suggested: string) => string,
): string[] {
  const def = defOf(schema);
  if (def.type !== 'object' || def.shape === undefined)
    throw new Error(`${name}: expected an object schema, got ${def.type}`);
  noChecks(def, name);
  const loose = def.catchall !== undefined;
  if (loose && defOf(def.catchall).type !== 'unknown')
    throw new Error(`${name}: only loose (unknown) catch-alls are supported`);
  const lines = ['  if (!isObject(input)) return INVALID;', '  const out: Out = {};'];
  if (loose) lines.push('  let known = 0;');
  let counter = 0;
  const local = () => `v${counter++}`;
  // Counting known fields only pays for loose objects (see copyUnknown).
  const count = loose ? ' known++;' : '';
  for (const [key, field] of Object.entries(def.shape)) {
    // copyUnknown's count assumes no known field can be inherited from Object.prototype.
    if (key in Object.prototype)
      throw new Error(`${name}.${key}: a field named like an Object.prototype property is not supported`);
    const read = property('input', key);
    const write = property('out', key);
    const value = local();
    lines.push(`  const ${value} = ${read};`);
    const fieldDef = defOf(field);
    if (fieldDef.type === 'optional') {
      noChecks(fieldDef, `${name}.${key}`);
      lines.push(`  if (${value} !== undefined) {`);
      lines.push(
        ...check(
          fieldDef.innerType,
          value,
          (v) => `${write} = ${v};${count}`,
          '    ',
          `${name}${capital(key)}`,
          local,
          functionFor,
        ),
      );
      lines.push(`  } else if (${quote(key)} in input) {`, `    ${write} = undefined;${count}`, '  }');
    } else {
      lines.push(
        ...check(field, value, (v) => `${write} = ${v};${count}`, '  ', `${name}${capital(key)}`, local, functionFor),
      );
    }
  }
  if (loose) lines.push('  copyUnknown(input, out, known);');
  lines.push('  return out;');
  return lines;
}

/** Statements that return INVALID unless `value` passes `schema`, then store its parsed value. */
function check(
  schema: unknown,
  value: string,
  store: (parsed: string) => string,
  indent: string,
  path: string,
  local: () => string,
  functionFor: (schema: unknown, suggested: string) => string,
): string[] {
  const def = defOf(schema);
  noChecks(def, path);
  switch (def.type) {
    case 'string':
      // Strings come out well-formed (lone surrogates replaced), as `parseEcsEvent` promises.
      return [
        `${indent}if (typeof ${value} !== 'string') return INVALID;`,
        `${indent}${store(`wellFormed(${value})`)}`,
      ];
    case 'boolean':
      return [`${indent}if (typeof ${value} !== 'boolean') return INVALID;`, `${indent}${store(value)}`];
    case 'number':
      // z.number() accepts finite numbers only.
      return [
        `${indent}if (typeof ${value} !== 'number' || !Number.isFinite(${value})) return INVALID;`,
        `${indent}${store(value)}`,
      ];
    case 'unknown':
      return [`${indent}${store(value)}`];
    case 'literal': {
      const values = def.values ?? [];
      if (values.length === 0 || values.some((v) => !['string', 'number', 'boolean'].includes(typeof v)))
        throw new Error(`${path}: unsupported literal`);
      const literal = (v: unknown) => (typeof v === 'string' ? quote(v) : String(v));
      return [
        `${indent}if (${values.map((v) => `${value} !== ${literal(v)}`).join(' && ')}) return INVALID;`,
        `${indent}${store(value)}`,
      ];
    }
    case 'object': {
      const parsed = local();
      return [
        `${indent}const ${parsed} = ${functionFor(schema, path)}(${value});`,
        `${indent}if (${parsed} === INVALID) return INVALID;`,
        `${indent}${store(parsed)}`,
      ];
    }
    case 'array': {
      const items = local();
      const index = local();
      const item = local();
      return [
        `${indent}if (!Array.isArray(${value})) return INVALID;`,
        `${indent}const ${items}: unknown[] = [];`,
        `${indent}for (let ${index} = 0; ${index} < ${value}.length; ${index}++) {`,
        `${indent}  const ${item}: unknown = ${value}[${index}];`,
        ...check(def.element, item, (v) => `${items}.push(${v});`, `${indent}  `, `${path}Item`, local, functionFor),
        `${indent}}`,
        `${indent}${store(items)}`,
      ];
    }
    default:
      throw new Error(`${path}: zod type ${def.type} is not supported by the fast parsers`);
  }
}

function noChecks(def: Def, path: string): void {
  if (def.checks !== undefined && def.checks.length > 0)
    throw new Error(`${path}: checks (refinements, lengths, formats) are not supported`);
}

const property = (object: string, key: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? `${object}.${key}` : `${object}[${quote(key)}]`;

/** A JavaScript string literal in single quotes. */
const quote = (value: string): string =>
  `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;

const capital = (key: string): string =>
  key
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(FAST_PARSERS_FILE, generateFastParsers());
  console.log(`wrote ${FAST_PARSERS_FILE}`);
}
