/**
 * Keeps the guides honest where it is cheap: links and anchors resolve, `ecs-slack` imports in
 * code blocks name real exports, code copied from an example still is in that example, and the
 * getting-started walk-through's event and log line are what the code produces.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { classify, parseEcsEvent, type SlackSender } from '../../src/index.js';
import { createHandler } from '../../src/lambda/index.js';
import { runCli } from '../helpers/cli.js';
import { ENTRY_FILES } from '../helpers/entry-points.js';
import { loadFixture } from '../helpers/fixtures.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** The Markdown files whose links and code are checked. */
const DOCS: string[] = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  ...readdirSync(join(ROOT, 'examples'))
    .filter((d) => existsSync(join(ROOT, 'examples', d, 'README.md')))
    .map((d) => `examples/${d}/README.md`),
  'examples/README.md',
].sort();

/** The text outside fenced code blocks and inline code, where links live. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Fenced code blocks with their language and the line before the fence. */
function codeBlocks(markdown: string): Array<{ lang: string; code: string; before: string }> {
  const blocks: Array<{ lang: string; code: string; before: string }> = [];
  const pattern = /(?:^(.*)\n)?^```(\w*)\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(pattern))
    blocks.push({ before: match[1] ?? '', lang: match[2] ?? '', code: match[3] ?? '' });
  return blocks;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(markdown: string): Set<string> {
  return new Set(
    [...markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1] ?? '')),
  );
}

function links(markdown: string): string[] {
  const text = prose(markdown);
  return [...text.matchAll(/\]\(([^)\s]+)\)/g), ...text.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** A link to a file of this repository on GitHub (README links are absolute: the registry shows the README alone). */
const REPOSITORY_FILE =
  /^https:\/\/(?:github\.com\/ecs-slack\/ecs-slack\/blob|raw\.githubusercontent\.com\/ecs-slack\/ecs-slack)\/main\//;

describe('README.md, as the npm registry shows it (alone, without the repository)', () => {
  const readme = read('README.md');

  it('links docs, examples and images absolutely, to files that exist in the repository', () => {
    const wrong: string[] = [];
    for (const target of links(readme)) {
      if (target.startsWith('#')) continue;
      if (!/^[a-z]+:/i.test(target)) {
        wrong.push(`${target}: relative, broken on the registry's page`);
        continue;
      }
      if (!REPOSITORY_FILE.test(target)) continue; // another site
      const [path = ''] = target.replace(REPOSITORY_FILE, '').split('#');
      if (!existsSync(join(ROOT, decodeURIComponent(path)))) wrong.push(`${target}: no such file`);
    }
    expect(wrong).toEqual([]);
    expect(links(readme).filter((target) => REPOSITORY_FILE.test(target)).length).toBeGreaterThan(20);
  });

  it('images come from raw.githubusercontent.com, where a browser gets the picture and not a page', () => {
    for (const image of [...readme.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? ''))
      expect(image).toMatch(/^https:\/\/raw\.githubusercontent\.com\/ecs-slack\/ecs-slack\/main\//);
  });

  it('package.json names the repository those links point to', () => {
    const pkg = JSON.parse(read('package.json')) as {
      repository: { url: string };
      homepage: string;
      bugs: { url: string };
    };
    expect(pkg.repository.url).toBe('git+https://github.com/ecs-slack/ecs-slack.git');
    expect(pkg.homepage).toBe('https://github.com/ecs-slack/ecs-slack#readme');
    expect(pkg.bugs.url).toBe('https://github.com/ecs-slack/ecs-slack/issues');
  });
});

describe('links in README.md, docs/ and the examples’ READMEs', () => {
  it.each(DOCS)('%s: every relative link and anchor resolves', (doc) => {
    const broken: string[] = [];
    for (const target of links(read(doc))) {
      if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
      const [path = '', anchor] = target.split('#');
      const file = path === '' ? doc : relative(ROOT, resolve(ROOT, dirname(doc), decodeURIComponent(path)));
      if (!existsSync(join(ROOT, file))) {
        broken.push(`${target}: no such file`);
        continue;
      }
      if (anchor !== undefined && file.endsWith('.md') && !anchors(read(file)).has(anchor))
        broken.push(`${target}: no such heading`);
      if (anchor !== undefined && !file.endsWith('.md'))
        broken.push(`${target}: anchor into a file that has no headings`);
      if (statSync(join(ROOT, file)).isDirectory()) broken.push(`${target}: a folder (link a file in it)`);
    }
    expect(broken).toEqual([]);
  });

  it('the guides link each other and README links every guide', () => {
    const readme = links(read('README.md')).map((target) => target.replace(REPOSITORY_FILE, ''));
    for (const guide of DOCS.filter((d) => d.startsWith('docs/'))) expect(readme, guide).toContain(guide);
  });
});

