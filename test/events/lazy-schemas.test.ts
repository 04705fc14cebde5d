import { describe, expect, it } from 'vitest';
import { attachmentSchema, nameValuePairSchema } from '../../src/events/common.js';
import {
  containerInstanceStateChangeDetailSchema,
  containerInstanceStateChangeSchema,
} from '../../src/events/container-instance-state-change.js';
import {
  deploymentStateChangeDetailSchema,
  deploymentStateChangeSchema,
} from '../../src/events/deployment-state-change.js';
import { serviceActionDetailSchema, serviceActionSchema } from '../../src/events/service-action.js';
import { taskStateChangeDetailSchema, taskStateChangeSchema } from '../../src/events/task-state-change.js';
import * as api from '../../src/schemas.js';

describe('schemas built on first use', () => {
  it('are the very objects exported, so users and parseEcsEvent share one of each', () => {
    const pairs: ReadonlyArray<readonly [() => unknown, unknown]> = [
      [nameValuePairSchema, api.NameValuePairSchema],
      [attachmentSchema, api.AttachmentSchema],
      [taskStateChangeDetailSchema, api.TaskStateChangeDetailSchema],
      [taskStateChangeSchema, api.TaskStateChangeSchema],
      [serviceActionDetailSchema, api.ServiceActionDetailSchema],
      [serviceActionSchema, api.ServiceActionSchema],
      [deploymentStateChangeDetailSchema, api.DeploymentStateChangeDetailSchema],
      [deploymentStateChangeSchema, api.DeploymentStateChangeSchema],
      [containerInstanceStateChangeDetailSchema, api.ContainerInstanceStateChangeDetailSchema],
      [containerInstanceStateChangeSchema, api.ContainerInstanceStateChangeSchema],
    ];
    for (const [build, exported] of pairs) {
      expect(build()).toBe(exported);
      expect(build()).toBe(build());
    }
  });
});
