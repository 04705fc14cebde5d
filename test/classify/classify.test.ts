import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classify,
  parseEcsEvent,
  safeParseEcsEvent,
  type Cause,
  type Outcome,
  type Severity,
} from '../../src/index.js';
import { allFixtures } from '../helpers/fixtures.js';
import { DEPLOYMENT_EVENT_NAMES, deploymentVerdict } from '../../src/classify/deployment.js';
import { OUTCOMES } from '../../src/classify/outcomes.js';

type Expected = readonly [
  outcome: Outcome,
  severity: Severity,
  cause?: Cause | null,
  culprit?: string | null,
  hint?: string | null,
];

/**
 * What every fixture must classify as: outcome, severity, cause, culprit container, hint id.
 * `null` means "must be absent"; every fixture needs a row.
 */
const EXPECTED: Readonly<Record<string, Expected>> = {
  // Real task events.
  'docs-task-running-ec2-awsvpc-asg-capacity-provider-2025': ['running', 'info'],
  'docs-task-running-ec2-with-stopped-container-2016': ['running', 'info'],
  'docs-task-running-fargate-2020': ['running', 'info'],
  'docs-task-running-fargate-guardduty-sidecar-2025': ['running', 'info'],
  'task-running-ec2-service': ['running', 'info'],
  'task-running-fargate-service-exec-enabled': ['running', 'info'],
  'task-stopped-ec2-standalone-exit0-no-stopcode': ['completed', 'success', null, null, null],
  'task-stopped-elb-health-check-failed-fargate': [
    'health-check-failed',
    'error',
    'load-balancer',
    null,
    'elb-health-check',
  ],
  'task-stopped-essential-container-exited-fargate-sidecar': ['crashed', 'error', null, 'app', 'exit-code'],
  'task-stopped-service-scaling-deployment-ec2': ['deployment-replaced', 'info', null, null, null],
  'task-stopped-service-scaling-deployment-fargate': ['deployment-replaced', 'info', null, null, null],
  'task-stopped-user-initiated-ec2-bridge-asg-capacity-provider': ['stopped-by-user', 'info', null, null, null],
  'task-stopped-user-initiated-fargate-service-pv13': ['stopped-by-user', 'info', null, null, null],
  'trimmed-task-provisioning-fargate-service': ['starting', 'info'],
  // Synthetic task events.
  'synthetic-task-oom-exit137': ['out-of-memory', 'error', null, 'app', 'out-of-memory'],
  'synthetic-task-oom-exit0': ['out-of-memory', 'error', null, 'app', 'out-of-memory'],
  'synthetic-task-oom-stopped-reason': ['out-of-memory', 'error', null, 'app', 'out-of-memory'],
  'synthetic-task-pull-not-found': ['failed-to-start', 'error', 'image-pull', 'app', 'image-pull-not-found'],
  'synthetic-task-pull-access-denied': ['failed-to-start', 'error', 'image-pull', 'app', 'image-pull-access-denied'],
  'synthetic-task-pull-network': ['failed-to-start', 'error', 'image-pull', 'app', 'image-pull-network'],
  'synthetic-task-pull-disk-full': ['failed-to-start', 'error', 'image-pull', 'Webapp', 'image-pull-disk-full'],
  'synthetic-task-pull-rate-limited': ['failed-to-start', 'error', 'image-pull', 'app', 'image-pull-rate-limited'],
  'synthetic-task-pull-manifest': ['failed-to-start', 'error', 'image-pull', 'app', 'image-pull-manifest'],
  'synthetic-task-pull-other': ['failed-to-start', 'error', 'image-pull', 'app', 'image-pull'],
  'synthetic-task-rie-secrets': ['failed-to-start', 'error', 'secrets', 'app', 'secrets'],
  'synthetic-task-rie-registry-network': ['failed-to-start', 'error', 'network', 'app', 'secrets-network'],
  'synthetic-task-rie-logging': ['failed-to-start', 'error', 'logging', 'app', 'logging'],
  'synthetic-task-rie-efs': ['failed-to-start', 'error', 'volume', 'app', 'volume-efs'],
  'synthetic-task-rie-other': ['failed-to-start', 'error', 'other', 'app', 'resource-initialization'],
  'synthetic-task-resource-not-found': ['failed-to-start', 'error', 'secrets', 'app', 'secrets-not-found'],
  'synthetic-task-eni-timeout': ['failed-to-start', 'error', 'network', 'app', 'eni-timeout'],
  'synthetic-task-subnet-full': ['failed-to-start', 'error', 'network', 'app', 'subnet-no-addresses'],
  'synthetic-task-eni-device-index': ['failed-to-start', 'error', 'capacity', null, 'eni-device-index'],
  'synthetic-task-compute-strategy': ['failed-to-start', 'error', 'capacity', 'app', 'compute-strategy'],
  'synthetic-task-internal-error': ['failed-to-start', 'error', 'other', 'app', 'internal-error'],
  'synthetic-task-agent': ['failed-to-start', 'error', 'capacity', null, 'agent'],
  'synthetic-task-entrypoint-missing': ['failed-to-start', 'error', 'runtime', 'app', 'entrypoint-not-found'],
  'synthetic-task-cannot-start-container': ['failed-to-start', 'error', 'runtime', 'app', 'cannot-start-container'],
  'synthetic-task-cannot-create-volume': ['failed-to-start', 'error', 'volume', 'app', 'cannot-create-volume'],
  'synthetic-task-runtime-timeout': ['failed-to-start', 'error', 'runtime', 'app', 'runtime-timeout'],
  'synthetic-task-docker-timeout': ['failed-to-start', 'error', 'runtime', 'app', 'runtime-timeout'],
  'synthetic-task-container-runtime-error': ['failed-to-start', 'error', 'runtime', 'app', 'container-runtime-error'],
  'synthetic-task-failed-to-start-generic': ['failed-to-start', 'error', 'other', 'app', 'task-failed-to-start'],
  'synthetic-task-cannot-stop-container': ['crashed', 'error', null, 'app', 'exit-1'],
  'synthetic-task-cannot-inspect-container': ['stopped', 'warning', null, null, 'cannot-inspect-container'],
  'synthetic-task-crashed-exit1-sidecar143': ['crashed', 'error', null, 'app', 'exit-1'],
  // app 137 next to envoy 0: which one was essential is not in the event, so neither a crash nor
  // a success, a warning naming the killed container.
  'synthetic-task-crashed-exit137': ['stopped', 'warning', null, 'app', 'exit-137'],
  'synthetic-task-crashed-exit139': ['crashed', 'error', null, 'app', 'exit-139'],
  'synthetic-task-crashed-no-stopcode': ['crashed', 'error', null, 'app', 'exit-1'],
  'synthetic-task-completed-sidecar143': ['completed', 'success', null, null, null],
  'synthetic-task-exit-code-missing': ['stopped', 'warning', null, null, null],
  'synthetic-task-guardduty-sidecar-crash': ['crashed', 'error', null, 'web', 'exit-1'],
  'synthetic-task-container-health-check': [
    'health-check-failed',
    'error',
    'container-health',
    null,
    'container-health-check',
  ],
  'synthetic-task-scaled-in': ['scaled-in', 'info', null, null, null],
  'synthetic-task-stopped-by-user-custom': ['stopped-by-user', 'info', null, null, null],
  'synthetic-task-spot-warning': ['spot-interrupted', 'warning', null, null, 'spot-interruption'],
  'synthetic-task-spot-stopped': ['spot-interrupted', 'warning', null, null, 'spot-interruption'],
  'synthetic-task-spot-termination-notice': ['spot-interrupted', 'warning', null, null, 'spot-interruption'],
  'synthetic-task-fargate-maintenance': ['infrastructure', 'warning', null, null, 'fargate-maintenance'],
  'synthetic-task-host-terminated': ['infrastructure', 'warning', null, null, 'host-terminated'],
  'synthetic-task-infrastructure-health': ['infrastructure', 'warning', null, null, 'infrastructure-health'],
  'synthetic-task-unknown-stop': ['stopped', 'warning', null, null, null],
  'synthetic-task-pending': ['starting', 'info'],
  'synthetic-task-deactivating': ['stopping', 'info', null, null, null],
  'synthetic-task-stopping-crash': ['crashed', 'error', null, 'app', 'exit-1'],
  // Service actions.
  'docs-service-capacity-provider-steady-state': ['steady-state', 'info', null, null, null],
  'docs-service-steady-state': ['steady-state', 'info', null, null, null],
  'trimmed-service-steady-state': ['steady-state', 'info', null, null, null],
  'docs-service-task-placement-failure-ec2-cpu': ['placement-failed', 'error', 'capacity', null, 'placement-resources'],
  'docs-service-task-placement-failure-fargate-spot': [
    'placement-failed',
    'error',
    'capacity',
    null,
    'placement-fargate',
  ],
  'docs-service-task-start-impaired': ['task-start-impaired', 'error', null, null, 'task-start-impaired'],
  'service-task-start-impaired': ['task-start-impaired', 'error', null, null, 'task-start-impaired'],
  'synthetic-service-desired-count-updated': ['desired-count-updated', 'info'],
  'synthetic-service-tasks-stopped': ['tasks-stopped', 'info'],
  'synthetic-service-taskset-steady-state': ['steady-state', 'info'],
  'synthetic-service-configuration-failure': ['configuration-failed', 'error', 'other', null, 'configuration-failed'],
  'synthetic-service-ecs-throttled': ['throttled', 'error', null, null, 'throttled'],
  'synthetic-service-cloudmap-throttled': ['throttled', 'error', null, null, 'throttled'],
  'synthetic-service-cloudmap-unhealthy': ['unhealthy', 'warning', null, null, 'unhealthy'],
  'synthetic-service-lattice-unhealthy': ['unhealthy', 'warning', null, null, 'unhealthy'],
  'synthetic-service-health-unknown': ['health-unknown', 'error', null, null, 'health-unknown'],
  'synthetic-service-daemon-constraint': [
    'daemon-constraint-violated',
    'error',
    null,
    null,
    'daemon-constraint-violated',
  ],
  'synthetic-service-placement-memory': ['placement-failed', 'error', 'capacity', null, 'placement-resources'],
  'synthetic-service-placement-ports': ['placement-failed', 'error', 'capacity', null, 'placement-ports'],
  'synthetic-service-placement-eni': ['placement-failed', 'error', 'capacity', null, 'placement-eni'],
  'synthetic-service-placement-quota': ['placement-failed', 'error', 'capacity', null, 'task-quota'],
  'synthetic-service-deployment-completed': ['deployment-completed', 'success'],
  'synthetic-service-unknown-event': ['service-event', 'warning', null, null, null],
  // Deployments.
  'deployment-in-progress-with-clusterarn': ['deployment-started', 'info', null, null, null],
  'trimmed-deployment-in-progress-with-clusterarn': ['deployment-started', 'info'],
  'docs-deployment-in-progress': ['deployment-started', 'info'],
  'docs-deployment-rollback-in-progress': ['deployment-rolling-back', 'warning', null, null, 'deployment-rollback'],
  'docs-deployment-completed': ['deployment-completed', 'success', null, null, null],
  'docs-deployment-failed': ['deployment-failed', 'error', null, null, 'deployment-failed'],
  'synthetic-deployment-rollback-real-reason': [
    'deployment-rolling-back',
    'warning',
    null,
    null,
    'deployment-rollback',
  ],
  'synthetic-deployment-failed-real-reason': ['deployment-failed', 'error', null, null, 'deployment-failed'],
  'synthetic-deployment-unknown-event': ['deployment-event', 'info', null, null, null],
  // Container instances.
  'docs-container-instance-active': ['instance-active', 'info', null, null, null],
  'synthetic-instance-draining': ['instance-draining', 'info'],
  'synthetic-instance-agent-disconnected': ['agent-disconnected', 'warning', null, null, 'agent-disconnected'],
  'synthetic-instance-registration-failed': [
    'instance-registration-failed',
    'error',
    null,
    null,
    'instance-registration-failed',
  ],
  'synthetic-instance-deregistering': ['instance-deregistered', 'info'],
  'synthetic-instance-inactive': ['instance-deregistered', 'info'],
  'synthetic-instance-registering': ['instance-registering', 'info'],
  'synthetic-instance-agent-update-failed': ['agent-update-failed', 'warning', null, null, 'agent-update-failed'],
};

