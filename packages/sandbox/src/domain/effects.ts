/**
 * Consequences the platform draws from a create or a transition, beyond the record itself: a
 * helpdesk case opens its chat with its first message; placing an order provisions its
 * agreement; completing it activates the agreement and creates the subscriptions; failing it
 * drops draft subscriptions; recalculating a ledger re-rates it from its charges; redeeming an
 * installation checks its invitation code.
 */
import type { Caller } from "../http/auth.js";
import type { SandboxContext } from "../http/context.js";
import { isObject, type JsonObject, type JsonValue, valueAt } from "../shared/json.js";
import { allocateId } from "./id-allocation.js";
import { checkInvitationCode } from "./invitations.js";
import { stamp, withAudit, withStatus } from "./lifecycle.js";
import { agreementToOpen } from "./orders.js";
import { shortRef } from "./references.js";
import { type EffectName, storeDef } from "./stores/index.js";

type Effect = (ctx: SandboxContext, record: JsonObject, caller: Caller) => JsonObject;

function create(ctx: SandboxContext, key: string, record: JsonObject, caller: Caller): JsonObject {
  const collection = ctx.store.collection(key);
  const withId = { ...record, id: allocateId(ctx.store, key, record) };
  const created = withAudit(withId, ["created"], stamp(ctx, caller));
  collection.put(created);
  ctx.counters.created(key);
  return created;
}

function updateById(
  ctx: SandboxContext,
  key: string,
  id: string,
  f: (r: JsonObject) => JsonObject | undefined,
): void {
  const collection = ctx.store.collection(key);
  const current = collection.get(id);
  if (!current) return;
  const next = f(current);
  if (next) collection.put(next);
}

/**
 * A helpdesk case opens its chat with one participant (the caller's account) and one message:
 * the case's first message (`chat.lastMessage.content`, issue #14), else its description.
 */
const openCaseChat: Effect = (ctx, record, caller) => {
  const first = valueAt(record, "chat.lastMessage.content");
  const content =
    typeof first === "string" && first !== "" ? first : String(record["description"] ?? "Case opened");
  const chat = create(
    ctx,
    "helpdesk/chats",
    { name: String(record["title"] ?? record["id"]), type: "Case", case: { id: record["id"] as string } },
    caller,
  );
  const chatRef = { id: chat["id"] as string };
  create(
    ctx,
    "helpdesk/chats/participants",
    { chat: chatRef, account: { id: caller.accountId, name: caller.accountName } },
    caller,
  );
  const message = create(ctx, "helpdesk/messages", { chat: chatRef, content, visibility: "Public" }, caller);
  const lastMessage = { id: message["id"] as string, content };
  ctx.store.collection("helpdesk/chats").put({ ...chat, lastMessage });
  return { ...record, chat: { ...shortRef(chat), lastMessage } };
};

function agreementOf(record: JsonObject): string | undefined {
  const id = valueAt(record, "agreement.id");
  return typeof id === "string" ? id : undefined;
}

/**
 * Placing an order provisions its agreement: a Draft one moves to Provisioning, an Active one to
 * Updating; an order made from agreement details opens its agreement (Provisioning) now.
 */
const placeOrder: Effect = (ctx, record, caller) => {
  const toOpen = agreementToOpen(record);
  if (toOpen) {
    const agreement = create(ctx, "commerce/agreements", toOpen, caller);
    return { ...record, agreement: shortRef(agreement) };
  }
  const agreementId = agreementOf(record);
  if (agreementId) {
    updateById(ctx, "commerce/agreements", agreementId, (a) =>
      a["status"] === "Draft"
        ? withStatus(ctx, a, "Provisioning", caller)
        : a["status"] === "Active"
          ? withStatus(ctx, a, "Updating", caller)
          : undefined,
    );
  }
  return record;
};

