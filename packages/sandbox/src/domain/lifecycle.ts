/**
 * Writing records the way the platform does: audit events (`audit.<event>.{at, by}`), status
 * changes, and the delayed ones (`Validating` settles to `Validated` after the answer).
 */
import type { Caller } from "../http/auth.js";
import type { SandboxContext } from "../http/context.js";
import { isObject, type JsonObject } from "../shared/json.js";

/** `audit.<event>` for a status: `Pending` -> `pending`, `Published` -> `published`. */
export function auditEvent(status: string): string {
  const word = status.replace(/\s+(\w)/g, (_, c: string) => c.toUpperCase());
  return word.charAt(0).toLowerCase() + word.slice(1);
}

export function stamp(ctx: SandboxContext, caller: Caller | undefined): JsonObject {
  const by: JsonObject = caller
    ? { id: caller.tokenId ?? caller.accountId, name: caller.accountName }
    : { id: "SYSTEM", name: "Marketplace Platform" };
  return { at: new Date(ctx.now()).toISOString(), by };
}

/** A copy of `record` with audit events added. */
export function withAudit(record: JsonObject, events: readonly string[], at: JsonObject): JsonObject {
  const audit: JsonObject = isObject(record["audit"]) ? { ...record["audit"] } : {};
  for (const e of events) audit[e] = at;
  return { ...record, audit };
}

/** A copy of `record` in `status`, with the audit event of that status and `updated`. */
export function withStatus(
  ctx: SandboxContext,
  record: JsonObject,
  status: string,
  caller?: Caller,
): JsonObject {
  return withAudit({ ...record, status }, [auditEvent(status), "updated"], stamp(ctx, caller));
}

/** Schedules `to` for a record once the current answer is out. */
export function schedule(ctx: SandboxContext, store: string, id: string, to: string): void {
  const key = `${store}|${id}`;
  const before = ctx.pending.get(key);
  ctx.pending.set(key, { store, id, to, at: ctx.now() + ctx.options.settleMs });
  ctx.store.onRollback(() => {
    if (before) ctx.pending.set(key, before);
    else ctx.pending.delete(key);
  });
}

/** Applies the due delayed transitions of a store (called before reads). */
export function settle(ctx: SandboxContext, store: string): void {
  if (ctx.pending.size === 0) return;
  const now = ctx.now();
  for (const [key, p] of ctx.pending) {
    if (p.store !== store || p.at > now) continue;
    ctx.pending.delete(key);
    const collection = ctx.store.collection(store);
    const record = collection.get(p.id);
    if (record) collection.put(withStatus(ctx, record, p.to));
  }
}