/** Every name exported by an entry point, types included, read by the TypeScript checker. */
function exportsOf(entries: Record<string, string>): Map<string, Set<string>> {
  const program = ts.createProgram(
    Object.values(entries).map((f) => join(ROOT, f)),
    {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      noEmit: true,
      skipLibCheck: true,
    },
  );
  const checker = program.getTypeChecker();
  const result = new Map<string, Set<string>>();
  for (const [specifier, file] of Object.entries(entries)) {
    const source = program.getSourceFile(join(ROOT, file));
    const symbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    result.set(specifier, new Set(symbol === undefined ? [] : checker.getExportsOfModule(symbol).map((s) => s.name)));
  }
  return result;
}

describe('code in the guides', () => {
  const entryFiles = ENTRY_FILES;
  const entries = exportsOf(entryFiles);

  it('names each entry point in the API docs by its import path, with an example', () => {
    for (const [specifier, file] of Object.entries(entryFiles)) {
      const header = /^\/\*\*([\s\S]*?)\*\//.exec(read(file))?.[1] ?? '';
      expect(header, file).toMatch(new RegExp(`@module ${specifier}\\n`));
      expect(header, file).toContain('@example');
    }
  });

  it('knows every entry point package.json exports', () => {
    const pkg = JSON.parse(read('package.json')) as { exports: Record<string, unknown> };
    const subpaths = Object.keys(pkg.exports).filter((key) => key !== './package.json');
    expect(subpaths.map((key) => key.replace(/^\./, 'ecs-slack')).sort()).toEqual(Object.keys(entryFiles).sort());
  });

  it.each(DOCS)('%s: every ecs-slack import names an export of that entry point', (doc) => {
    const missing: string[] = [];
    for (const { code } of codeBlocks(read(doc)).filter((b) => b.lang === 'ts')) {
      for (const match of code.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'(ecs-slack[^']*)'/g)) {
        const exported = entries.get(match[2] ?? '');
        if (exported === undefined) {
          missing.push(`${match[2]}: not an entry point`);
          continue;
        }
        for (const part of (match[1] ?? '').split(',')) {
          const name =
            part
              .trim()
              .replace(/^type\s+/, '')
              .split(/\s+as\s+/)[0] ?? '';
          if (name !== '' && !exported.has(name)) missing.push(`${name} from ${match[2]}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(DOCS)('%s: code marked as copied from an example is still in that example', (doc) => {
    const stale: string[] = [];
    for (const { before, code } of codeBlocks(read(doc))) {
      const source = /^<!-- from (\S+) -->$/.exec(before.trim())?.[1];
      if (source === undefined) continue;
      if (!read(source).includes(code)) stale.push(`${source}: ${code.split('\n')[0]}`);
    }
    expect(stale).toEqual([]);
  });

  it('the recipes copy code from the examples they cite', () => {
    const marked = codeBlocks(read('docs/recipes.md')).filter((b) => b.before.startsWith('<!-- from '));
    expect(marked.length).toBeGreaterThanOrEqual(5);
  });
});

describe('docs/getting-started.md', () => {
  const guide = read('docs/getting-started.md');
  const blocks = codeBlocks(guide);
  const event = JSON.parse(
    blocks.find((b) => b.lang === 'json' && b.code.includes('"detail-type"'))?.code ?? 'null',
  ) as unknown;

  it('its sample event is a crash of checkout, and the guide quotes its summary', () => {
    const c = classify(parseEcsEvent(event));
    expect(c).toMatchObject({ outcome: 'crashed', severity: 'error', culprit: { name: 'app', exitCode: 1 } });
    expect(guide).toContain(`*${c.summary}*`);
    expect(guide).toContain('*checkout: task crashed*');
  });

  it('shows the log line the handler writes for it, and the duplicate after it', async () => {
    const logged: string[] = [];
    const sender: SlackSender = { post: async () => ({}) };
    const handler = createHandler({ sender, logger: (entry) => logged.push(JSON.stringify(entry)) });
    await handler(event);
    await handler(event);
    const shown = blocks.find((b) => b.lang === 'json' && b.code.includes('"msg":"sent"'))?.code.trim();
    expect(logged[0]).toBe(shown);
    expect(JSON.parse(logged[1] ?? '{}')).toMatchObject({ msg: 'suppressed', reason: 'duplicate' });
  });

  it('quotes `ecs-slack demo` as it prints: its sample count and a message', async () => {
    const shown = blocks.find((b) => b.lang === 'text' && b.code.includes('app container crashed'))?.code;
    const { code, stdout } = await runCli(['demo']);
    expect(code).toBe(0);
    expect(shown).toBeDefined();
    expect(stdout).toContain(shown);
    const count = /It runs (\d+) built-in sample events/.exec(guide)?.[1];
    expect(stdout).toContain(`ecs-slack demo: ${count} sample ECS events`);
  });

  it('the lambda-webhook sample event is the real fixture it was copied from', () => {
    expect(read('examples/lambda-webhook/sample-event.json')).toBe(
      read('test/fixtures/events/task/task-stopped-essential-container-exited-fargate-sidecar.json'),
    );
    expect(
      classify(parseEcsEvent(loadFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar'))).outcome,
    ).toBe('crashed');
  });
});
