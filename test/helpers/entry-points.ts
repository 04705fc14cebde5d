/**
 * The package's entry points: each import path and its source file. Kept in step with `exports`
 * in package.json (test/docs/guides.test.ts checks it), tsup's `entry` and typedoc's `entryPoints`.
 */
export const ENTRY_FILES: Readonly<Record<string, string>> = {
  'ecs-slack': 'src/index.ts',
  'ecs-slack/schemas': 'src/schemas.ts',
  'ecs-slack/state': 'src/state/index.ts',
  'ecs-slack/filter': 'src/filter/index.ts',
  'ecs-slack/patterns': 'src/patterns/index.ts',
  'ecs-slack/slack': 'src/slack.ts',
  'ecs-slack/aws': 'src/aws/index.ts',
  'ecs-slack/lambda': 'src/lambda/index.ts',
  'ecs-slack/dynamodb': 'src/dynamodb/index.ts',
  'ecs-slack/amazon-q': 'src/amazon-q/index.ts',
  'ecs-slack/policy': 'src/policy/index.ts',
  'ecs-slack/function': 'src/function/index.ts',
  'ecs-slack/cdk': 'src/cdk/index.ts',
  'ecs-slack/slack-actions': 'src/slack-actions/index.ts',
};