const completeOrder: Effect = (ctx, record, caller) => {
  const agreementId = agreementOf(record);
  if (agreementId) {
    updateById(ctx, "commerce/agreements", agreementId, (a) =>
      a["status"] === "Active" ? undefined : withStatus(ctx, a, "Active", caller),
    );
  }
  const subscriptions = ctx.store.collection("commerce/subscriptions");
  const orderId = record["id"] as string;
  let existing = 0;
  for (const s of subscriptions.scan()) {
    if (valueAt(s, "order.id") !== orderId) continue;
    existing++;
    if (s["status"] === "Draft") subscriptions.put(withStatus(ctx, s, "Active", caller));
  }
  const lines = record["lines"];
  if (existing === 0 && Array.isArray(lines) && record["type"] !== "Termination") {
    lines.forEach((line: JsonValue, index) => {
      const item = valueAt(line, "item");
      create(
        ctx,
        "commerce/subscriptions",
        {
          name: `Subscription for ${String(valueAt(line, "item.name") ?? "item")}`,
          status: "Active",
          order: { id: orderId },
          agreement: (record["agreement"] ?? null) as JsonValue,
          product: (record["product"] ?? null) as JsonValue,
          client: (record["client"] ?? null) as JsonValue,
          vendor: (record["vendor"] ?? null) as JsonValue,
          seller: (record["seller"] ?? null) as JsonValue,
          buyer: (record["buyer"] ?? null) as JsonValue,
          lines: [
            { id: `${orderId}-${index + 1}`, item: item ?? null, quantity: valueAt(line, "quantity") ?? 1 },
          ],
          autoRenew: true,
          startDate: new Date(ctx.now()).toISOString(),
        },
        caller,
      );
    });
  }
  return record;
};

const failOrder: Effect = (ctx, record) => {
  const subscriptions = ctx.store.collection("commerce/subscriptions");
  for (const s of subscriptions.scan()) {
    if (valueAt(s, "order.id") === record["id"] && s["status"] === "Draft")
      subscriptions.delete(s["id"] as string);
  }
  const agreementId = agreementOf(record);
  if (agreementId) {
    updateById(ctx, "commerce/agreements", agreementId, (a) =>
      a["status"] === "Provisioning"
        ? withStatus(ctx, a, "Failed")
        : a["status"] === "Updating"
          ? withStatus(ctx, a, "Active")
          : undefined,
    );
  }
  return record;
};

const cents = (n: number): number => Math.round(n * 100) / 100;

/**
 * Ledger `recalculate`: `price.totalPP` / `totalSP` summed from the ledger's charges and
 * `processing` counted by charge status (the ledger is `Rating` until it settles in `Review`).
 */
const recalculateLedger: Effect = (ctx, record) => {
  let totalPP = 0;
  let totalSP = 0;
  const processing = { total: 0, ready: 0, error: 0, split: 0, skipped: 0 };
  for (const charge of ctx.store.collection("billing/charges").scan()) {
    if (valueAt(charge, "ledger.id") !== record["id"]) continue;
    processing.total++;
    const status = String(charge["status"] ?? "").toLowerCase();
    if (status === "ready" || status === "error" || status === "split" || status === "skipped")
      processing[status]++;
    const ppx1 = Number(valueAt(charge, "price.PPx1") ?? 0);
    const sp = Number(valueAt(charge, "price.unitSP") ?? 0) * Number(charge["quantity"] ?? 1);
    if (Number.isFinite(ppx1)) totalPP += ppx1;
    if (Number.isFinite(sp)) totalSP += sp;
  }
  const price = isObject(record["price"]) ? record["price"] : {};
  return { ...record, price: { ...price, totalPP: cents(totalPP), totalSP: cents(totalSP) }, processing };
};

/**
 * Installation `redeem` (`{code, modules}`; the body is merged into the record before): the code
 * must be the invitation's (400 otherwise, and nothing changes); it is not kept.
 */
const redeemInvitation: Effect = (_ctx, record) => {
  checkInvitationCode(record, record["code"]);
  const { code: _code, ...rest } = record;
  return rest;
};

/** The effects store definitions name (`onCreate`, `onAction`). */
const EFFECTS: Readonly<Record<EffectName, Effect>> = {
  openCaseChat,
  placeOrder,
  completeOrder,
  failOrder,
  recalculateLedger,
  redeemInvitation,
};

/** The effect after a create of a `store` record, if its definition names one. */
export function effectOnCreate(store: string): Effect | undefined {
  const name = storeDef(store).onCreate;
  return name ? EFFECTS[name] : undefined;
}

/** The effect after `action` on a `store` record, if its definition names one. */
export function effectOnAction(store: string, action: string): Effect | undefined {
  const actions: Readonly<Record<string, EffectName | undefined>> | undefined = storeDef(store).onAction;
  const name = actions?.[action];
  return name ? EFFECTS[name] : undefined;
}
