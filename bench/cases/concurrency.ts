/**
 * Benchmark 4: 50 concurrent `iterate` calls (2 000 records each, pages of 100) and two waves of
 * 1 000 concurrent `get` calls. Counts errors, and the sockets the server accepted: iterations
 * must share their connections, and the second wave of gets must open no new one.
 */
import { client, counters, fmt, report, servers, time } from "../lib.js";

const { url, admin } = servers();
const c = client(url);
const ITERATIONS = 50;
const PER_ITERATION = 2_000;
const GETS = 1_000;

let errors = 0;
const count = async <T>(promise: Promise<T>): Promise<T | undefined> => {
  try {
    return await promise;
  } catch (error) {
    errors++;
    if (errors <= 3) console.error(error);
    return undefined;
  }
};

async function iterateAll(): Promise<number> {
  let n = 0;
  for await (const _ of c.catalog.listings.iterate({ batchSize: 100 })) n++;
  return n;
}

await counters(admin, true);
const iterateMs = await time(async () => {
  const totals = await Promise.all(Array.from({ length: ITERATIONS }, () => count(iterateAll())));
  if (totals.some((n) => n !== undefined && n !== PER_ITERATION)) errors++;
});
const afterIterate = await counters(admin, true);

const wave = async () => {
  const results = await Promise.all(
    Array.from({ length: GETS }, () => count(c.catalog.products.get("PRD-1"))),
  );
  if (results.some((r) => r !== undefined && r.id === undefined)) errors++;
};
const firstWaveMs = await time(wave);
const firstWave = await counters(admin, true);
const secondWaveMs = await time(wave);
const secondWave = await counters(admin);

const iteratePass = errors === 0 && afterIterate.connections <= 2 * ITERATIONS;
report([
  {
    bench: "4 concurrency",
    measure: "50 concurrent iterate x 2 000 records",
    value: `${afterIterate.requests} requests on ${afterIterate.connections} connections, ${fmt(iterateMs, 0)} ms, ${errors} errors`,
    target: "no errors, <= 2 connections per iterator",
    pass: iteratePass,
    data: { ...afterIterate, ms: iterateMs, errors },
  },
  {
    bench: "4 concurrency",
    measure: "1 000 concurrent get, twice",
    value: `wave 1: ${firstWave.connections} connections, ${fmt(firstWaveMs, 0)} ms; wave 2: ${secondWave.connections} new, ${fmt(secondWaveMs, 0)} ms; ${errors} errors`,
    target: "no errors, wave 2 reuses every connection",
    pass: errors === 0 && secondWave.connections === 0 && secondWave.requests === GETS,
    data: {
      firstWaveConnections: firstWave.connections,
      secondWaveConnections: secondWave.connections,
      firstWaveMs,
      secondWaveMs,
      errors,
    },
  },
]);
