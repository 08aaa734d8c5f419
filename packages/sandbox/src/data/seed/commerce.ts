/**
 * Seeded commerce: agreements between clients and published listings (stored), and the big
 * collections generated on demand: orders (3 000 x scale) and subscriptions (1 000 x scale),
 * each record derived from its index with its own PRNG stream, so a million cost no memory.
 */
import { childId, ScrambledIds } from "../../domain/ids.js";
import type { JsonObject } from "../../shared/json.js";
import { hash, Prng } from "../../shared/prng.js";
import type { AccountsSeed } from "./accounts.js";
import type { CatalogSeed } from "./catalog.js";
import { EPOCH, pdfBytes, type SeedContext } from "./context.js";

export interface CommerceSeed {
  agreements: JsonObject[];
  orderIds: ScrambledIds;
  orderCount: number;
}

const ORDER_STATUSES: ReadonlyArray<readonly [string, number]> = [
  ["Completed", 0.55],
  ["Processing", 0.12],
  ["Querying", 0.06],
  ["Failed", 0.07],
  ["Draft", 0.12],
  ["Quoted", 0.08],
];

function weighted(rng: Prng, table: ReadonlyArray<readonly [string, number]>): string {
  let x = rng.next();
  for (const [value, p] of table) {
    x -= p;
    if (x < 0) return value;
  }
  return table[0]?.[0] ?? "";
}

const iso = (minutes: number) => new Date(EPOCH + minutes * 60_000).toISOString();

