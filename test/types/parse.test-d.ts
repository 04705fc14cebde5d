import type { EventBridgeEvent, SQSBatchItemFailure } from 'aws-lambda';
import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import {
  parseEcsEvent,
  parseEcsEvents,
  safeParseEcsEvent,
  type ContainerInstanceEvent,
  type DeploymentEvent,
  type EcsEvent,
  type ServiceActionEvent,
  type TaskEvent,
  type UnknownEcsEvent,
} from '../../src/index.js';
import {
  TaskStateChangeSchema,
  type ContainerInstanceStateChangeDetail,
  type DeploymentStateChangeDetail,
  type ServiceActionDetail,
  type TaskStateChange,
  type TaskStateChangeDetail,
  type TaskStatus,
} from '../../src/schemas.js';

describe('parsed events and @types/aws-lambda', () => {
  it('are assignable to EventBridgeEvent of the matching detail-type', () => {
    expectTypeOf<TaskEvent>().toExtend<EventBridgeEvent<'ECS Task State Change', TaskStateChangeDetail>>();
    expectTypeOf<ServiceActionEvent>().toExtend<EventBridgeEvent<'ECS Service Action', ServiceActionDetail>>();
    expectTypeOf<DeploymentEvent>().toExtend<
      EventBridgeEvent<'ECS Deployment State Change', DeploymentStateChangeDetail>
    >();
    expectTypeOf<ContainerInstanceEvent>().toExtend<
      EventBridgeEvent<'ECS Container Instance State Change', ContainerInstanceStateChangeDetail>
    >();
    expectTypeOf<UnknownEcsEvent>().toExtend<EventBridgeEvent<string, Record<string, unknown>>>();
    expectTypeOf<EcsEvent>().toExtend<EventBridgeEvent<string, unknown>>();
  });

  it('a handler typed with EventBridgeEvent accepts a parsed event', () => {
    const handler = (_event: EventBridgeEvent<'ECS Task State Change', TaskStateChangeDetail>): void => undefined;
    const event = parseEcsEvent({});
    if (event.kind === 'task') expectTypeOf(handler).toBeCallableWith(event);
  });

  it('record ids fit an SQSBatchItemFailure', () => {
    const [record] = parseEcsEvents({});
    if (record) expectTypeOf({ itemIdentifier: record.id }).toExtend<SQSBatchItemFailure>();
  });
});

describe('narrowing on kind', () => {
  it('gives the detail type of each kind', () => {
    const event = parseEcsEvent({});
    switch (event.kind) {
      case 'task':
        expectTypeOf(event.detail).toEqualTypeOf<TaskStateChangeDetail>();
        expectTypeOf(event.detail.containers[0]!.exitCode).toEqualTypeOf<number | undefined>();
        expectTypeOf(event['detail-type']).toEqualTypeOf<'ECS Task State Change'>();
        break;
      case 'service':
        expectTypeOf(event.detail).toEqualTypeOf<ServiceActionDetail>();
        break;
      case 'deployment':
        expectTypeOf(event.detail.deploymentId).toBeString();
        break;
      case 'container-instance':
        expectTypeOf(event.detail.agentConnected).toBeBoolean();
        break;
      case 'unknown':
        expectTypeOf(event.detail).toEqualTypeOf<Record<string, unknown>>();
        expectTypeOf(event['detail-type']).toBeString();
        break;
      default:
        expectTypeOf(event).toBeNever();
    }
  });

  it('safeParseEcsEvent narrows on success', () => {
    const result = safeParseEcsEvent({});
    if (result.success) expectTypeOf(result.data).toEqualTypeOf<EcsEvent>();
    else expectTypeOf(result.error.path).toBeString();
  });
});

describe('schemas and open string types', () => {
  it('schemas infer the documented types', () => {
    expectTypeOf<z.infer<typeof TaskStateChangeSchema>>().toEqualTypeOf<TaskStateChange>();
  });

  it('status types keep the known literals and accept any string', () => {
    expectTypeOf<'RUNNING'>().toExtend<TaskStatus>();
    expectTypeOf<'SOMETHING_NEW'>().toExtend<TaskStatus>();
    expectTypeOf<TaskStatus>().toExtend<string>();
  });

  it('our schemas compose into the user own zod (classic) schemas', () => {
    const Wrapped = z.object({ event: TaskStateChangeSchema, receivedAt: z.number() });
    expectTypeOf<z.infer<typeof Wrapped>['event']>().toEqualTypeOf<TaskStateChange>();
  });
});
