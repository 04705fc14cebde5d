/**
 * The `detail-type` of each event kind ecs-slack models, in a module of their own that imports
 * no zod: the Lambda's parsing path needs the names, not the schemas.
 *
 * @module
 */

/**
 * The `detail-type` of task events.
 */
export const TASK_STATE_CHANGE = 'ECS Task State Change';

/**
 * The `detail-type` of service action events.
 */
export const SERVICE_ACTION = 'ECS Service Action';

/**
 * The `detail-type` of deployment events.
 */
export const DEPLOYMENT_STATE_CHANGE = 'ECS Deployment State Change';

/**
 * The `detail-type` of container-instance events.
 */
export const CONTAINER_INSTANCE_STATE_CHANGE = 'ECS Container Instance State Change';
