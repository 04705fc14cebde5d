/**
 * Prints where a V8 CPU profile spent its time: the functions with the most self time, and the
 * most total time (self plus callees), as shares of the busy samples. Usage:
 * `npx tsx bench/profile-summary.ts <folder with .cpuprofile files> [rows]` (see bench/profile.ts).
 * Several profiles in the folder are added up.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [folder, rowsArgument = '30'] = process.argv.slice(2);
if (folder === undefined) throw new Error('usage: bench/profile-summary.ts <folder> [rows]');
const rows = Number(rowsArgument);
const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;

for (const file of readdirSync(folder).filter((name) => name.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (node: ProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/.*\//, '')}:${node.callFrame.lineNumber + 1}`;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const leaf = byId.get(id);
    // Idle samples (and the tsx loader's thread, idle all along) are not time spent.
    if (leaf === undefined || leaf.callFrame.functionName === '(idle)') return;
    all += micros;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + micros);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node === undefined || seen.has(name(node))) continue;
      seen.add(name(node));
      total.set(name(node), (total.get(name(node)) ?? 0) + micros);
    }
  });
}

const share = (micros: number) => `${((100 * micros) / all).toFixed(1).padStart(5)}%`;
for (const [title, table] of [
  ['self time', self],
  ['total time', total],
] as const) {
  console.log(`\n${title}`);
  for (const [key, micros] of [...table].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(share(micros), key);
}
