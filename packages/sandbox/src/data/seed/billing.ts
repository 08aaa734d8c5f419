/**
 * Seeded billing: journals with their ledgers, statements and sellers (stored), and charges
 * generated on demand (2 000 x scale in all), each charge listed under its journal, ledger and
 * statement; invoices generated on demand (500 x scale); credit memos, custom ledgers with
 * charges, manual overrides and attachments of each kind.
 */
import { digitGroups, ScrambledIds } from "../../domain/ids.js";
import type { JsonObject } from "../../shared/json.js";
import { hash, Prng } from "../../shared/prng.js";
import type { AccountsSeed } from "./accounts.js";
import type { CatalogSeed } from "./catalog.js";
import type { CommerceSeed } from "./commerce.js";
import { pdfBytes, type SeedContext } from "./context.js";

function attach(s: SeedContext, key: string, parentField: string, parent: JsonObject, name: string): void {
  const attachment = s.add(key, { name, description: `${name} (seeded)`, [parentField]: s.ref(parent) });
  const file = {
    filename: `${name.toLowerCase().replace(/ /g, "-")}.pdf`,
    contentType: "application/pdf",
    bytes: pdfBytes(name),
  };
  s.store.files.set(attachment["id"] as string, file);
  s.store.collection(key).put({
    ...attachment,
    filename: file.filename,
    size: file.bytes.byteLength,
    contentType: file.contentType,
  });
}

