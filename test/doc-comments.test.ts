/**
 * Doc comments say what and how to use: a summary of at most five lines, then the tags
 * (`@param`, `@returns`, `@example`, ...). Performance notes and bug histories belong in docs/
 * or the commit message, and no doc comment cites an issue number.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_SUMMARY_LINES = 5;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Each doc comment right before an exported declaration, with its file and line. */
function exportedDocs(): Array<{ where: string; lines: string[] }> {
  const docs: Array<{ where: string; lines: string[] }> = [];
  const pattern =
    /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\n\s*export\s+(?:declare\s+|async\s+|abstract\s+)*(?:function|class|const|let|interface|type)\b/g;
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(pattern)) {
      if (/@module|@packageDocumentation/.test(match[1] ?? '')) continue;
      const lines = (match[1] ?? '').split('\n').map((line) => line.replace(/^\s*\* ?/, ''));
      const line = code.slice(0, match.index).split('\n').length;
      docs.push({ where: `${relative(ROOT, file)}:${line}`, lines });
    }
  }
  return docs;
}

describe('doc comments of exported symbols', () => {
  const docs = exportedDocs();

  it('finds the exported declarations', () => {
    expect(docs.length).toBeGreaterThan(300);
  });

  it(`have a summary of at most ${MAX_SUMMARY_LINES} lines before their tags`, () => {
    const long = docs.flatMap(({ where, lines }) => {
      const tag = lines.findIndex((line) => line.trim().startsWith('@'));
      const summary = (tag === -1 ? lines : lines.slice(0, tag)).filter((line) => line.trim() !== '');
      return summary.length > MAX_SUMMARY_LINES ? [`${where}: ${summary.length} lines`] : [];
    });
    expect(long).toEqual([]);
  });

  it('cite no issue numbers', () => {
    const cited = docs.flatMap(({ where, lines }) =>
      lines.some((line) => /(?:^|\s)#\d+\b|\bissue \d+/i.test(line)) ? [where] : [],
    );
    expect(cited).toEqual([]);
  });
});
