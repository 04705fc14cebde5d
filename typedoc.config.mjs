/** @type {Partial<import('typedoc').TypeDocOptions>} */
const config = {
  // Keep in step with `exports` in package.json and `entry` in tsup.config.ts.
  entryPoints: ['src/index.ts', 'src/amazon-q/index.ts', 'src/aws/index.ts', 'src/dynamodb/index.ts', 'src/lambda/index.ts', 'src/policy/index.ts'],
  out: 'docs/api',
  tsconfig: 'tsconfig.json',
  readme: 'none',
  name: 'ecs-slack',
  includeVersion: true,
  excludeInternal: true,
  excludePrivate: true,
  excludeProtected: true,
  excludeExternals: true,
  treatWarningsAsErrors: true,
  treatValidationWarningsAsErrors: true,
  validation: { notExported: true, invalidLink: true, invalidPath: true, rewrittenLink: true, notDocumented: true, unusedMergeModuleWith: true },
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
