/** Output pieces at unit level: column choice, cells, CSV quoting, safe download names, masking. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { maskToken } from "../src/config-file.js";
import { cellText, flatten, selectedColumns, tableColumns } from "../src/output/columns.js";
import { csvLine } from "../src/output/csv.js";
import { safeFilename } from "../src/output/save-file.js";

describe("columns", () => {
  const records = [
    {
      id: "ORD-1",
      type: { id: "EVT-1", name: "Created" },
      status: "Completed",
      description: "x".repeat(200),
      audit: { created: { at: "2025-01-01" } },
      client: { id: "ACC-1", name: "Adventure Works" },
      lines: [{ id: "ALI-1" }],
      total: 12.5,
    },
  ];

  it("puts leading fields first, then referenced names, then short scalars; skips long text and lists", () => {
    assert.deepEqual(tableColumns(records, 200), ["id", "status", "type.name", "client.name", "total"]);
  });

  it("keeps to the terminal width, always showing the first column", () => {
    assert.deepEqual(tableColumns(records, 10), ["id"]);
    assert.deepEqual(tableColumns(records, 20), ["id", "status"]);
  });

  it("takes the unsigned --select fields as columns", () => {
    assert.deepEqual(selectedColumns("-*,id,+audit,client.name"), ["id", "client.name"]);
    assert.equal(selectedColumns("+audit,-lines"), undefined);
  });

  it("flattens nested objects to dotted paths and renders cells", () => {
    assert.deepEqual([...flatten({ a: { b: { c: 1 } }, d: [1, 2], e: {} }).keys()], ["a.b.c", "d", "e"]);
    assert.equal(cellText(["a", "b"]), "a, b");
    assert.equal(cellText([{ id: 1 }]), '[{"id":1}]');
    assert.equal(cellText(null), "");
    assert.equal(cellText(false), "false");
  });
});

describe("CSV, file names, tokens", () => {
  it("quotes fields with commas, quotes and line breaks", () => {
    assert.equal(csvLine(["a", "b,c", 'say "hi"', "two\nlines"]), 'a,"b,c","say ""hi""","two\nlines"\n');
  });

  it("never writes outside the current directory", () => {
    assert.equal(safeFilename("../../etc/passwd", "x"), "passwd");
    assert.equal(safeFilename("..\\..\\evil.bat", "x"), "evil.bat");
    assert.equal(safeFilename("a\u0000b\u001f.pdf", "x"), "ab.pdf");
    assert.equal(safeFilename("..", "fallback"), "fallback");
    assert.equal(safeFilename(null, "fallback"), "fallback");
  });

  it("masks tokens, showing at most the last four characters of long ones", () => {
    assert.equal(maskToken("idt:TKN-1234-5678:abcdefghijklmnop"), "****mnop");
    assert.equal(maskToken("short-token"), "****");
    assert.equal(maskToken(undefined), "");
  });
});
