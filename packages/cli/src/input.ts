/**
 * Request input from the command line: `--data` as JSON text, `@file.json` or `-` (stdin), and
 * `--file path` as a Blob opened with `fs.openAsBlob`, so big files stream from disk.
 */
import { openAsBlob } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Readable } from "node:stream";
import type { FileInput } from "mpt-api-client";
import { UsageError } from "./errors.js";
import { pathIn, type Runtime } from "./runtime.js";

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

async function readText(rt: Runtime, path: string, option: string): Promise<string> {
  try {
    return await readFile(pathIn(rt, path), "utf8");
  } catch (error) {
    throw new UsageError(
      `${option}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
}

/** The JSON value of a `--data` value: literal JSON, `@path` or `-` for stdin. */
export async function readJson(spec: string, rt: Runtime): Promise<unknown> {
  const text =
    spec === "-"
      ? await readAll(rt.stdin)
      : spec.startsWith("@")
        ? await readText(rt, spec.slice(1), "--data")
        : spec;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`--data is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The JSON object of a `--data` value: literal JSON, `@path` or `-` for stdin. With `allowList`
 * (collection actions such as replacing a user's groups) a JSON array of objects is accepted too.
 */
export async function readData(spec: string, rt: Runtime): Promise<Record<string, unknown>>;
export async function readData(
  spec: string,
  rt: Runtime,
  allowList: true,
): Promise<Record<string, unknown> | Record<string, unknown>[]>;
export async function readData(
  spec: string,
  rt: Runtime,
  allowList = false,
): Promise<Record<string, unknown> | Record<string, unknown>[]> {
  const value = await readJson(spec, rt);
  const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
  if (allowList && Array.isArray(value)) {
    if (!value.every(isObject)) throw new UsageError("--data must be a JSON object or a list of objects");
    return value as Record<string, unknown>[];
  }
  if (!isObject(value)) {
    throw new UsageError(
      allowList
        ? "--data must be a JSON object ({...}) or a list of objects ([{...}])"
        : "--data must be a JSON object ({...})",
    );
  }
  return value as Record<string, unknown>;
}

/** A file to upload, read from disk as it is sent. */
export async function openFile(path: string, rt: Runtime): Promise<FileInput> {
  try {
    const info = await stat(pathIn(rt, path));
    if (!info.isFile()) throw new UsageError(`--file: ${path} is not a file`);
    return { filename: basename(path), content: await openAsBlob(pathIn(rt, path)) };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--file: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
}