const fixtures = allFixtures();

describe('classify over every fixture', () => {
  it('has an expectation for every fixture and a fixture for every expectation', () => {
    expect(new Set(fixtures.map((f) => f.name))).toEqual(new Set(Object.keys(EXPECTED)));
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (name, fixture) => {
    const c = classify(parseEcsEvent(fixture.event));
    const [outcome, severity, cause, culprit, hint] = EXPECTED[name]!;
    expect([c.outcome, c.severity]).toEqual([outcome, severity]);
    if (cause !== undefined) expect(c.cause ?? null).toBe(cause);
    if (culprit !== undefined) expect(c.culprit?.name ?? null).toBe(culprit);
    if (hint !== undefined) expect(c.hint?.id ?? null).toBe(hint);
    expect(c.kind).toBe(fixture.kind);
    expect(c.summary.length).toBeGreaterThan(10);
    if (c.hint !== undefined) expect(c.hint.docsUrl).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|repost\.aws)\//);
    if (fixture.kind === 'task') expect(c.phase).toBeDefined();
    else expect(c.phase).toBeUndefined();
  });
});

describe('vocabulary', () => {
  // Records keyed by the union types: the compiler fails if a value is added to the vocabulary
  // without being listed here, so this test always covers the whole contract.
  const OUTCOMES: Record<Outcome, true> = {
    starting: true,
    running: true,
    stopping: true,
    completed: true,
    crashed: true,
    'out-of-memory': true,
    'failed-to-start': true,
    'health-check-failed': true,
    'deployment-replaced': true,
    'scaled-in': true,
    'stopped-by-user': true,
    'spot-interrupted': true,
    infrastructure: true,
    stopped: true,
    'steady-state': true,
    'desired-count-updated': true,
    'tasks-stopped': true,
    'task-start-impaired': true,
    'placement-failed': true,
    'configuration-failed': true,
    throttled: true,
    unhealthy: true,
    'health-unknown': true,
    'daemon-constraint-violated': true,
    'service-event': true,
    'deployment-started': true,
    'deployment-rolling-back': true,
    'deployment-completed': true,
    'deployment-failed': true,
    'deployment-event': true,
    'instance-active': true,
    'instance-registering': true,
    'instance-draining': true,
    'instance-deregistered': true,
    'instance-registration-failed': true,
    'agent-disconnected': true,
    'agent-update-failed': true,
    'unknown-event': true,
  };
  const CAUSES: Record<Cause, true> = {
    'image-pull': true,
    secrets: true,
    logging: true,
    network: true,
    volume: true,
    capacity: true,
    runtime: true,
    'load-balancer': true,
    'container-health': true,
    other: true,
  };
  const SEVERITIES: Record<Severity, true> = { success: true, info: true, warning: true, error: true };
  const produced = fixtures.map((f) => classify(parseEcsEvent(f.event)));

  it('every outcome is produced by some fixture (unknown-event by an unknown detail-type)', () => {
    const seen = new Set<string>(produced.map((c) => c.outcome));
    seen.add(
      classify(parseEcsEvent({ ...fixtures[0]!.event, 'detail-type': 'ECS Container Instance Health Change' })).outcome,
    );
    expect([...Object.keys(OUTCOMES)].filter((o) => !seen.has(o))).toEqual([]);
  });

  it('every cause and every severity is produced by some fixture', () => {
    expect(Object.keys(CAUSES).filter((c) => !produced.some((p) => p.cause === c))).toEqual([]);
    expect(Object.keys(SEVERITIES).filter((s) => !produced.some((p) => p.severity === s))).toEqual([]);
  });
});

