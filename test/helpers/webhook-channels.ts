/**
 * Slack channels as incoming webhooks on one loopback server, one path each, that accept every
 * post (`ok`) except on the paths listed in `refusing` (404 `no_service`, which the webhook
 * sender does not retry), with a dynalite table beside them: for tests of several destinations.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startDynaliteTable, type DynaliteTable } from './dynalite.js';
import { startScriptedServer, type Reply, type ScriptedServer } from './slack-server.js';

/** The running server and table of a suite. */
export interface WebhookChannels {
  readonly server: ScriptedServer;
  readonly table: DynaliteTable;
  /** Paths refused while listed; cleared after each test. */
  readonly refusing: Set<string>;
}

/** Starts the server and the table before the suite and stops them after; call the getter inside tests. */
export function webhookChannelsForSuite(): () => WebhookChannels {
  let channels: WebhookChannels | undefined;
  const refusing = new Set<string>();
  beforeAll(async () => {
    const server = await startScriptedServer(
      (request): Reply =>
        refusing.has(request.path) ? { status: 404, body: 'no_service' } : { status: 200, body: 'ok' },
    );
    channels = { server, table: await startDynaliteTable(), refusing };
  });
  afterAll(async () => {
    await channels?.server.close();
    await channels?.table.close();
  });
  afterEach(() => refusing.clear());
  return () => {
    if (channels === undefined) throw new Error('the channels are only there inside tests');
    return channels;
  };
}
