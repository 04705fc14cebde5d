/**
 * Evidence while it is gathered: filled step by step, so a budget that runs out still returns
 * what was found, with one note on the step that did not finish.
 *
 * @internal
 * @module
 */
import type { Evidence, LogLocation, StoppedTaskSummary } from '../render/evidence.js';
import { failureNote } from './failure.js';

/**
 * Mutable evidence; {@link EvidenceDraft.snapshot} gives the plain, frozen result.
 *
 * @internal
 */
export class EvidenceDraft {
  container: string | undefined;
  log: LogLocation | undefined;
  stream: string | undefined;
  insights: string | undefined;
  lines: readonly string[] = [];
  stoppedTask: StoppedTaskSummary | undefined;
  readonly #notes: string[] = [];
  /** The step under way: what is missing if it fails, and the IAM action it needs. */
  #step: { readonly what: string; readonly action: string } | undefined;
  #closed = false;

  /** Marks the start of an AWS call. */
  step(what: string, action: string): void {
    this.#step = { what, action };
  }

  /** Marks the current step done. */
  done(): void {
    this.#step = undefined;
  }

  /** Adds a note (once). */
  note(text: string): void {
    if (!this.#closed && !this.#notes.includes(text)) this.#notes.push(text);
  }

  /** Records the failure of the current step as its note (`logs unavailable: AccessDenied`). */
  fail(error: unknown): void {
    const step = this.#step ?? { what: 'evidence unavailable', action: '' };
    this.note(failureNote(step.what, step.action, error));
    this.#step = undefined;
  }

  /** The evidence so far; later changes (from work that outlived the budget) are ignored. */
  snapshot(): Evidence {
    this.#closed = true;
    const links: { stream?: string; insights?: string } = {};
    if (this.stream !== undefined) links.stream = this.stream;
    if (this.insights !== undefined) links.insights = this.insights;
    const evidence: { -readonly [K in keyof Evidence]: Evidence[K] } = {
      links,
      lines: [...this.lines],
      notes: [...this.#notes],
    };
    if (this.container !== undefined) evidence.container = this.container;
    if (this.log !== undefined) evidence.log = this.log;
    if (this.stoppedTask !== undefined) evidence.stoppedTask = this.stoppedTask;
    return evidence;
  }
}
