/**
 * The shared anatomy of every Amazon Q notification: title, description (summary, culprit,
 * facts, reason, links, context), next steps and keywords, always within {@link AMAZON_Q_LIMITS}.
 *
 * @internal
 * @module
 */
import type { Classification, Hint, Severity } from '../../classify/classification.js';
import { canonicalUtcMillis } from '../../internal/time.js';
import type { DraftLink } from '../layout.js';
import { fitId, fitProse } from '../limits.js';
import { severityStyle, type RenderOptions } from '../options.js';
import { AMAZON_Q_LIMITS, fitItems } from './limits.js';
import { escapeClientMarkdown, mdBlock, mdBold, mdCode, mdLink, mdTrusted, type ClientMarkdown } from './markdown.js';
import { plainId } from './metadata.js';
import type { AmazonQMetadata, AmazonQNotification } from './types.js';

/**
 * A fact of the description: a label and its value, linked to the console when there is a link.
 *
 * @internal
 */
export interface QFact {
  readonly label: string;
  /** Rendered value; `undefined` leaves the fact out. */
  readonly value: ClientMarkdown | undefined;
}

/**
 * What a kind-specific drafter decides; {@link assembleQ} lays it out.
 *
 * @internal
 */
export interface QDraft {
  /** Plain text (`web: out of memory`). */
  readonly title: string;
  /** One plain sentence. */
  readonly summary: string;
  readonly severity: Severity;
  /** A line about the culprit container, already rendered. */
  readonly culprit?: ClientMarkdown;
  readonly facts: readonly QFact[];
  /** The AWS text that explains the event (raw). */
  readonly reason?: string;
  /** Label of the reason, `Reason` by default. */
  readonly reasonLabel?: string;
  readonly hint?: Hint;
  readonly links: readonly DraftLink[];
  /** Account, Region and time, rendered. */
  readonly context: readonly ClientMarkdown[];
  readonly classification: Classification;
  /** Metadata beyond the summary and keywords. */
  readonly metadata: Omit<AmazonQMetadata, 'summary'>;
  readonly id: string;
  /** The render options' style overrides. */
  readonly styles?: RenderOptions['styles'];
}

