/**
 * The export progress bar (cli-progress) on stderr: items done, total, rate and ETA when the
 * total is known, items and rate otherwise. Nothing at all when stderr is not a terminal.
 */
import cliProgress from "cli-progress";
import type { Runtime } from "./runtime.js";

export interface ProgressBar {
  /** One more record. */
  tick(): void;
  stop(): void;
}

const SILENT: ProgressBar = { tick: () => undefined, stop: () => undefined };

export function progressBar(rt: Runtime, label: string, total: number | undefined): ProgressBar {
  if (!rt.stderrIsTTY) return SILENT;
  const known = total !== undefined;
  const format = known
    ? `${label} [{bar}] {percentage}% | {value}/{total} items | {rate}/s | ETA {eta_formatted}`
    : `${label} {value} items | {rate}/s | {duration_formatted}`;
  const bar = new cliProgress.SingleBar({
    format,
    stream: rt.stderr,
    barsize: 30,
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 250,
    etaBuffer: 200,
  });
  const started = Date.now();
  let done = 0;
  bar.start(total ?? 0, 0, { rate: "0" });
  return {
    tick() {
      done++;
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.increment(1, { rate: (done / seconds).toFixed(0) });
    },
    stop() {
      bar.stop();
    },
  };
}
