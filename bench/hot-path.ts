import { do_not_optimize } from 'mitata';
import { parseEcsEvents } from 'ecs-slack';
import { STOPPED_TASK_TEXT } from './fixture.js';
import { medianNs } from './stats.js';

/** One measured stage of the hot path. */
export interface Stage {
  readonly name: string;
  readonly nsPerOp: number;
}

/** Measures JSON.parse alone and unwrap + parse of the same string, in one process. */
export async function hotPath(): Promise<{ stages: Stage[]; unwrapParseVsJsonParse: number }> {
  const text = STOPPED_TASK_TEXT;
  const jsonParse = await medianNs(() => do_not_optimize(JSON.parse(text)));
  const unwrapParse = await medianNs(() => {
    const [record] = parseEcsEvents(text);
    if (!record?.success) throw new Error('benchmark event failed to parse');
    do_not_optimize(record);
  });
  return {
    stages: [
      { name: 'JSON.parse', nsPerOp: jsonParse },
      { name: 'unwrap + parse (includes JSON.parse)', nsPerOp: unwrapParse },
    ],
    unwrapParseVsJsonParse: unwrapParse / jsonParse,
  };
}