export function seedCommerce(s: SeedContext, acc: AccountsSeed, cat: CatalogSeed): CommerceSeed {
  const agreements: JsonObject[] = [];
  acc.clients.forEach((client, c) => {
    const buyers = acc.buyers.filter((b) => (b["client"] as JsonObject)["id"] === client["id"]);
    const licensees = acc.licensees.filter((l) => (l["client"] as JsonObject)["id"] === client["id"]);
    const count = c === 0 ? 8 : 4;
    for (let k = 0; k < count; k++) {
      const listing = cat.listings[(c * 3 + k * 5) % cat.listings.length] as JsonObject;
      const productId = (listing["product"] as JsonObject)["id"] as string;
      const items = cat.items.get(productId) ?? [];
      const buyer = buyers[k % Math.max(1, buyers.length)] ?? {};
      const licensee = licensees[k % Math.max(1, licensees.length)] ?? {};
      const status = k === count - 1 ? "Draft" : k === count - 2 && c % 2 === 0 ? "Terminated" : "Active";
      const agreement = s.add("commerce/agreements", {
        name: `${String((listing["product"] as JsonObject)["name"])} for ${String(client["name"])}`,
        status,
        listing: { id: listing["id"] as string },
        authorization: listing["authorization"] as JsonObject,
        product: listing["product"] as JsonObject,
        vendor: listing["vendor"] as JsonObject,
        seller: listing["seller"] as JsonObject,
        client: s.ref(client),
        buyer: s.ref(buyer),
        licensee: s.ref(licensee),
        price: { currency: "USD", PPxY: 1200 + k * 100, SPxY: 1440 + k * 120 },
        startDate: iso(k * 1440),
        externalIds: { client: `CONTRACT-${c}-${k}`, vendor: `V-${c}${k}` },
        parameters: {
          ordering: [
            { id: "PAR-0000-0000-0001", externalId: "tenant_domain", value: `tenant${c}${k}.example` },
          ],
          fulfillment: [],
        },
        subscriptions: [],
        termsAndConditions: [],
        certificates: [],
        split: { allocations: [] },
      });
      const id = agreement["id"] as string;
      const lines = items.slice(0, 2).map((item, n) => ({
        id: childId("ALI", id, n + 1),
        item: s.ref(item),
        quantity: 5 + n * 5,
        status: "Active",
      }));
      const full = { ...agreement, lines };
      s.store.collection("commerce/agreements").put(full);
      agreements.push(full);
      if (k === 0) {
        const attachment = s.add("commerce/agreements/attachments", {
          name: "Signed contract",
          description: "Contract PDF",
          type: "File",
          agreement: { id },
        });
        const file = {
          filename: "contract.pdf",
          contentType: "application/pdf",
          bytes: pdfBytes(`contract ${id}`),
        };
        s.store.files.set(attachment["id"] as string, file);
        s.store.collection("commerce/agreements/attachments").put({
          ...attachment,
          filename: file.filename,
          size: file.bytes.byteLength,
          contentType: file.contentType,
        });
      }
      if (status === "Active" && lines[0]) {
        s.add("commerce/assets", {
          name: `Asset of ${String(agreement["name"])}`,
          status: "Active",
          agreement: s.ref(agreement),
          product: listing["product"] as JsonObject,
          client: s.ref(client),
          vendor: listing["vendor"] as JsonObject,
          buyer: s.ref(buyer),
          licensee: s.ref(licensee),
          lines: [{ id: childId("ALI", id, 9), item: lines[0].item, quantity: 1 }],
          externalIds: { vendor: `ASSET-${c}-${k}` },
        });
      }
    }
  });

  const active = agreements.filter((a) => a["status"] !== "Draft");
  const orderCount = s.scaled(3000);
  const orderIds = new ScrambledIds("ORD", 3, hash(s.seed, "ORD"));
  const seed = s.seed;
  s.store.collection("commerce/orders").addSource({
    count: orderCount,
    idAt: (i) => orderIds.idAt(i),
    indexOf: (id) => orderIds.indexOf(id),
    make: (i) => {
      const rng = new Prng(hash(seed, "order", i));
      const agreement = active[rng.int(active.length)] as JsonObject;
      const productId = (agreement["product"] as JsonObject)["id"] as string;
      const items = cat.items.get(productId) ?? [];
      const status = weighted(rng, ORDER_STATUSES);
      const lineCount = 1 + rng.int(Math.min(3, Math.max(1, items.length)));
      const id = orderIds.idAt(i);
      const lines = [];
      let total = 0;
      for (let n = 0; n < lineCount; n++) {
        const item = items[(n + i) % items.length] as JsonObject;
        const quantity = 1 + rng.int(50);
        const unitPP = 10 + rng.int(90);
        total += quantity * unitPP;
        lines.push({
          id: childId("ALI", agreement["id"] as string, 100 + n),
          item: { id: item["id"] as string, name: item["name"] as string },
          quantity,
          oldQuantity: 0,
          price: { currency: "USD", unitPP, unitSP: Math.round(unitPP * 120) / 100, PPx1: unitPP * quantity },
        });
      }
      const at = iso(i * 3 + rng.int(3));
      return {
        id,
        type: rng.chance(0.8) ? "Purchase" : "Change",
        status,
        notes: rng.chance(0.2) ? "Please expedite" : "",
        ...fromAgreement(agreement),
        listing: agreement["listing"] as JsonObject,
        authorization: agreement["authorization"] as JsonObject,
        price: { currency: "USD", PPx1: total, SPx1: Math.round(total * 120) / 100 },
        lines,
        parameters: { ordering: [], fulfillment: [] },
        externalIds: { client: `PO-${100000 + i}` },
        audit: {
          created: { at, by: { id: "USR-0000-0001", name: "Buyer" } },
          updated: { at, by: { id: "USR-0000-0001", name: "Buyer" } },
        },
      };
    },
  });

  const orders = s.store.collection("commerce/orders");
  for (let i = 0; i < Math.min(5, orderCount); i++) {
    const order = orders.get(orderIds.idAt(i)) as JsonObject;
    const line = (order["lines"] as JsonObject[])[0] as JsonObject;
    s.add("commerce/assets", {
      name: `Asset of ${String(order["id"])}`,
      status: order["status"] === "Completed" ? "Active" : "Draft",
      order: { id: order["id"] as string },
      agreement: order["agreement"] as JsonObject,
      product: order["product"] as JsonObject,
      client: order["client"] as JsonObject,
      vendor: order["vendor"] as JsonObject,
      lines: [{ id: `${String(order["id"])}-A1`, item: line["item"] as JsonObject, quantity: 1 }],
    });
  }

  const subscriptionCount = s.scaled(1000);
  const subscriptionIds = new ScrambledIds("SUB", 3, hash(seed, "SUB"));
  s.store.collection("commerce/subscriptions").addSource({
    count: subscriptionCount,
    idAt: (i) => subscriptionIds.idAt(i),
    indexOf: (id) => subscriptionIds.indexOf(id),
    make: (i) => {
      const rng = new Prng(hash(seed, "subscription", i));
      const agreement = active[i % active.length] as JsonObject;
      const line = (agreement["lines"] as JsonObject[])[0];
      const at = iso(i * 7);
      return {
        id: subscriptionIds.idAt(i),
        name: `${String((line?.["item"] as JsonObject | undefined)?.["name"] ?? "Subscription")} #${i + 1}`,
        status: weighted(rng, [
          ["Active", 0.8],
          ["Terminated", 0.1],
          ["Updating", 0.05],
          ["Expired", 0.05],
        ]),
        startDate: at,
        commitmentDate: iso(i * 7 + 525_600),
        autoRenew: rng.chance(0.7),
        order: { id: orderIds.idAt((i * 3) % orderCount) },
        ...fromAgreement(agreement),
        terms: { model: "quantity", period: "1m", commitment: "1y" },
        price: { currency: "USD", PPxM: 10 + rng.int(500), SPxM: 12 + rng.int(600) },
        lines: line
          ? [{ id: `${subscriptionIds.idAt(i)}-0001`, item: line["item"] ?? null, quantity: 1 + rng.int(20) }]
          : [],
        parameters: { fulfillment: [] },
        externalIds: { vendor: `VS-${i}` },
        audit: {
          created: { at, by: { id: "USR-0000-0001", name: "Vendor" } },
          updated: { at, by: { id: "USR-0000-0001", name: "Vendor" } },
        },
      };
    },
  });
  return { agreements, orderIds, orderCount };
}

/** The references an order or subscription takes from its agreement (the agreement and its parties). */
function fromAgreement(agreement: JsonObject): JsonObject {
  const out: JsonObject = { agreement: { id: agreement["id"] as string, name: agreement["name"] as string } };
  for (const key of ["product", "client", "vendor", "seller", "buyer", "licensee"]) {
    out[key] = agreement[key] as JsonObject;
  }
  return out;
}
