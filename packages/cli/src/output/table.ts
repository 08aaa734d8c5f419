/**
 * Tables for terminals (cli-table3, borderless): a list of records as rows under their column
 * paths, and one record as `field  value` lines. Long cells are cut to fit.
 */
import Table from "cli-table3";
import { cellText, flatten, MAX_CELL, valueAt } from "./columns.js";

const CHARS = {
  top: "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  bottom: "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  left: "",
  "left-mid": "",
  mid: "",
  "mid-mid": "",
  right: "",
  "right-mid": "",
  middle: "  ",
};

function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, Math.max(max - 1, 1))}…` : flat;
}

function render(head: string[] | undefined, rows: string[][]): string {
  const table = new Table({
    ...(head ? { head } : {}),
    chars: CHARS,
    style: { "padding-left": 0, "padding-right": 0, head: [], border: [] },
  });
  table.push(...rows);
  return `${table
    .toString()
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")}\n`;
}

/** Rows of `records` under `columns` (dotted paths). */
export function renderTable(records: readonly unknown[], columns: readonly string[]): string {
  if (records.length === 0) return "";
  const rows = records.map((r) => columns.map((c) => cut(cellText(valueAt(r, c)), MAX_CELL)));
  return render([...columns], rows);
}

/** One record as `path  value` lines, values cut to the terminal width. */
export function renderRecord(record: unknown, width: number): string {
  const fields = [...flatten(record)];
  if (fields.length === 0) return "";
  const keyWidth = Math.max(...fields.map(([k]) => k.length));
  const room = Math.max(width - keyWidth - 2, 20);
  return render(
    undefined,
    fields.map(([k, v]) => [k, cut(cellText(v), room)]),
  );
}
