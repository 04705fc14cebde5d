/**
 * A real HTTP server on 127.0.0.1 (random port) that answers each request from a script: a
 * status with a body and headers, a destroyed socket, or no answer at all. It records every
 * request so tests can check exactly what was sent.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './loopback.js';

/** One scripted answer. */
export type Reply =
  | { readonly status: number; readonly body?: string; readonly headers?: Readonly<Record<string, string>> }
  /** Destroy the socket after reading the request: the client sees a reset connection. */
  | 'destroy'
  /** Never answer: the client's timeout has to fire. */
  | 'hang';

/** A request as the server received it. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A running scripted server. */
export interface ScriptedServer {
  /** Base URL, `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** Every request received so far, in order. */
  readonly requests: RecordedRequest[];
  /** Stops the server and drops every open connection (hanging ones too). */
  close(): Promise<void>;
}

/**
 * Starts a server answering request `i` with `script(request, i)` or, for an array, `script[i]`
 * (the last entry repeats).
 */
export async function startScriptedServer(
  script: readonly Reply[] | ((request: RecordedRequest, index: number) => Reply),
): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const pick = (request: RecordedRequest, index: number): Reply => {
    if (typeof script === 'function') return script(request, index);
    const reply = script[Math.min(index, script.length - 1)];
    if (reply === undefined) throw new Error('empty script');
    return reply;
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const reply = pick(request, requests.length);
      requests.push(request);
      if (reply === 'destroy') {
        req.socket.destroy();
      } else if (reply !== 'hang') {
        res.writeHead(reply.status, { 'content-type': 'text/plain; charset=utf-8', ...reply.headers });
        res.end(reply.body ?? '');
      }
    });
  });
  const loopback = await listenOnLoopback(server);
  return {
    origin: loopback.origin,
    requests,
    close: () => loopback.close(),
  };
}
