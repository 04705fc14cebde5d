import { do_not_optimize } from 'mitata';
import {
  applyStatelessRules,
  classify,
  parseEcsEvent,
  parseEcsEvents,
  renderMessage,
  resolveFilterOptions,
  unwrap,
} from 'ecs-slack';
import { STOPPED_TASK_TEXT } from './fixture.js';
import { medianNs } from './stats.js';

/** One measured stage of the hot path. */
export interface Stage {
  readonly name: string;
  readonly nsPerOp: number;
}

/** The hot path's figures, all measured in this process on the same event text. */
export interface HotPath {
  readonly stages: Stage[];
  /** unwrap + parse of the text, divided by JSON.parse of it. */
  readonly unwrapParseVsJsonParse: number;
  /** unwrap + parse + classify + stateless filter + render + JSON.stringify, divided by JSON.parse. */
  readonly pipelineVsJsonParse: number;
}

/**
 * Measures each stage of the hot path and the whole of it against `JSON.parse` of the same
 * string: unwrap (which includes `JSON.parse`), parse, classify, the stateless filter rules,
 * render, and `JSON.stringify` of the payload.
 */
export async function hotPath(): Promise<HotPath> {
  const text = STOPPED_TASK_TEXT;
  const rules = resolveFilterOptions({ preset: 'alerts' });
  const event = parseEcsEvent(JSON.parse(text));
  const c = classify(event);
  const message = renderMessage(event, c);

  const jsonParse = await medianNs(() => do_not_optimize(JSON.parse(text)));
  const unwrapOnly = await medianNs(() => do_not_optimize(unwrap(text)));
  const parseOnly = await medianNs(() => do_not_optimize(parseEcsEvent(JSON.parse(text)))) - jsonParse;
  const classifyOnly = await medianNs(() => do_not_optimize(classify(event)));
  const filterOnly = await medianNs(() => do_not_optimize(applyStatelessRules(event, c, rules)));
  const renderOnly = await medianNs(() => do_not_optimize(renderMessage(event, c)));
  const stringifyOnly = await medianNs(() => do_not_optimize(JSON.stringify(message)));
  const unwrapParse = await medianNs(() => {
    const [record] = parseEcsEvents(text);
    if (!record?.success) throw new Error('benchmark event failed to parse');
    do_not_optimize(record);
  });
  const pipeline = await medianNs(() => {
    const [record] = parseEcsEvents(text);
    if (!record?.success) throw new Error('benchmark event failed to parse');
    const classification = classify(record.data);
    if (applyStatelessRules(record.data, classification, rules) !== 'pass') throw new Error('benchmark event was filtered out');
    do_not_optimize(JSON.stringify(renderMessage(record.data, classification)));
  });
  return {
    stages: [
      { name: 'JSON.parse', nsPerOp: jsonParse },
      { name: 'unwrap (includes JSON.parse)', nsPerOp: unwrapOnly },
      { name: 'parse (zod validation)', nsPerOp: parseOnly },
      { name: 'classify', nsPerOp: classifyOnly },
      { name: 'stateless filter', nsPerOp: filterOnly },
      { name: 'render', nsPerOp: renderOnly },
      { name: 'JSON.stringify of the payload', nsPerOp: stringifyOnly },
      { name: 'unwrap + parse', nsPerOp: unwrapParse },
      { name: 'whole pipeline', nsPerOp: pipeline },
    ],
    unwrapParseVsJsonParse: unwrapParse / jsonParse,
    pipelineVsJsonParse: pipeline / jsonParse,
  };
}