/** Room for each part of the description; the reason takes what the others leave (at least 290). */
const ROOM = { summary: 600, culprit: 300, facts: 900, links: 700, context: 200 } as const;
const SEPARATOR = '\n\n';
/** A link the clients open: http(s) and a host. */
const WEB_URL = /^https?:\/\/[^\s/?#]/i;

/**
 * A fact's value: linked to the console when there is a link, else an inline code span.
 *
 * @internal
 */
export function factValue(value: string | undefined, url?: string): ClientMarkdown | undefined {
  if (value === undefined || value === '') return undefined;
  return url === undefined ? mdCode(value) : mdLink(url, value);
}

/**
 * An ISO time as plain UTC text (`2020-03-16 15:37 UTC`), or the text itself, inert, when it
 * does not parse. Chat clients have no date tokens that every one of them reads.
 *
 * @internal
 */
export function utcText(iso: string | undefined): ClientMarkdown | undefined {
  if (iso === undefined || iso === '') return undefined;
  const millis = canonicalUtcMillis(iso) ?? Date.parse(iso);
  if (Number.isNaN(millis)) return escapeClientMarkdown(iso);
  const text = new Date(millis).toISOString();
  return mdTrusted(`${text.slice(0, 10)} ${text.slice(11, 16)} UTC`);
}

/** Facts joined by ` · `: each fact whole (identifiers are never cut), as many as fit. */
function factsLine(facts: readonly QFact[]): ClientMarkdown | undefined {
  let out = '';
  for (const { label, value } of facts) {
    if (value === undefined) continue;
    const fact = `${mdBold(escapeClientMarkdown(`${label}:`))} ${value}`;
    const next = out === '' ? fact : `${out} · ${fact}`;
    if (next.length <= ROOM.facts) out = next;
  }
  return out === '' ? undefined : mdTrusted(out);
}

/** The links line: as many links as fit, then "and N more". */
function linksLine(links: readonly DraftLink[]): ClientMarkdown | undefined {
  const items = links.flatMap(({ label, url }) =>
    url === undefined || !WEB_URL.test(url) ? [] : [mdLink(url, label)],
  );
  if (items.length === 0) return undefined;
  const head = `${mdBold(mdTrusted('Links:'))} `;
  let out = head;
  for (let i = 0; i < items.length; i++) {
    const next = `${out}${i === 0 ? '' : ' · '}${items[i]}`;
    const tail = i === items.length - 1 ? '' : ` · and ${items.length - i - 1} more`;
    if (next.length + tail.length > ROOM.links) {
      return i === 0 ? undefined : mdTrusted(`${out} · and ${items.length - i} more`);
    }
    out = next;
  }
  return mdTrusted(out);
}

/** The hint as the first next step: the fix, cut to fit, and its AWS docs link. */
function hintStep(hint: Hint): string {
  const docs = mdLink(hint.docsUrl, 'AWS docs');
  return `${fitProse(hint.fix, AMAZON_Q_LIMITS.nextStep - docs.length - 1, escapeClientMarkdown)} ${docs}`;
}

/** A keyword: an identifier shown whole, or left out. */
function keyword(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : fitId(escapeClientMarkdown(value), AMAZON_Q_LIMITS.keyword);
}

/**
 * Lays a draft out as a notification.
 *
 * @internal
 */
export function assembleQ(draft: QDraft): AmazonQNotification {
  const c = draft.classification;
  const style = severityStyle(draft.severity, draft.styles === undefined ? {} : { styles: draft.styles });
  const emoji = style.emoji;
  const label = style.customLabel === undefined ? '' : `${escapeClientMarkdown(style.customLabel)}: `;
  const title = `${emoji} ${fitProse(draft.title, AMAZON_Q_LIMITS.title - emoji.length - 1, escapeClientMarkdown)}`;
  const culprit = draft.culprit === undefined ? undefined : fitId(draft.culprit, ROOM.culprit);
  const context = draft.context.length === 0 ? undefined : fitId(mdTrusted(draft.context.join(' · ')), ROOM.context);
  const before = [fitProse(draft.summary, ROOM.summary, escapeClientMarkdown), culprit, factsLine(draft.facts)];
  const after = [linksLine(draft.links), context];
  const used = [...before, ...after].reduce(
    (sum, part) => sum + (part?.length ?? -SEPARATOR.length) + SEPARATOR.length,
    0,
  );
  let reason: string | undefined;
  if (draft.reason !== undefined && draft.reason.trim() !== '') {
    const label = `${mdBold(escapeClientMarkdown(draft.reasonLabel ?? 'Reason'))}\n`;
    reason = `${label}${fitProse(draft.reason, AMAZON_Q_LIMITS.description - used - label.length, mdBlock)}`;
  }
  const description = [...before, reason, ...after].filter((part) => part !== undefined && part !== '').join(SEPARATOR);
  const id = c.identity;
  const keywords = [keyword(id.cluster), keyword(id.service ?? id.group), c.outcome, c.severity];
  const present = [...new Set(keywords.filter((k): k is string => k !== undefined))];
  return {
    version: '1.0',
    source: 'custom',
    id: plainId(draft.id) ?? 'ecs-slack',
    content: {
      textType: 'client-markdown',
      title,
      description,
      ...(draft.hint === undefined ? {} : { nextSteps: [hintStep(draft.hint)] }),
      keywords: fitItems(present, AMAZON_Q_LIMITS.keywords, (n) => `and ${n} more`),
    },
    metadata: {
      summary: `${label}${fitProse(draft.summary, AMAZON_Q_LIMITS.summary - label.length, escapeClientMarkdown)}`,
      ...draft.metadata,
    },
  };
}
