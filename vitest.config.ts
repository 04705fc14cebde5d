import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import type { ViteUserConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that take 10 s or more alone on a 2-core machine (dynalite under load, spawned
 * CLIs). Without a record of earlier runs, as on a fresh CI clone, Vitest runs the largest files
 * first; these are short files, and the last of them would run alone at the end.
 */
const SLOW_FILES: readonly string[] = [
  'test/dynamodb/throttling.test.ts',
  'test/cli/cli.test.ts',
  'test/filter/concurrency.test.ts',
  'test/patterns/options.test.ts',
  'test/lambda/deadline.test.ts',
  'test/cli/policy-commands.test.ts',
  'test/e2e/sqs-threads.test.ts',
];

/** Vitest's order, with {@link SLOW_FILES} first. */
class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = SLOW_FILES.findIndex((slow) => file.moduleId.endsWith(slow));
      return at === -1 ? SLOW_FILES.length : at;
    };
    // Array#sort is stable: Vitest's order holds within each rank.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

const config: ViteUserConfig = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The real-browser tests need Chromium: `npm run test:browser` (vitest.browser.config.ts).
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    // Two workers share two cores with dynalite and spawned CLIs: a test that takes 8 s alone took
    // 18 s under that load (and 50 s with another job on the machine). Generous limits, for hangs.
    testTimeout: 60_000,
    hookTimeout: 30_000,
    pool: 'threads',
    // Every core: Vitest's default leaves one for itself, which on a 2-core CI runner means one
    // worker and a suite half as fast (382 s against 266 s for `npm test` on Node 20 here).
    maxWorkers: availableParallelism(),
    sequence: { sequencer: SlowFilesFirst },
  },
});

export default config;
