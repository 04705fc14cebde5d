// dynalite and a throttling proxy in front of it, in a process of their own so that the
// DynamoDB side of a test runs on the other core. Usage: node throttled-dynalite.mjs RATE SEED
// Prints one JSON line: { "dynalite": "http://127.0.0.1:P", "proxy": "http://127.0.0.1:Q" }.
// The proxy answers a share RATE of the requests the way DynamoDB throttles (HTTP 400 with a
// ProvisionedThroughputExceededException body) without passing them on; GET /stats on it
// returns { requests, throttled }. Stops when its standard input closes.
import { Agent, createServer, request } from 'node:http';
import dynalite from 'dynalite';

const rate = Number(process.argv[2] ?? '0');
let seed = Number(process.argv[3] ?? '1');
/** mulberry32, as test/helpers/random.ts. */
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const THROTTLED = JSON.stringify({
  __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  message: 'The level of configured provisioned throughput for the table was exceeded.',
});

const listen = (server) =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
const db = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
const dbPort = await listen(db);
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
let requests = 0;
let throttled = 0;
const proxy = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res.end(JSON.stringify({ requests, throttled }));
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    requests++;
    if (random() < rate) {
      throttled++;
      res.writeHead(400, {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-requestid': `throttled-${throttled}`,
      });
      res.end(THROTTLED);
      return;
    }
    const onward = request(
      { host: '127.0.0.1', port: dbPort, path: req.url, method: req.method, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    onward.on('error', () => res.destroy());
    onward.end(Buffer.concat(chunks));
  });
});
const proxyPort = await listen(proxy);
process.stdout.write(
  `${JSON.stringify({ dynalite: `http://127.0.0.1:${dbPort}`, proxy: `http://127.0.0.1:${proxyPort}` })}\n`,
);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
