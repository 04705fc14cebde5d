/**
 * Rendering options, and the look of each severity and outcome.
 *
 * @module
 */
import type { Classification, Severity } from '../classify/classification.js';
import type { EcsEvent } from '../events/index.js';
import type { Evidence } from './evidence.js';
import type { Mention, Mrkdwn, PlainText } from './mrkdwn.js';

/**
 * An extra field shown in the message's field grid: `value` as plain text (escaped), or `mrkdwn`
 * built with the helpers of `ecs-slack/slack` (`date()` for a time in each reader's time zone,
 * `link()`, `trusted()`), shown as it is.
 *
 * @example
 * ```ts
 * import { date, trusted } from 'ecs-slack/slack';
 *
 * const fields = [{ label: 'Team', value: 'payments' }, { label: 'Owner', mrkdwn: trusted('*@ana*') }];
 * const stamped = (event: EcsEvent) => [{ label: 'Seen', mrkdwn: date(event.time, '{date_long} {time}') }];
 * ```
 */
export interface ExtraField {
  /** Field label, plain text, for example `Team`. */
  readonly label: string;
  /** Field value, plain text: escaped, formatting characters made inert, cut with an ellipsis to fit. */
  readonly value?: PlainText;
  /**
   * Field value as mrkdwn, used instead of `value`: shown whole, or not at all when it does not fit
   * in the field (about 1,900 characters).
   */
  readonly mrkdwn?: Mrkdwn;
}

/**
 * A link to logs, built by {@link RenderOptions.logLink}.
 */
export interface LogLink {
  /** Absolute http(s) URL; a link with any other scheme is left out of the message. */
  readonly url: string;
  /** Link text, `Logs` by default. */
  readonly label?: string;
}

/**
 * How {@link renderMessage} draws a message. Every option is optional.
 */
export interface RenderOptions {
  /**
   * Put the blocks in an attachment with a colour bar by severity (red, amber, green, grey).
   * Default `true`.
   */
  readonly color?: boolean;
  /** `full` (header, fields, reason, hint, links) or `compact` (two blocks). Default `full`. */
  readonly variant?: 'full' | 'compact';
  /**
   * Who to mention per severity, for example `{ error: [{ userGroup: 'S0123ABCD' }] }`.
   * `here` and `channel` are only used when listed. Default: nobody.
   */
  readonly mentions?: Readonly<Partial<Record<Severity, readonly Mention[]>>>;
  /**
   * A custom title instead of `<service>: <outcome>` (plain text). The severity emoji still
   * leads it, as it leads every title: the colour of the message is in it.
   */
  readonly title?: string | ((event: EcsEvent, classification: Classification) => string);
  /**
   * Extra fields after the library's in the field grid. Slack shows at most 10: the library's key
   * fields (task Deployment, Started, Stopped, Uptime; the time of other events) are always kept,
   * then yours in order, then the library's others while there is room.
   */
  readonly fields?:
    | readonly ExtraField[]
    | ((event: EcsEvent, classification: Classification) => readonly ExtraField[]);
  /**
   * Builds a link to the logs (CloudWatch or elsewhere) for an event, or `undefined` for none.
   * It is shown after the console links, even when its URL is one of them; a URL that is not
   * http(s), or is longer than Slack takes (3,000 characters), is left out.
   */
  readonly logLink?: (event: EcsEvent, classification: Classification) => LogLink | string | undefined;
  /**
   * Draw console links as link buttons instead of mrkdwn links. Default `false`: link buttons
   * show a warning in Slack unless the app has an interactivity URL.
   */
  readonly buttons?: boolean;
  /**
   * Acknowledge and Mute 1h / 4h / 24h buttons on alerts about a service (and Mute of the
   * service's cause, when the alert names one), handled by `registerEcsSlackActions` of
   * `ecs-slack/slack-actions`. Needs {@link RenderOptions.signingSecret}; without it, no buttons.
   * Only for a Slack app with an interactivity request URL. Default `false`.
   */
  readonly interactive?: boolean;
  /**
   * The Slack app's signing secret: with `interactive`, each button's value is signed with it
   * (HMAC-SHA256), so the server acts only on values it made. Never shown in a message.
   */
  readonly signingSecret?: string;
  /**
   * Root-cause evidence from `ecs-slack/aws` (`createEnricher`): the failing container's last
   * log lines in a code block, links to its log stream and Logs Insights, the latest stopped task
   * of a service, and notes on what could not be fetched. Default: none.
   */
  readonly evidence?: Evidence;
  /**
   * The look of a severity, replacing any of the default's emoji (a shortcode such as
   * `:fire:`), colour (`#RRGGBB`) and label. A label you set prefixes the notification text
   * (`Sev1: …`). A policy's `styles` arrive here. Default {@link SEVERITY_STYLES}.
   */
  readonly styles?: Readonly<Partial<Record<Severity, Partial<SeverityStyle>>>>;
}

/**
 * How a severity looks: emoji, attachment colour, and a word.
 */
export interface SeverityStyle {
  /** Emoji shortcode for the header. */
  readonly emoji: string;
  /** Attachment colour bar. */
  readonly color: string;
  /** Word for notifications. */
  readonly label: string;
}

/**
 * The look of each severity: red, amber, green and grey.
 */
export const SEVERITY_STYLES: Readonly<Record<Severity, SeverityStyle>> = {
  error: { emoji: ':rotating_light:', color: '#E01E5A', label: 'Error' },
  warning: { emoji: ':large_yellow_circle:', color: '#ECB22E', label: 'Warning' },
  success: { emoji: ':large_green_circle:', color: '#2EB67D', label: 'Success' },
  info: { emoji: ':white_circle:', color: '#A0A0A6', label: 'Info' },
};

/** An emoji shortcode, as a style's `emoji` must be. */
const SHORTCODE = /^:[a-z0-9_+'-]+:$/;
/** A colour, as a style's `color` must be. */
const HEX_COLOR = /^#[0-9A-Fa-f]{6}$/;

/**
 * Why a style override cannot be used, or `undefined` when it can: the emoji must be a
 * shortcode and the colour `#RRGGBB`, so that neither can carry markup.
 *
 * @internal
 */
export function styleProblem(style: Partial<SeverityStyle>): string | undefined {
  if (style.emoji !== undefined && !SHORTCODE.test(style.emoji)) return 'emoji: expected a shortcode such as :fire:';
  if (style.color !== undefined && !HEX_COLOR.test(style.color)) return 'color: expected #RRGGBB';
  if (style.label !== undefined && !(typeof style.label === 'string' && /^\S.{0,39}$/su.test(style.label.trim())))
    return 'label: expected a non-empty string of at most 40 characters';
  return undefined;
}

/**
 * The style of a severity in force: the defaults with the options' overrides, each override
 * used only when {@link styleProblem} finds nothing wrong with it; `label` only when set there.
 *
 * @internal
 */
export function severityStyle(
  severity: Severity,
  options: RenderOptions,
): SeverityStyle & { readonly customLabel?: string } {
  const base = SEVERITY_STYLES[severity];
  const custom = options.styles?.[severity];
  if (custom === undefined || styleProblem(custom) !== undefined) return base;
  return {
    emoji: custom.emoji ?? base.emoji,
    color: custom.color ?? base.color,
    label: custom.label ?? base.label,
    ...(custom.label === undefined ? {} : { customLabel: custom.label.trim() }),
  };
}
