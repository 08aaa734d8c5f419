/**
 * Benchmark 3: `stream` of 1 000 000 JSONL records, on the client's Node transport (the default
 * on Node) and on its fetch transport, versus a plain line-splitting loop over the same fetch
 * body. Every measurement runs in a fresh process (peak RSS growth is per run); several runs per
 * side, interleaved, the best counts (load from other processes only ever adds time).
 */
import { fmt, inChild, report, servers } from "../lib.js";

interface Run {
  ms: number;
  cpuMs: number;
  records: number;
  peakMB: number;
}

const RUNS = 4;
const all = servers();
const runs: Record<"client" | "clientFetch" | "plain", Run[]> = { client: [], clientFetch: [], plain: [] };
for (let i = 0; i < RUNS; i++) {
  runs.client.push(await inChild<Run>("stream-run", all, ["client", "1000"]));
  runs.plain.push(await inChild<Run>("stream-run", all, ["plain", "1000"]));
  runs.clientFetch.push(await inChild<Run>("stream-run", all, ["client-fetch", "1000"]));
}
const fetchSideMs = Math.min(...runs.clientFetch.map((r) => r.ms));
const fetchSideCpu = Math.min(...runs.clientFetch.map((r) => r.cpuMs));
const clientMs = Math.min(...runs.client.map((r) => r.ms));
const plainMs = Math.min(...runs.plain.map((r) => r.ms));
const clientCpu = Math.min(...runs.client.map((r) => r.cpuMs));
const plainCpu = Math.min(...runs.plain.map((r) => r.cpuMs));
const clientPeak = Math.max(...runs.client.map((r) => r.peakMB));
const plainPeak = Math.max(...runs.plain.map((r) => r.peakMB));
const ratio = clientMs / plainMs;
const rate = (ms: number) => fmt(1_000_000 / (ms / 1000) / 1000, 0);
report([
  {
    bench: "3 stream 1M JSONL",
    measure: `throughput, client (node) vs plain loop (best of ${RUNS})`,
    value: `${rate(clientMs)}k vs ${rate(plainMs)}k rec/s (${fmt(clientMs, 0)} vs ${fmt(plainMs, 0)} ms; ${fmt(ratio, 2)}x time; CPU ${fmt(clientCpu, 0)} vs ${fmt(plainCpu, 0)} ms, ${fmt(clientCpu / plainCpu, 2)}x)`,
    target: "time <= 1.10x",
    pass: ratio <= 1.1,
    data: { clientMs, plainMs, ratio, clientCpuMs: clientCpu, plainCpuMs: plainCpu, records: 1_000_000 },
  },
  {
    bench: "3 stream 1M JSONL",
    measure: `throughput, client (fetch) vs plain loop (best of ${RUNS})`,
    value: `${rate(fetchSideMs)}k rec/s (${fmt(fetchSideMs, 0)} ms; ${fmt(fetchSideMs / plainMs, 2)}x time; CPU ${fmt(fetchSideCpu, 0)} ms, ${fmt(fetchSideCpu / plainCpu, 2)}x)`,
    target: "-",
    pass: null,
    data: { clientFetchMs: fetchSideMs, ratio: fetchSideMs / plainMs, clientFetchCpuMs: fetchSideCpu },
  },
  {
    bench: "3 stream 1M JSONL",
    measure: "peak RSS growth (max of runs)",
    value: `client ${fmt(clientPeak)} MB, plain loop ${fmt(plainPeak)} MB`,
    target: "client < 64 MB",
    pass: clientPeak < 64,
    data: { clientPeakMB: clientPeak, plainPeakMB: plainPeak },
  },
]);
