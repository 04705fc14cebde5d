/**
 * Hand-written payloads shaped like the alerts DESIGN.md §6 describes, for the gallery until the
 * real renderer exists.
 *
 * Two colour layouts are shown on purpose: `{ text, attachments }` (DESIGN.md as written: Slack
 * then shows `text` as the message body above the bar) and `{ text, blocks, attachments }` (the
 * header at the top level, so `text` stays a notification-only fallback).
 *
 * To draw the real renderer's output instead, add a module next to this one that exports the same
 * `galleryEntries()` over fixture events, importing the built package by a computed specifier (so
 * type checks never need `dist/`), and point `npm run gallery` at it with `--entries`:
 *
 * ```ts
 * const dist: string = new URL('../../dist/index.js', import.meta.url).href;
 * const { parseEcsEvent, renderMessage } = (await import(dist)) as typeof import('../../src/index.js');
 * return CASES.map(({ kind, fixture, ...entry }) => ({ ...entry, message: renderMessage(parseEcsEvent(loadFixture(kind, fixture))) }));
 * ```
 */
import type { KnownBlock, MrkdwnElement, PlainTextElement } from '@slack/types';
import type { GalleryEntry } from './types.js';

const md = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text });
const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text, emoji: true });
const field = (label: string, value: string): MrkdwnElement => md(`*${label}*\n${value}`);
const date = (seconds: number, fallback: string): string => `<!date^${seconds}^{date_short_pretty} at {time}|${fallback}>`;

const REGION = 'us-east-1';
const CONSOLE = `https://${REGION}.console.aws.amazon.com/ecs/v2/clusters/prod`;
const TASK_ID = '4f2c7d1e9a8b4c3d8e7f6a5b4c3d2e1f';
const DEPLOYMENT = 'ecs-svc/6548929173604859214';
const context = (seconds: number, fallback: string): KnownBlock => ({
  type: 'context',
  elements: [md(`:cloud: 111122223333 · ${REGION} · ${date(seconds, fallback)}`)],
});

const oomKill: GalleryEntry = {
  name: 'task-oom-kill',
  title: 'Task killed: out of memory (error, red)',
  description: 'A service task whose essential container hit its hard memory limit. Layout { text, attachments }: Slack shows the top-level text as the message body, above the bar.',
  message: {
    text: 'checkout-api (prod): task 4f2c7d1e stopped, container web ran out of memory (exit 137)',
    attachments: [
      {
        color: 'danger',
        blocks: [
          { type: 'header', text: plain(':red_circle: checkout-api: task killed, out of memory') },
          { type: 'section', text: md('Container *web* was killed for using more than its *1024 MiB* memory limit (exit code `137`).') },
          {
            type: 'section',
            fields: [
              field('Cluster', 'prod'),
              field('Service', `<${CONSOLE}/services/checkout-api/health?region=${REGION}|checkout-api>`),
              field('Task', `<${CONSOLE}/tasks/${TASK_ID}/configuration?region=${REGION}|4f2c7d1e>`),
              field('Task definition', '`checkout-api:42`'),
              field('Started', date(1763551200, '2025-11-19 11:20 UTC')),
              field('Stopped', date(1763555730, '2025-11-19 12:35 UTC')),
            ],
          },
          { type: 'section', text: md('> OutOfMemoryError: Container killed due to memory usage') },
          {
            type: 'section',
            text: md(
              ':bulb: Raise the container memory limit, or look for a leak in the last deployment. ' +
                '<https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html|Memory in ECS>',
            ),
          },
          context(1763555730, '2025-11-19 12:35 UTC'),
        ],
      },
    ],
  },
};

const rollback: GalleryEntry = {
  name: 'deployment-rollback',
  title: 'Deployment rolling back (warning, amber)',
  description:
    'The deployment circuit breaker gave up and ECS rolls back to the previous revision. Layout { text, blocks, attachments }: the header is a top-level block, so the top-level text is only the notification.',
  message: {
    text: 'checkout-api (prod): deployment failed, rolling back to checkout-api:41',
    blocks: [{ type: 'header', text: plain(':rewind: checkout-api: deployment rolling back') }],
    attachments: [
      {
        color: 'warning',
        blocks: [
          {
            type: 'section',
            text: md(`Deployment \`${DEPLOYMENT}\` tripped the *circuit breaker*; ECS is restoring \`checkout-api:41\`.`),
          },
          { type: 'section', text: md('> ECS deployment circuit breaker: 3 tasks failed to start.') },
          {
            type: 'section',
            fields: [
              field('Cluster', 'prod'),
              field('Service', 'checkout-api'),
              field('Failed revision', '`checkout-api:42`'),
              field('Rolling back to', '`checkout-api:41`'),
              field('Started', date(1763554500, '2025-11-19 12:15 UTC')),
              field('Failed tasks', '3 of 6'),
            ],
          },
          {
            type: 'actions',
            elements: [
              { type: 'button', text: plain('View deployment'), url: `${CONSOLE}/services/checkout-api/deployments?region=${REGION}`, style: 'primary', action_id: 'deployment' },
              { type: 'button', text: plain('Service events'), url: `${CONSOLE}/services/checkout-api/events?region=${REGION}`, action_id: 'events' },
            ],
          },
          context(1763556400, '2025-11-19 12:46 UTC'),
        ],
      },
    ],
  },
};

const recovered: GalleryEntry = {
  name: 'service-recovered',
  title: 'Service recovered (success, green)',
  description: 'The steady state that follows a problem on the same service, announced once.',
  message: {
    text: 'checkout-api (prod) recovered: steady state, 6 of 6 tasks running',
    attachments: [
      {
        color: 'good',
        blocks: [
          { type: 'header', text: plain(':large_green_circle: checkout-api recovered') },
          { type: 'section', text: md('The service reached a *steady state* 55 min after the first problem. :white_check_mark:') },
          {
            type: 'section',
            fields: [field('Cluster', 'prod'), field('Running', '6 of 6 tasks'), field('Task definition', '`checkout-api:41`'), field('Problems', '2 since 12:35')],
          },
          context(1763557800, '2025-11-19 13:10 UTC'),
        ],
      },
    ],
  },
};

const deploymentStarted: GalleryEntry = {
  name: 'deployment-started',
  title: 'Deployment started (info, compact, no colour)',
  description: 'A compact message for routine events: one section and a context line, no attachment.',
  message: {
    text: 'checkout-api (prod): deployment started, rolling out checkout-api:43',
    blocks: [
      {
        type: 'section',
        text: md(
          `:rocket: *checkout-api* deployment started: rolling out \`checkout-api:43\` to 6 tasks. ` +
            `<${CONSOLE}/services/checkout-api/deployments?region=${REGION}|View deployment>`,
        ),
      },
      context(1763559000, '2025-11-19 13:30 UTC'),
    ],
  },
};

/** The gallery's messages, in page order. */
export function galleryEntries(): Promise<GalleryEntry[]> {
  return Promise.resolve([oomKill, rollback, recovered, deploymentStarted]);
}
