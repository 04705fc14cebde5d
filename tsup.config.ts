import { defineConfig, type Options } from 'tsup';

/** Library entry points: keep in step with `exports` in package.json and typedoc's entryPoints. */
const entry = {
  index: 'src/index.ts',
  schemas: 'src/schemas.ts',
  state: 'src/state/index.ts',
  filter: 'src/filter/index.ts',
  patterns: 'src/patterns/index.ts',
  slack: 'src/slack.ts',
  aws: 'src/aws/index.ts',
  dynamodb: 'src/dynamodb/index.ts',
  'amazon-q': 'src/amazon-q/index.ts',
  lambda: 'src/lambda/index.ts',
  policy: 'src/policy/index.ts',
  function: 'src/function/index.ts',
  cdk: 'src/cdk/index.ts',
  'slack-actions': 'src/slack-actions/index.ts',
};

/**
 * `npm run build`: the package as published, JavaScript and declarations. `npm run build:js`
 * (`tsup --env.DECLARATIONS off`) leaves the declarations out: they take ~55 of the build's ~60 s
 * on 2 cores, and the demo, the tests and the benchmark run the JavaScript alone (the tests that
 * read types read `src/`).
 */
const config: ReturnType<typeof defineConfig> = defineConfig((options): Options[] => [
  {
    entry,
    format: ['esm', 'cjs'],
    // tsup 8's declaration bundler sets `baseUrl`, which TypeScript 6 deprecates.
    dts: options.env?.DECLARATIONS === 'off' ? false : { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    treeshake: true,
    splitting: true,
    // `import.meta.url` in the CommonJS build (ecs-slack/cdk finds its function's code with it).
    shims: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    treeshake: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);

export default config;
