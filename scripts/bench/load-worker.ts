/**
 * The load generator, run as its own process so it never shares an event loop with the server it measures:
 * autocannon with the spec given as JSON in argv, the result written as JSON to stdout.
 */
import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from './load.ts';

const spec = JSON.parse(process.argv[2] ?? '') as LoadSpec;

/** Posts are all different, as the duplicate check wants: each gets this process's id and a counter. */
function postRequest(post: Record<string, unknown>): autocannon.Request {
  let n = 0;
  return {
    method: 'POST',
    setupRequest: (request) => ({
      ...request,
      body: JSON.stringify({ ...post, body: `Benchmark comment ${process.pid}-${++n}: ${String(post.body ?? '')}` }),
    }),
  };
}

const result = await autocannon({
  // autocannon takes several URLs and gives each connection the next one in turn; its types say one.
  url: spec.urls as unknown as string,
  connections: spec.connections,
  duration: spec.seconds,
  ...(spec.maxRequests ? { maxOverallRequests: spec.maxRequests } : {}),
  ...(spec.sampleMs ? { sampleInt: spec.sampleMs } : {}),
  headers: { ...spec.headers, ...(spec.post ? { 'content-type': 'application/json' } : {}) },
  ...(spec.post ? { requests: [postRequest(spec.post)] } : {}),
});

const statuses: Record<string, number> = {};
for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = stat.count ?? 0;
const responses = Object.values(statuses).reduce((a, b) => a + b, 0);
const out: LoadResult = {
  responses,
  seconds: result.duration,
  perSecond: responses / result.duration,
  medianPerSecond: result.requests.p50 * (1000 / (spec.sampleMs ?? 1000)),
  p50: result.latency.p50,
  p99: result.latency.p99,
  statuses,
  errors: result.errors,
  timeouts: result.timeouts,
  bytesPerResponse: responses ? result.throughput.total / responses : 0,
};
process.stdout.write(JSON.stringify(out));
