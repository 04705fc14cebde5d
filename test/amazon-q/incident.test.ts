import { describe, expect, it } from 'vitest';
import { renderAmazonQIncident } from '../../src/amazon-q/index.js';
import { classify, parseEcsEvent } from '../../src/index.js';
import type { Incident } from '../../src/slack.js';
import { notificationProblems } from '../helpers/amazon-q-schema.js';
import { notificationSafetyProblems } from '../helpers/client-markdown.js';
import { loadFixture } from '../helpers/fixtures.js';

const pull = parseEcsEvent(loadFixture('task', 'synthetic-task-pull-not-found'));
const latest = { event: pull, classification: classify(pull) };

function outage(names: readonly string[], extra: Partial<Incident> = {}): Incident {
  return {
    latest,
    first: names[0],
    services: names.map((name, i) => ({ name, count: 1 + (i % 3), outcomes: ['failed-to-start'] })),
    recovered: [],
    since: '2020-03-16T15:37:04Z',
    until: '2020-03-16T15:43:10Z',
    ...extra,
  };
}

const thirty = Array.from({ length: 30 }, (_, i) => `catalogue-${String(i).padStart(2, '0')}`);

describe('renderAmazonQIncident', () => {
  it('names the cluster, the shared cause and the services, within the schema', () => {
    const n = renderAmazonQIncident(outage(thirty.slice(0, 5)));
    expect(notificationProblems(n)).toEqual([]);
    expect(notificationSafetyProblems(n)).toEqual([]);
    expect(n.content.title).toContain('test: 4 more services cannot pull their images');
    for (const name of thirty.slice(0, 5)) expect(n.content.description).toContain(name);
    expect(n.content.description).toContain('Shared cause');
    expect(n.content.description).toContain('CannotPullContainerError');
    expect(n.metadata.eventType).toBe('ECS incident');
  });

  it('keeps to the limits with 30 services, and its digest joins the same thread', () => {
    const grouped = renderAmazonQIncident(outage(thirty));
    const digest = renderAmazonQIncident(outage(thirty, { repeats: 406, first: undefined }));
    for (const n of [grouped, digest]) {
      expect(notificationProblems(n)).toEqual([]);
      expect(notificationSafetyProblems(n)).toEqual([]);
    }
    expect(digest.content.title).toContain('test: 30 services cannot pull their images, 406 more failures');
    expect(digest.content.keywords).not.toContain('catalogue-00');
    expect(digest.metadata.eventType).toBe('ECS incident digest');
    expect(grouped.metadata.threadId).toMatch(/^incident-/);
    expect(digest.metadata.threadId).toBe(grouped.metadata.threadId);
    expect(digest.id).not.toBe(grouped.id);
  });

  it('keeps hostile service names inert', () => {
    const names = [
      '<!channel>',
      '[click](https://evil.example)',
      '@here *bold* `code`',
      '![img](https://x.example/a.png)',
    ];
    const n = renderAmazonQIncident(outage(names));
    expect(notificationProblems(n)).toEqual([]);
    expect(notificationSafetyProblems(n)).toEqual([]);
  });

  it('reads as a success once every service recovered', () => {
    const n = renderAmazonQIncident(outage(thirty.slice(0, 2), { recovered: thirty.slice(0, 2) }));
    expect(n.content.keywords).toContain('success');
    expect(n.content.keywords).not.toContain('example-api-v1');
    expect(n.content.description).toContain('2 recovered');
  });
});
