/**
 * One measurement of benchmark 3, in its own process: reads `STM-<thousands>` charges as JSONL
 * either through `client.billing.statements.charges(id).stream()` (mode `client`: the Node
 * transport, the default on Node; `client-fetch`: the fetch transport) or through a plain
 * line-splitting loop over the fetch body; reports time, records and peak RSS growth.
 */
import { client, PLAIN_HEADERS, RssPeak, reportData, servers } from "../lib.js";

const { url } = servers();
const [mode = "client", thousands = "1000"] = process.argv.slice(4);
const statement = `STM-${thousands}`;
const expected = Number(thousands) * 1_000;

const transport = mode === "client-fetch" ? "fetch" : "node";

async function viaClient(id: string, peak?: RssPeak): Promise<number> {
  let n = 0;
  for await (const charge of client(url, transport).billing.statements.charges(id).stream()) {
    if (charge.id === undefined) throw new Error("charge without id");
    if (++n % 16_384 === 0) peak?.sample();
  }
  return n;
}

async function viaFetch(id: string, peak?: RssPeak): Promise<number> {
  const res = await fetch(`${url}/public/v1/billing/statements/${id}/charges`, {
    headers: { ...PLAIN_HEADERS, accept: "application/jsonl" },
  });
  if (!res.body) throw new Error("no body");
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let rest = "";
  let n = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    const text = rest + decoder.decode(chunk.value, { stream: true });
    let start = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
      if (nl > start) {
        const charge = JSON.parse(text.slice(start, nl)) as { id?: string };
        if (charge.id === undefined) throw new Error("charge without id");
        if (++n % 16_384 === 0) peak?.sample();
      }
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  return n;
}

const run = mode === "plain" ? viaFetch : viaClient;
await run("STM-20");
const peak = new RssPeak();
const cpu = process.cpuUsage();
const start = performance.now();
const records = await run(statement, peak);
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
const peakMB = peak.stop();
if (records !== expected) throw new Error(`${mode}: ${records} records, expected ${expected}`);
reportData({ ms, cpuMs: (used.user + used.system) / 1000, records, peakMB });