describe('rules the peers get wrong', () => {
  const event = (name: string) => parseEcsEvent(fixtures.find((f) => f.name === name)!.event);

  it('an ELB health-check kill is an error, not a routine scheduler stop, and exit 143 is not the cause', () => {
    const c = classify(event('task-stopped-elb-health-check-failed-fargate'));
    expect(c.outcome).toBe('health-check-failed');
    expect(c.culprit).toBeUndefined();
    expect(c.summary).toMatch(/load balancer health checks/);
  });

  it('out of memory wins over exit code 0', () => {
    expect(classify(event('synthetic-task-oom-exit0')).outcome).toBe('out-of-memory');
  });

  it('a batch job that exited 0 is a success, with or without stop code', () => {
    expect(classify(event('task-stopped-ec2-standalone-exit0-no-stopcode')).severity).toBe('success');
    expect(classify(event('synthetic-task-completed-sidecar143')).outcome).toBe('completed');
  });

  it('says the task is stopping, not that it stopped, until it is STOPPED', () => {
    const c = classify(event('synthetic-task-stopping-crash'));
    expect(c.phase).toBe('stopping');
    expect(c.summary).toBe(
      'app exited with code 1 (application error) and task a6eaf015 of example-api-v1 is stopping',
    );
  });

  it('a missing exit code is not success', () => {
    expect(classify(event('synthetic-task-exit-code-missing')).outcome).toBe('stopped');
  });

  it('never blames the image-less GuardDuty sidecar when the app explains the stop', () => {
    expect(classify(event('synthetic-task-guardduty-sidecar-crash')).culprit).toMatchObject({
      name: 'web',
      exitCode: 1,
    });
  });

  it('the Spot warning arrives while RUNNING and says so', () => {
    const c = classify(event('synthetic-task-spot-warning'));
    expect(c.phase).toBe('running');
    expect(c.summary).toMatch(/will stop within two minutes/);
  });

  it('writes the summary a human would write', () => {
    expect(classify(event('synthetic-task-oom-exit137')).summary).toBe(
      'app ran out of memory (exit 137) and was stopped (task a6eaf015 of example-api-v1)',
    );
    expect(classify(event('synthetic-task-crashed-exit1-sidecar143')).summary).toBe(
      'app exited with code 1 (application error) and task a6eaf015 of example-api-v1 stopped',
    );
    expect(classify(event('service-task-start-impaired')).summary).toBe(
      'image_inferrer is unable to consistently start tasks successfully',
    );
  });

  it('deployment events without clusterArn still name cluster and service', () => {
    const c = classify(event('docs-deployment-failed'));
    expect([c.identity.cluster, c.identity.service]).toEqual(['default', 'servicetest']);
    expect(c.links.serviceDeployments).toBe(
      'https://us-west-2.console.aws.amazon.com/ecs/v2/clusters/default/services/servicetest/deployments?region=us-west-2',
    );
  });
});

