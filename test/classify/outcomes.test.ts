/**
 * One outcome, one record: every table that depends on outcomes derives from `OUTCOMES`, so a
 * newcomer adds an outcome by adding its record (and the classifier's rule for when it happens).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../src/classify/classification.js';
import { OUTCOMES, type Outcome, outcomesWhere, SEVERITIES, type Severity } from '../../src/classify/outcomes.js';
import { FILTER_PRESETS } from '../../src/filter/presets.js';
import { applyStatelessRules } from '../../src/filter/rules.js';
import { classify, parseEcsEvent, renderDigest, renderMessage } from '../../src/index.js';
import { renderDeploymentCard } from '../../src/slack.js';
import { digestSummary } from '../../src/render/digest.js';
import { SEVERITY_STYLES } from '../../src/render/options.js';
import { loadFixture } from '../helpers/fixtures.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUTCOME_NAMES = Object.keys(OUTCOMES) as Outcome[];
const KINDS = ['task', 'service', 'deployment', 'container-instance', 'unknown'];

const event = parseEcsEvent(loadFixture('task', 'synthetic-task-oom-exit137'));
const base = classify(event);
/** The fixture's classification as if the classifier had said `outcome`. */
const as = (outcome: Outcome): Classification => ({ ...base, outcome, severity: OUTCOMES[outcome].severity });

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('OUTCOMES', () => {
  it.each(OUTCOME_NAMES)('%s has a kind, a severity and a title', (outcome) => {
    const record = OUTCOMES[outcome];
    expect(KINDS).toContain(record.kind);
    expect(SEVERITIES).toContain(record.severity);
    expect(record.title.trim()).not.toBe('');
  });

  it('is the title of every message and digest', () => {
    for (const outcome of OUTCOME_NAMES) {
      const message = renderMessage(event, { classification: as(outcome), color: false });
      const header = (message.blocks![0] as { text: { text: string } }).text.text;
      expect(header).toBe(
        `${SEVERITY_STYLES[OUTCOMES[outcome].severity].emoji} example-api-v1: ${OUTCOMES[outcome].title}`,
      );
      const digest = renderDigest({
        count: 2,
        since: event.time,
        until: event.time,
        latest: { event, classification: as(outcome) },
      });
      expect(JSON.stringify(digest)).toContain(`example-api-v1: ${OUTCOMES[outcome].title}, 2 more times`);
    }
  });

  it('gives each digest its verb', () => {
    for (const outcome of OUTCOME_NAMES) {
      const verb = OUTCOMES[outcome] as { readonly digestVerb?: string };
      const summary = digestSummary({
        count: 3,
        since: event.time,
        until: event.time,
        latest: { event, classification: as(outcome) },
      });
      expect(summary).toContain(verb.digestVerb ?? `had "${outcome}"`);
    }
  });

  it('decides the deployment feed, the routine stops, the churn and the card severities', () => {
    expect(FILTER_PRESETS.alerts.notifyOutcomes).toEqual(outcomesWhere((r) => r.deploymentState !== undefined));
    const options = FILTER_PRESETS.alerts;
    const routine = OUTCOME_NAMES.filter((outcome) => {
      const verdict = applyStatelessRules(event, { ...as(outcome), phase: 'stopped' }, options);
      return verdict !== 'pass' && verdict.reason === 'routine-stop';
    });
    expect(routine).toEqual(outcomesWhere((r) => r.routineStop === true));
    for (const outcome of outcomesWhere((r) => r.deploymentState !== undefined)) {
      const { deploymentState, severity } = OUTCOMES[outcome] as {
        readonly deploymentState: 'in-progress';
        readonly severity: Severity;
      };
      const card = renderDeploymentCard({
        deploymentId: 'ecs-svc/1',
        state: deploymentState,
        tasksStarted: 0,
        tasksFailed: 0,
      });
      expect(card.attachments?.[0]?.color, outcome).toBe(SEVERITY_STYLES[severity].color);
    }
  });

  it('is the only table of outcomes in src/ besides the classifiers, which say when each happens', () => {
    // The classifiers map evidence to outcomes (event names, stop reasons, the summary sentence);
    // everything else must derive from the record. Phase names double as outcomes: left out.
    const classifiers = ['task', 'service', 'deployment', 'container-instance', 'stop-reasons', 'outcomes'].map(
      (name) => join('src', 'classify', `${name}.ts`),
    );
    const phases = new Set(['starting', 'running', 'stopping', 'stopped']);
    const names = OUTCOME_NAMES.filter((outcome) => !phases.has(outcome)).sort((a, b) => b.length - a.length);
    const literal = new RegExp(`'(${names.join('|')})'`, 'g');
    const tables: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      if (classifiers.includes(relative(ROOT, file))) continue;
      const lines = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .split('\n');
      // Three outcomes named within six lines: a table, a list or a chain of comparisons.
      for (let i = 0; i < lines.length; i++) {
        const listed = new Set(
          [
            ...lines
              .slice(i, i + 6)
              .join('\n')
              .matchAll(literal),
          ].map((m) => m[1]),
        );
        if (listed.size >= 3) {
          tables.push(`${relative(ROOT, file)}:${i + 1}: ${[...listed].join(', ')}`);
          break;
        }
      }
    }
    expect(tables).toEqual([]);
  });
});
