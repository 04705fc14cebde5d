/** @type {Partial<import('typedoc').TypeDocOptions>} */
const config = {
  // Keep in step with `exports` in package.json and `entry` in tsup.config.ts.
  entryPoints: [
    'src/index.ts',
    'src/schemas.ts',
    'src/state/index.ts',
    'src/filter/index.ts',
    'src/patterns/index.ts',
    'src/slack.ts',
    'src/aws/index.ts',
    'src/dynamodb/index.ts',
    'src/amazon-q/index.ts',
    'src/lambda/index.ts',
    'src/policy/index.ts',
    'src/function/index.ts',
    'src/cdk/index.ts',
    'src/slack-actions/index.ts',
  ],
  // The literal outcome table behind `Outcome`; documented as `OUTCOMES`.
  intentionallyNotExported: ['OUTCOME_TABLE'],
  out: 'docs/api',
  tsconfig: 'tsconfig.json',
  // The README is the landing page; each module is named by its import path (`@module` in its entry file).
  readme: 'README.md',
  name: 'ecs-slack',
  includeVersion: true,
  excludeInternal: true,
  excludePrivate: true,
  excludeProtected: true,
  excludeExternals: true,
  treatWarningsAsErrors: true,
  treatValidationWarningsAsErrors: true,
  validation: {
    notExported: true,
    invalidLink: true,
    invalidPath: true,
    rewrittenLink: true,
    notDocumented: true,
    unusedMergeModuleWith: true,
  },
  requiredToBeDocumented: [
    'Enum',
    'EnumMember',
    'Variable',
    'Function',
    'Class',
    'Interface',
    'Property',
    'Method',
    'TypeAlias',
    'Accessor',
  ],
  sort: ['kind', 'instance-first', 'alphabetical-ignoring-documents'],
  hideGenerator: true,
  disableSources: true,
};

export default config;
