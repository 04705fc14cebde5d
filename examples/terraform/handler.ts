// The whole function: ecs-slack/function, configured by the environment the module sets.
export { handler } from 'ecs-slack/function';