/** `CHG-<journal groups>-dddd-dddd-dddd` with the charge number in the last 12 digits. */
function chargeId(journalId: string, n: number): string {
  const digits = String(n).padStart(12, "0");
  return `CHG-${digitGroups(journalId).join("-")}-${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
}

export function seedBilling(s: SeedContext, acc: AccountsSeed, cat: CatalogSeed, com: CommerceSeed): void {
  const seed = s.seed;
  const journalStatuses = ["Validated", "Review", "Completed", "Draft", "Completed"];
  const vendors = [
    acc.vendors[0],
    acc.vendors[0],
    acc.vendors[1],
    acc.vendors[0],
    acc.vendors[2],
  ] as JsonObject[];
  const withCharges = journalStatuses.filter((st) => st !== "Draft").length;
  const perJournal = Math.ceil(s.scaled(2000) / withCharges);
  journalStatuses.forEach((status, j) => {
    const vendor = vendors[j] as JsonObject;
    const product =
      cat.products.find((p) => (p["vendor"] as JsonObject)["id"] === vendor["id"]) ?? cat.products[0];
    const seller = acc.sellers[j % acc.sellers.length] as JsonObject;
    const journal = s.add("billing/journals", {
      name: `${String(vendor["name"])} ${2025}-${String(j + 1).padStart(2, "0")}`,
      description: "Monthly usage journal",
      status,
      vendor: s.ref(vendor),
      owner: s.ref(seller),
      product: product ? s.ref(product) : null,
      dueDate: s.date(43_200 * (j + 1)),
      externalIds: { vendor: `J-${j}` },
      price: { currency: "USD", PPx1: 0, SPx1: 0 },
      upload: {
        total: status === "Draft" ? 0 : perJournal,
        ready: status === "Draft" ? 0 : perJournal,
        error: 0,
        split: 0,
        ignore: 0,
      },
    });
    const journalId = journal["id"] as string;
    attach(s, "billing/journals/attachments", "journal", journal, "Usage report");
    s.add("billing/journals/sellers", {
      name: seller["name"] as string,
      seller: s.ref(seller),
      journal: { id: journalId },
    });
    if (status === "Draft") return;
    const ledger = s.add("billing/ledgers", {
      id: `BLE-${digitGroups(journalId).join("-")}-${digitGroups(seller["id"] as string).join("-")}`,
      name: `Ledger of ${String(journal["name"])}`,
      status: status === "Completed" ? "Completed" : "Review",
      journal: s.ref(journal),
      owner: s.ref(seller),
      seller: s.ref(seller),
      product: journal["product"] ?? null,
      price: { currency: "USD" },
    });
    attach(s, "billing/ledgers/attachments", "ledger", ledger, "Ledger summary");
    const statements = acc.clients.slice(0, 2).map((client, k) => {
      const statement = s.add("billing/statements", {
        name: `Statement ${j + 1}.${k + 1}`,
        type: "Debit",
        billingType: "Automated",
        status: ["Generated", "Queued", "Pending", "Issued", "Error"][(j + k) % 5] as string,
        ledger: s.ref(ledger),
        client: s.ref(client),
        vendor: s.ref(vendor),
        seller: s.ref(seller),
        product: journal["product"] ?? null,
        price: { currency: "USD", totalPP: 0, totalSP: 0 },
        externalIds: { invoice: `STM-${j}${k}` },
      });
      if (k === 0) attach(s, "billing/statements/attachments", "statement", statement, "Statement detail");
      return statement;
    });
    s.store.noteSequence("billing/charges", journalId, perJournal);
    const refs = {
      journal: s.ref(journal),
      ledger: s.ref(ledger),
      vendor: s.ref(vendor),
      seller: s.ref(seller),
    };
    const statementRefs = statements.map((st) => s.ref(st));
    const statementClients = statements.map((st) => st["client"] as JsonObject);
    const agreements = com.agreements;
    s.store.collection("billing/charges").addSource({
      count: perJournal,
      idAt: (i) => chargeId(journalId, i + 1),
      indexOf: (id) => {
        if (!id.startsWith(`CHG-${digitGroups(journalId).join("-")}-`)) return undefined;
        const n = Number(digitGroups(id).slice(2).join(""));
        return Number.isSafeInteger(n) && n >= 1 ? n - 1 : undefined;
      },
      make: (i) => {
        const rng = new Prng(hash(seed, "charge", j, i));
        const quantity = 1 + rng.int(100);
        const unitPP = Math.round((1 + rng.next() * 99) * 100) / 100;
        const agreement = agreements[rng.int(agreements.length)] as JsonObject;
        const k = i % statementRefs.length;
        return {
          id: chargeId(journalId, i + 1),
          status: rng.chance(0.97) ? "Ready" : "Error",
          externalIds: { vendor: `USAGE-${j}-${i}`, invoice: `INV-${j}`, reference: `REF-${i}` },
          search: { subscription: { criteria: "subscription.externalIds.vendor", value: `VS-${i % 1000}` } },
          period: { start: s.date(i % 43_200), end: s.date((i % 43_200) + 43_200) },
          quantity,
          price: {
            currency: "USD",
            unitPP,
            PPx1: Math.round(unitPP * quantity * 100) / 100,
            unitSP: Math.round(unitPP * 120) / 100,
          },
          segment: rng.pick(["COM", "EDU", "GOV"]),
          description: { value1: `Usage line ${i + 1}`, value2: "Monthly consumption" },
          ...refs,
          statement: statementRefs[k] as JsonObject,
          client: statementClients[k] as JsonObject,
          agreement: { id: agreement["id"] as string, name: agreement["name"] as string },
          billingType: "Automated",
        };
      },
    });
  });

  const invoiceCount = s.scaled(500);
  const invoiceIds = new ScrambledIds("INV", 4, hash(seed, "INV"));
  const statements = [...s.store.collection("billing/statements").scan()];
  s.store.collection("billing/invoices").addSource({
    count: invoiceCount,
    idAt: (i) => invoiceIds.idAt(i),
    indexOf: (id) => invoiceIds.indexOf(id),
    make: (i) => {
      const rng = new Prng(hash(seed, "invoice", i));
      const statement = statements[i % statements.length] as JsonObject;
      const total = Math.round(rng.next() * 100_000) / 100;
      const at = s.date(i * 11);
      return {
        id: invoiceIds.idAt(i),
        name: `Invoice ${2025}-${String(i + 1).padStart(6, "0")}`,
        status: rng.pick(["Generated", "Paid", "Paid", "Overdue"]),
        type: rng.chance(0.9) ? "Debit" : "Credit",
        billingType: "Automated",
        statement: { id: statement["id"] as string, name: statement["name"] as string },
        client: statement["client"] as JsonObject,
        vendor: statement["vendor"] as JsonObject,
        seller: statement["seller"] as JsonObject,
        product: (statement["product"] ?? null) as JsonObject | null,
        price: { currency: "USD", totalPP: total, totalSP: Math.round(total * 120) / 100 },
        erpData: { documentNo: `ERP-${100000 + i}` },
        lines: [{ description: "Monthly charges", amount: total }],
        audit: {
          created: { at, by: { id: "SYSTEM", name: "Billing" } },
          updated: { at, by: { id: "SYSTEM", name: "Billing" } },
        },
      };
    },
  });
  const firstInvoice = s.store.collection("billing/invoices").get(invoiceIds.idAt(0));
  if (firstInvoice) attach(s, "billing/invoices/attachments", "invoice", firstInvoice, "Invoice PDF");

  for (let i = 0; i < 10; i++) {
    const statement = statements[i % statements.length] as JsonObject;
    const memo = s.add("billing/credit-memos", {
      name: `Credit memo ${i + 1}`,
      status: ["Issued", "Released", "Error"][i % 3] as string,
      statement: s.ref(statement),
      client: statement["client"] as JsonObject,
      vendor: statement["vendor"] as JsonObject,
      price: { currency: "USD", totalPP: 10 * (i + 1) },
    });
    if (i === 0) attach(s, "billing/credit-memos/attachments", "creditMemo", memo, "Credit note");
  }
  acc.vendors.slice(0, 3).forEach((vendor, i) => {
    const ledger = s.add("billing/custom-ledgers", {
      name: `${String(vendor["name"])} custom ledger`,
      status: ["Validated", "Completed", "Draft"][i] as string,
      vendor: s.ref(vendor),
      seller: s.ref(acc.sellers[i % acc.sellers.length] as JsonObject),
      billingStartDate: s.date(0),
      billingEndDate: s.date(43_200),
      notes: "Seeded custom ledger",
      price: { currency: "USD" },
    });
    attach(s, "billing/custom-ledgers/attachments", "customLedger", ledger, "Custom charges");
    if (i === 2) return;
    for (let n = 0; n < 5; n++) {
      s.add("billing/charges", {
        customLedger: s.ref(ledger),
        vendor: s.ref(vendor),
        status: "Ready",
        quantity: n + 1,
        price: { currency: "USD", unitPP: 5, PPx1: 5 * (n + 1) },
        description: { value1: `Custom charge ${n + 1}`, value2: "" },
      });
    }
  });
  for (let i = 0; i < 3; i++) {
    s.add("billing/manual-overrides", {
      name: `Override ${i + 1}`,
      status: "Active",
      client: s.ref(acc.clients[i] as JsonObject),
      notes: "Manual invoicing",
      externalIds: { operations: `MO-${i}` },
    });
  }
}