describe('properties', () => {
  const events = fixtures.map((f) => f.event);
  it('classify never throws on a parsed event, and its summary is never empty', () => {
    const mutated = fc
      .tuple(
        fc.constantFrom(...events),
        fc.dictionary(
          fc.constantFrom(
            'lastStatus',
            'desiredStatus',
            'stopCode',
            'stoppedReason',
            'group',
            'eventName',
            'eventType',
            'reason',
            'status',
            'agentConnected',
            'startedBy',
            'taskDefinitionArn',
            'clusterArn',
            'deploymentId',
          ),
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              'RUNNING',
              'STOPPED',
              'PENDING',
              'EssentialContainerExited',
              'TaskFailedToStart',
              'service:',
              'OutOfMemoryError: x',
              'CannotPullContainerError: ',
              '',
            ),
          ),
        ),
        fc.array(
          fc.record({
            exitCode: fc.option(fc.integer({ min: -1, max: 300 }), { nil: undefined }),
            reason: fc.option(fc.string(), { nil: undefined }),
          }),
          { maxLength: 3 },
        ),
      )
      .map(([event, detail, containers]) => {
        const copy = structuredClone(event) as any;
        Object.assign(copy.detail, detail);
        if (Array.isArray(copy.detail.containers)) {
          containers.forEach((c, i) => {
            const target = copy.detail.containers[i];
            if (target) Object.assign(target, c);
          });
        }
        return copy;
      });
    fc.assert(
      fc.property(mutated, (input) => {
        const parsed = safeParseEcsEvent(input);
        if (!parsed.success) return;
        const c = classify(parsed.data);
        expect(c.summary.trim().length).toBeGreaterThan(0);
        expect(['success', 'info', 'warning', 'error']).toContain(c.severity);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the deployment name table the event patterns read', () => {
  const IDENTITY = { account: '111111111111', region: 'us-east-1', service: 'web' };

  it('lists exactly the outcomes and severities deploymentVerdict gives each name', () => {
    const reasons = [
      undefined,
      'ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/123.',
      'anything else',
    ];
    for (const [name, listed] of Object.entries(DEPLOYMENT_EVENT_NAMES)) {
      const given = new Set<string>();
      for (const eventType of ['INFO', 'WARN', 'ERROR']) {
        for (const reason of reasons) {
          const verdict = deploymentVerdict({
            eventName: name,
            eventType,
            reason,
            deploymentId: 'ecs-svc/1',
            identity: IDENTITY,
          });
          given.add(`${verdict.outcome}/${verdict.severity}`);
        }
      }
      expect([...given].sort(), name).toEqual(
        listed.map((outcome) => `${outcome}/${OUTCOMES[outcome].severity}`).sort(),
      );
    }
    expect(
      deploymentVerdict({ eventName: 'SERVICE_DEPLOYMENT_SOMETHING_NEW', eventType: 'WARN', identity: IDENTITY })
        .outcome,
    ).toBe('deployment-event');
  });
});
