import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../src/classify/outcomes.js';
import { FILTER_PRESETS, applyStatelessRules, resolveFilterOptions } from '../../src/filter/index.js';
import { classify, parseEcsEvent } from '../../src/index.js';
import { passesNameFilter } from '../../src/filter/glob.js';
import { allFixtures, loadFixture } from '../helpers/fixtures.js';

const verdict = (kind: Parameters<typeof loadFixture>[0], name: string, options = {}) => {
  const event = parseEcsEvent(loadFixture(kind, name));
  const result = applyStatelessRules(event, classify(event), resolveFilterOptions(options));
  return result === 'pass' ? 'pass' : result.reason;
};

describe('stateless rules', () => {
  it('name a reason for every suppression, for every fixture and preset', () => {
    for (const preset of ['alerts', 'verbose', 'none'] as const) {
      for (const { event } of allFixtures()) {
        const parsed = parseEcsEvent(event);
        const result = applyStatelessRules(parsed, classify(parsed), FILTER_PRESETS[preset]);
        if (result !== 'pass') {
          expect(result.detail.length).toBeGreaterThan(5);
          expect(result.action).toBe('suppress');
        }
      }
    }
  });

  it('the none preset suppresses nothing', () => {
    for (const { event } of allFixtures()) {
      const parsed = parseEcsEvent(event);
      expect(applyStatelessRules(parsed, classify(parsed), FILTER_PRESETS.none)).toBe('pass');
    }
  });

  it.each([
    ['task', 'trimmed-task-provisioning-fargate-service', {}, 'transitional'],
    ['task', 'synthetic-task-deactivating', {}, 'transitional'],
    ['task', 'synthetic-task-stopping-crash', {}, 'transitional'],
    ['task', 'synthetic-task-spot-warning', {}, 'pass'],
    ['task', 'task-stopped-user-initiated-fargate-service-pv13', {}, 'routine-stop'],
    ['task', 'synthetic-task-scaled-in', {}, 'routine-stop'],
    ['container-instance', 'docs-container-instance-active', {}, 'instance-churn'],
    ['container-instance', 'synthetic-instance-agent-disconnected', {}, 'pass'],
    ['service', 'docs-service-steady-state', { recovery: false }, 'steady-state'],
    ['service', 'docs-service-steady-state', {}, 'pass'],
    ['deployment', 'docs-deployment-completed', {}, 'pass'],
    ['task', 'task-stopped-ec2-standalone-exit0-no-stopcode', {}, 'severity'],
    ['task', 'task-stopped-ec2-standalone-exit0-no-stopcode', { minSeverity: 'success' }, 'pass'],
    ['task', 'synthetic-task-oom-exit137', { kinds: ['service'] }, 'kind'],
    ['task', 'synthetic-task-oom-exit137', { suppressOutcomes: ['out-of-memory'] }, 'outcome'],
    ['task', 'synthetic-task-oom-exit137', { clusters: { include: ['prod-*'] } }, 'cluster'],
    ['task', 'synthetic-task-oom-exit137', { clusters: { include: ['te*'] } }, 'pass'],
    ['task', 'synthetic-task-oom-exit137', { services: { exclude: ['example-*-v1'] } }, 'service'],
    ['service', 'synthetic-service-desired-count-updated', { notifyOutcomes: ['desired-count-updated'] }, 'pass'],
  ] as const)('%s/%s with %j: %s', (kind, name, options, expected) => {
    expect(verdict(kind, name, options)).toBe(expected);
  });

  it('orders severities info < success < warning < error', () => {
    expect(SEVERITIES).toEqual(['info', 'success', 'warning', 'error']);
  });
});

describe('name filters', () => {
  it('exact names and * globs; exclude wins; names are matched whole', () => {
    expect(passesNameFilter('prod-web', { include: ['prod-*'] })).toBe(true);
    expect(passesNameFilter('prod-web', { include: ['prod-*'], exclude: ['*-web'] })).toBe(false);
    expect(passesNameFilter('xprod-web', { include: ['prod-*'] })).toBe(false);
    expect(passesNameFilter('a.b', { include: ['a*b'] })).toBe(true);
    expect(passesNameFilter('a+b', { include: ['a+b'] })).toBe(true);
    expect(passesNameFilter(undefined, {})).toBe(true);
    expect(passesNameFilter(undefined, { exclude: ['x'] })).toBe(true);
    expect(passesNameFilter(undefined, { include: ['x'] })).toBe(false);
  });
});

describe('presets and overrides', () => {
  it('resolve a preset and lay options over it', () => {
    expect(resolveFilterOptions()).toEqual(FILTER_PRESETS.alerts);
    expect(resolveFilterOptions({ preset: 'verbose', foldWindowSeconds: 120 })).toEqual({
      ...FILTER_PRESETS.verbose,
      foldWindowSeconds: 120,
    });
    expect(() => resolveFilterOptions({ leaseSeconds: -1 })).toThrow(/leaseSeconds must be a positive number/);
  });
});
