import { do_not_optimize } from 'mitata';
import { applyStatelessRules, resolveFilterOptions } from 'ecs-slack/filter';
import { classify, parseEcsEvent, parseEcsEvents, renderMessage } from 'ecs-slack';
import { unwrap } from 'ecs-slack/schemas';
import { handWritten } from './baselines/hand-written.js';
import { powertoolsParse } from './baselines/powertools.js';
import { STOPPED_TASK_TEXT } from './fixture.js';
import { median, medianNs } from './stats.js';

/** One measured stage of the hot path. */
export interface Stage {
  readonly name: string;
  readonly nsPerOp: number;
}

/** A way of handling the event, measured against `JSON.parse` of it in the same rounds. */
export interface Contender {
  readonly name: string;
  readonly nsPerOp: number;
  /** Median over the rounds of (its time / `JSON.parse` time in the same round). */
  readonly vsJsonParse: number;
}

/** The hot path's figures, all measured in this process on the same event text. */
export interface HotPath {
  readonly stages: Stage[];
  /** unwrap + parse of the text, divided by JSON.parse of it. */
  readonly unwrapParseVsJsonParse: number;
  /** unwrap + parse + classify + stateless filter + render + JSON.stringify, divided by JSON.parse. */
  readonly pipelineVsJsonParse: number;
  /**
   * The whole pipeline divided by its floor: `JSON.parse` of the event plus `JSON.stringify` of
   * its message, which any handler that reads the event and posts the message pays.
   */
  readonly pipelineVsJsonFloor: number;
  /** JSON.parse alone, the ecs-slack pipeline, a hand-written handler, Powertools' parser. */
  readonly contenders: Contender[];
}

/** Rounds of measurement; each measures every stage and contender once, in turn. */
const ROUNDS = 7;
/** How long each contender runs before anything is measured. */
const WARM_UP_MS = 2000;
/** How long one measurement in a round runs, at least. */
const ROUND_MS = 150;

/**
 * Measures each stage of the hot path, and compares the whole pipeline, a hand-written handler
 * and Powertools' parser with `JSON.parse` of the same string. Everything is measured in
 * interleaved rounds, so a slow spell of the machine hits all of them alike, and each figure is
 * the median over the rounds (the ratios: the median of the per-round ratios; the floor of a
 * round is its `JSON.parse` plus its `JSON.stringify` of the payload). The stages:
 * unwrap (which includes `JSON.parse`), parse (of the already parsed JSON: validation and copy),
 * classify, the stateless filter rules, render, and `JSON.stringify` of the payload.
 */
export async function hotPath(): Promise<HotPath> {
  const text = STOPPED_TASK_TEXT;
  const rules = resolveFilterOptions({ preset: 'alerts' });
  const raw: unknown = JSON.parse(text);
  const event = parseEcsEvent(raw);
  const c = classify(event);
  const message = renderMessage(event, { classification: c });

  const pipeline = (): string => {
    const [record] = parseEcsEvents(text);
    if (!record?.success) throw new Error('benchmark event failed to parse');
    const classification = classify(record.data);
    if (applyStatelessRules(record.data, classification, rules) !== 'pass')
      throw new Error('benchmark event was filtered out');
    return JSON.stringify(renderMessage(record.data, { classification: classification }));
  };
  const unwrapParse = () => {
    const [record] = parseEcsEvents(text);
    if (!record?.success) throw new Error('benchmark event failed to parse');
    return record;
  };
  if (handWritten(text) === undefined) throw new Error('the hand-written baseline ignored the benchmark event');
  const contenders: ReadonlyArray<readonly [string, () => unknown]> = [
    ['JSON.parse', () => do_not_optimize(JSON.parse(text))],
    ['ecs-slack pipeline', () => do_not_optimize(pipeline())],
    ['hand-written handler', () => do_not_optimize(handWritten(text))],
    ['Powertools parser (EventBridgeEnvelope)', () => do_not_optimize(powertoolsParse(text))],
  ];
  const stages: ReadonlyArray<readonly [string, () => unknown]> = [
    ['unwrap (includes JSON.parse)', () => do_not_optimize(unwrap(text))],
    ['parse (validation)', () => do_not_optimize(parseEcsEvent(raw))],
    ['classify', () => do_not_optimize(classify(event))],
    ['stateless filter', () => do_not_optimize(applyStatelessRules(event, c, rules))],
    ['render', () => do_not_optimize(renderMessage(event, { classification: c }))],
    ['JSON.stringify of the payload', () => do_not_optimize(JSON.stringify(message))],
    ['unwrap + parse', () => do_not_optimize(unwrapParse())],
  ];

  // Steady state first: V8 takes a second or so of running before its optimising compiler has
  // settled on these functions (some take 30-70 ms to compile, on a background thread that
  // shares two cores with everything else), and a short measurement would mostly time the
  // warm-up. Every contender gets the same warm-up (the stages run inside the pipeline's).
  const warmUp = (fn: () => unknown) => {
    const until = performance.now() + WARM_UP_MS;
    while (performance.now() < until) for (let i = 0; i < 100; i++) fn();
  };
  for (const [, fn] of contenders) warmUp(fn);

  const all = [...contenders, ...stages];
  const times = all.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, [, fn]] of all.entries()) times[index]!.push(await medianNs(fn, ROUND_MS));
  }
  const ns = (name: string) => median(times[all.findIndex(([n]) => n === name)]!);
  const vsJsonParse = (name: string) => {
    const index = all.findIndex(([n]) => n === name);
    return median(times[index]!.map((time, round) => time / times[0]![round]!));
  };
  const compared = contenders.map(([name]): Contender => ({ name, nsPerOp: ns(name), vsJsonParse: vsJsonParse(name) }));

  const parseAt = all.findIndex(([n]) => n === 'JSON.parse');
  const stringifyAt = all.findIndex(([n]) => n === 'JSON.stringify of the payload');
  const pipelineAt = all.findIndex(([n]) => n === 'ecs-slack pipeline');
  const floorRatios = times[pipelineAt]!.map(
    (time, round) => time / (times[parseAt]![round]! + times[stringifyAt]![round]!),
  );

  return {
    stages: [
      { name: 'JSON.parse', nsPerOp: ns('JSON.parse') },
      ...stages.map(([name]) => ({ name, nsPerOp: ns(name) })),
      { name: 'whole pipeline', nsPerOp: ns('ecs-slack pipeline') },
    ],
    unwrapParseVsJsonParse: vsJsonParse('unwrap + parse'),
    pipelineVsJsonParse: vsJsonParse('ecs-slack pipeline'),
    pipelineVsJsonFloor: median(floorRatios),
    contenders: compared,
  };
}
