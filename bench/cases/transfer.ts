/**
 * Benchmark 5: a 100 MB upload (multipart, file Blob from `fs.openAsBlob`) and 100 MB / 300 MB
 * downloads read with `downloadStream`, each in a fresh process, with peak RSS growth. Plain
 * fetch reading the same body is the baseline (its peak is the garbage collector's lag on 64 kB
 * chunks, not data held); `download` (the file in memory) shows what streaming saves.
 */
import { fmt, inChild, report, servers } from "../lib.js";

interface Run {
  ms: number;
  bytes: number;
  peakMB: number;
}

const all = servers();
const upload = await inChild<Run>("transfer-run", all, ["upload", "100"]);
const stream = await inChild<Run>("transfer-run", all, ["stream", "100"]);
const plain = await inChild<Run>("transfer-run", all, ["plain", "100"]);
const stream300 = await inChild<Run>("transfer-run", all, ["stream", "300"]);
const buffered = await inChild<Run>("transfer-run", all, ["buffered", "100"]);
const rate = (r: Run) => `${fmt(r.bytes / 1024 / 1024 / (r.ms / 1000), 0)} MB/s`;
const line = (r: Run) => `${fmt(r.ms, 0)} ms (${rate(r)}), peak RSS +${fmt(r.peakMB)} MB`;
report([
  {
    bench: "5 transfer",
    measure: "upload 100 MB: create(data, openAsBlob(file))",
    value: line(upload),
    target: "file not held (< 64 MB)",
    pass: upload.peakMB < 64,
    data: { ...upload },
  },
  {
    bench: "5 transfer",
    measure: "download 100 MB: downloadStream, chunk by chunk",
    value: `${line(stream)}; plain fetch +${fmt(plain.peakMB)} MB`,
    target: "file not held (< 100 MB), <= plain + 16 MB",
    pass: stream.peakMB < 100 && stream.peakMB <= plain.peakMB + 16,
    data: { ...stream, plainPeakMB: plain.peakMB, plainMs: plain.ms },
  },
  {
    bench: "5 transfer",
    measure: "download 300 MB: downloadStream",
    value: line(stream300),
    target: "peak does not grow with size (< 100 MB)",
    pass: stream300.peakMB < 100,
    data: { ...stream300 },
  },
  {
    bench: "5 transfer",
    measure: "download 100 MB: download() into memory (contrast)",
    value: line(buffered),
    target: "-",
    pass: null,
    data: { ...buffered },
  },
]);
