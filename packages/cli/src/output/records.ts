/**
 * Writing records in the chosen format: `json` (an array, streamed), `jsonl` (one per line),
 * `csv` (header from --select, else from the first 100 records) and `table` (kept until the end
 * to size the columns). `printRecord` writes one model (get, create, actions).
 */
import type { Format } from "../options.js";
import { allColumns, cellText, tableColumns, valueAt } from "./columns.js";
import { csvLine } from "./csv.js";
import type { Masker } from "./secrets.js";
import { renderRecord, renderTable } from "./table.js";
import type { TextOut } from "./text-out.js";

export interface RecordWriter {
  write(record: unknown): Promise<void>;
  /** Flushes what is pending; resolves with the number of records written. */
  end(): Promise<number>;
}

export interface WriterOptions {
  /** Columns of tables and CSV (from --select); chosen from the records when absent. */
  columns?: string[] | undefined;
  /** Terminal width for tables. */
  width: number;
  /** Applied to each record before it is written (credential masking, see secrets.ts). */
  mask?: Masker | undefined;
}

const CSV_SAMPLE = 100;

export function recordWriter(format: Format, out: TextOut, options: WriterOptions): RecordWriter {
  const { mask } = options;
  const writer = formatWriter(format, out, options);
  return mask ? { write: (record) => writer.write(mask(record)), end: () => writer.end() } : writer;
}

function formatWriter(format: Format, out: TextOut, options: WriterOptions): RecordWriter {
  let count = 0;
  switch (format) {
    case "jsonl":
      return {
        async write(record) {
          count++;
          await out.write(`${JSON.stringify(record)}\n`);
        },
        async end() {
          await out.end();
          return count;
        },
      };
    case "json":
      return {
        async write(record) {
          const text = JSON.stringify(record, null, 2).replace(/\n/g, "\n  ");
          await out.write(`${count === 0 ? "[\n" : ",\n"}  ${text}`);
          count++;
        },
        async end() {
          await out.write(count === 0 ? "[]\n" : "\n]\n");
          await out.end();
          return count;
        },
      };
    case "csv": {
      let columns = options.columns;
      const pending: unknown[] = [];
      const row = (record: unknown, cols: string[]) => csvLine(cols.map((c) => cellText(valueAt(record, c))));
      const flush = async () => {
        columns ??= allColumns(pending);
        let text = csvLine(columns);
        for (const record of pending.splice(0)) text += row(record, columns);
        await out.write(text);
      };
      let headerDone = false;
      return {
        async write(record) {
          count++;
          if (headerDone && columns) return out.write(row(record, columns));
          pending.push(record);
          if (pending.length >= CSV_SAMPLE || options.columns) {
            await flush();
            headerDone = true;
          }
        },
        async end() {
          if (!headerDone && (pending.length > 0 || columns)) await flush();
          await out.end();
          return count;
        },
      };
    }
    case "table": {
      const records: unknown[] = [];
      return {
        async write(record) {
          records.push(record);
        },
        async end() {
          await out.write(renderTable(records, options.columns ?? tableColumns(records, options.width)));
          await out.end();
          return records.length;
        },
      };
    }
  }
}

/** One model in `format` (a table shows it as `field  value` lines). */
export async function printRecord(
  format: Format,
  record: unknown,
  out: TextOut,
  width: number,
  mask: Masker = (r) => r,
): Promise<void> {
  const shown = mask(record);
  if (format === "jsonl" || format === "csv") {
    const writer = recordWriter(format, out, { width });
    await writer.write(shown);
    await writer.end();
    return;
  }
  await out.write(format === "table" ? renderRecord(shown, width) : `${JSON.stringify(shown, null, 2)}\n`);
  await out.end();
}
