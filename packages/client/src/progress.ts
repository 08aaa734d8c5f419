/**
 * Progress reporting for iterations and streams: the `Progress` callbacks the engine calls, and
 * `ConsoleProgress`, a ready bar for terminals (items, total, rate, ETA) that writes to stderr.
 */

export interface Progress {
  /** Total number of records, when the server said (once per page for iterate). */
  setTotalItems?(total: number): void;
  /** One record was handed to the caller. */
  itemProcessed?(): void;
  /** Bytes received so far (streams and downloads). */
  bytesReceived?(bytes: number): void;
  /** The iteration ended normally. */
  completed?(): void;
}

interface TextSink {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** A progress bar on a text sink (default: `process.stderr` where it exists). */
export class ConsoleProgress implements Progress {
  private total: number | null = null;
  private done = 0;
  private readonly started = Date.now();
  private lastDraw = 0;
  private readonly sink: TextSink | undefined;
  private readonly label: string;
  private readonly width: number;

  constructor(options: { label?: string; sink?: TextSink; width?: number } = {}) {
    this.label = options.label ?? "Progress";
    this.width = options.width ?? 30;
    this.sink = options.sink ?? defaultSink();
  }

  setTotalItems(total: number): void {
    this.total = total;
    this.draw(false);
  }

  itemProcessed(): void {
    this.done += 1;
    this.draw(false);
  }

  completed(): void {
    this.draw(true);
    this.sink?.write("\n");
  }

  /** The current line, without redrawing (used by tests and custom renderers). */
  render(): string {
    const elapsed = Math.max((Date.now() - this.started) / 1000, 0.001);
    const rate = this.done / elapsed;
    const total = this.total;
    if (total === null || total === 0) {
      return `${this.label} ${this.done} items ${rate.toFixed(0)}/s`;
    }
    const ratio = Math.min(this.done / total, 1);
    const filled = Math.round(ratio * this.width);
    const bar = "#".repeat(filled) + "-".repeat(this.width - filled);
    const eta = rate > 0 ? Math.max(total - this.done, 0) / rate : 0;
    return `${this.label} [${bar}] ${this.done}/${total} ${(ratio * 100).toFixed(0)}% ${rate.toFixed(0)}/s ETA ${eta.toFixed(0)}s`;
  }

  private draw(force: boolean): void {
    if (!this.sink) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.sink.write(`\r${this.render()}`);
  }
}

function defaultSink(): TextSink | undefined {
  const g = globalThis as { process?: { stderr?: TextSink } };
  return g.process?.stderr;
}
