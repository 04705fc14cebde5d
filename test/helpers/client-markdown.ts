/**
 * A checker for the markdown ecs-slack sends to Amazon Q Developer: it takes the text apart the
 * way a markdown client would (fenced blocks, the library's links, code spans, prose) and lists
 * everything that could format, link, mention or open HTML and that the library did not build.
 */

/** Hosts the library links to: the AWS console, AWS docs and re:Post. */
export const OWN_URL: RegExp =
  /^https:\/\/([a-z0-9-]+\.console\.(aws\.amazon\.com|amazonaws\.cn|amazonaws-us-gov\.com)|docs\.aws\.amazon\.com|repost\.aws)\//;

const FENCE = /```\n([\s\S]*?)\n```/g;
const LINK = /\[([^[\]\n]*)\]\((https?:\/\/[^\s()<>]+)\)/g;
const CODE_SPAN = /`([^`\n]*)`/g;
/** What may not appear inside code: a way out, pings, HTML, entities, URL schemes. */
const CODE_BAD = /[`<>&@]|:\/\//;
/** What may not appear in prose: markup, pings, HTML, entities, escapes, URLs and host names. */
const PROSE_BAD = /[`[\]<>&@#|\\~]|:\/\/|[\p{L}\p{N}]\.\p{L}|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/u;

/**
 * The problems of one markdown field: every fenced block, code span, link and bit of prose that
 * event text could have shaped into markup. `allowedUrl` admits links beyond the library's own.
 */
export function markdownProblems(markdown: string, allowedUrl?: RegExp): string[] {
  const problems: string[] = [];
  let rest = markdown.replace(FENCE, (_, body: string) => {
    if (CODE_BAD.test(body)) problems.push(`code block with ${JSON.stringify(body.match(CODE_BAD)?.[0])}`);
    return ' ';
  });
  rest = rest.replace(LINK, (_, label: string, url: string) => {
    if (!OWN_URL.test(url) && !(allowedUrl?.test(url) ?? false)) problems.push(`foreign link ${url}`);
    problems.push(...proseProblems(label).map((p) => `link label: ${p}`));
    return ' ';
  });
  rest = rest.replace(CODE_SPAN, (_, body: string) => {
    if (CODE_BAD.test(body)) problems.push(`code span with ${JSON.stringify(body.match(CODE_BAD)?.[0])}`);
    return ' ';
  });
  problems.push(...proseProblems(rest));
  return problems;
}

/** Prose: only the library's `**bold**` may use `*`; nothing else may form markup. */
function proseProblems(prose: string): string[] {
  const unbolded = prose.replace(/\*\*/g, '');
  const problems: string[] = [];
  if (unbolded.includes('*')) problems.push('a lone *');
  const bad = unbolded.match(PROSE_BAD);
  if (bad !== null) problems.push(`${JSON.stringify(bad[0])} in ${JSON.stringify(prose.slice(0, 200))}`);
  return problems;
}

/** An identifier passed through as it is: no markup, no spaces. */
const PLAIN = /^[A-Za-z0-9_\-.:/+=,]+$/;

/** The notification's shape, as far as the checker reads it. */
interface Notification {
  readonly id?: string;
  readonly content: {
    readonly title?: string;
    readonly description: string;
    readonly nextSteps?: readonly string[];
    readonly keywords?: readonly string[];
  };
  readonly metadata?: {
    readonly threadId?: string;
    readonly summary?: string;
    readonly eventType?: string;
    readonly relatedResources?: readonly string[];
    readonly additionalContext?: Readonly<Record<string, string>>;
  };
}

/**
 * Every field of a notification that event text could have shaped into markup, mentions or
 * links, as `field: problem` lines; identifiers must be plain. Empty when it is safe.
 */
export function notificationSafetyProblems(n: Notification, allowedUrl?: RegExp): string[] {
  const fields: Array<[string, string | undefined]> = [
    ['title', n.content.title],
    ['description', n.content.description],
    ['summary', n.metadata?.summary],
    ...(n.content.nextSteps ?? []).map((step, i): [string, string] => [`nextSteps.${i}`, step]),
    ...(n.content.keywords ?? []).map((k, i): [string, string] => [`keywords.${i}`, k]),
  ];
  const problems = fields.flatMap(([name, value]) =>
    value === undefined ? [] : markdownProblems(value, allowedUrl).map((p) => `${name}: ${p}`),
  );
  const ids: Array<[string, string | undefined]> = [
    ['id', n.id],
    ['threadId', n.metadata?.threadId],
    ...(n.metadata?.relatedResources ?? []).map((arn, i): [string, string] => [`relatedResources.${i}`, arn]),
    ...Object.entries(n.metadata?.additionalContext ?? {}).map(([k, v]): [string, string] => [
      `additionalContext.${k}`,
      v,
    ]),
  ];
  for (const [name, value] of ids)
    if (value !== undefined && !PLAIN.test(value))
      problems.push(`${name}: not a plain identifier ${JSON.stringify(value)}`);
  if (n.metadata?.eventType !== undefined && !/^[A-Za-z0-9 _\-.:/]+$/.test(n.metadata.eventType))
    problems.push('eventType: not plain words');
  return problems;
}
