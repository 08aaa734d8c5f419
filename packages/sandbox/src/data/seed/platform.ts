/**
 * Seeded platform modules: exchange currencies and pairs, integration (the persona extension,
 * its API key, documents, media, terms, instances and installations), helpdesk, notifications,
 * program, spotlight and audit records.
 */
import { newInvitation, seededInvitationCode } from "../../domain/invitations.js";
import { attachEmbedded } from "../../http/files.js";
import type { JsonObject } from "../../shared/json.js";
import type { AccountsSeed } from "./accounts.js";
import { addToken } from "./accounts.js";
import type { CatalogSeed } from "./catalog.js";
import { pdfBytes, pngBytes, type SeedContext, withFile } from "./context.js";
import { CURRENCIES } from "./names.js";

function seedExchange(s: SeedContext): void {
  const currencies = CURRENCIES.map((c) => {
    const record = s.add("exchange/currencies", {
      name: c.name,
      code: c.code,
      precision: c.precision,
      status: "Active",
    });
    const id = record["id"] as string;
    s.store.files.set(`${id}/icon`, {
      filename: `${c.code}.png`,
      contentType: "image/png",
      bytes: pngBytes(),
    });
    const full: JsonObject = { ...record, icon: `/v1/exchange/currencies/${id}/icon` };
    s.store.collection("exchange/currencies").put(full);
    return full;
  });
  const rates: Record<string, number> = { USD: 1, EUR: 0.92, GBP: 0.79, JPY: 151.2, CHF: 0.88 };
  for (const from of currencies) {
    for (const to of currencies) {
      if (from === to || from["code"] !== "USD") continue;
      s.add("exchange/pairs", {
        name: `${String(from["code"])}/${String(to["code"])}`,
        from: s.ref(from),
        to: s.ref(to),
        rate: rates[String(to["code"])] ?? 1,
        precision: 4,
        status: "Active",
      });
    }
  }
}

function seedIntegration(s: SeedContext, acc: AccountsSeed): string {
  const vendor = acc.vendors[0] as JsonObject;
  const category = s.add("integration/categories", {
    name: "Provisioning",
    description: "Provisioning extensions",
  });
  s.add("integration/categories", { name: "Billing", description: "Billing extensions" });
  const extension = s.add("integration/extensions", {
    name: "Contoso Provisioning",
    shortDescription: "Provisions Contoso products",
    longDescription: "The sandbox's persona extension.",
    status: "Published",
    vendor: s.ref(vendor),
    categories: [s.ref(category)],
    website: "https://contoso.example/extension",
    modules: ["commerce", "catalog"],
  });
  const extId = extension["id"] as string;
  s.store.files.set(`${extId}/icon`, {
    filename: "extension.png",
    contentType: "image/png",
    bytes: pngBytes(),
  });
  s.store
    .collection("integration/extensions")
    .put({ ...extension, icon: `/v1/integration/extensions/${extId}/icon` });
  s.add("integration/extensions", {
    name: "Fabrikam Billing Bridge",
    status: "Draft",
    vendor: s.ref(acc.vendors[1] as JsonObject),
    categories: [],
  });
  const ext = { extension: { id: extId } };
  withFile(
    s,
    "integration/extensions/documents",
    { name: "Setup guide", status: "Published", ...ext },
    "setup-guide.pdf",
    "application/pdf",
  );
  withFile(
    s,
    "integration/extensions/media",
    { name: "Logo", type: "Image", status: "Published", displayOrder: 1, ...ext },
    "logo.png",
    "image/png",
  );
  const terms = s.add("integration/extensions/terms", {
    name: "Extension terms",
    status: "Published",
    ...ext,
  });
  withFile(
    s,
    "integration/extensions/terms/variants",
    { name: "English", languageCode: "en-US", status: "Published", term: s.ref(terms), ...ext },
    "terms.pdf",
    "application/pdf",
  );
  s.add("integration/extensions/instances", {
    name: "Primary instance",
    status: "Running",
    version: "1.4.2",
    ...ext,
    externalId: "instance-1",
  });
  for (const account of [
    vendor,
    acc.clients[0] as JsonObject,
    acc.clients[1] as JsonObject,
    acc.clients[2] as JsonObject,
  ]) {
    const installation = s.add("integration/installations", {
      name: `${String(extension["name"])} for ${String(account["name"])}`,
      status: account === acc.clients[2] ? "Invited" : "Installed",
      extension: { id: extId, name: extension["name"] as string },
      account: s.ref(account),
      vendor: s.ref(vendor),
      modules: ["commerce"],
    });
    // An invited installation carries its invitation, as one created through the API does.
    if (installation["status"] === "Invited") {
      const id = installation["id"] as string;
      const invitation = newInvitation(id, undefined, seededInvitationCode(s.seed, id));
      s.store.collection("integration/installations").put({ ...installation, invitation });
    }
  }
  return addToken(s, vendor, "Extension key", {
    extension: { id: extId, name: extension["name"] as string },
  })["token"] as string;
}

function seedHelpdesk(s: SeedContext, acc: AccountsSeed): void {
  const queue = s.add("helpdesk/queues", { name: "Tier 1", description: "First line", status: "Active" });
  s.add("helpdesk/queues", { name: "Billing", description: "Billing questions", status: "Disabled" });
  const form = s.add("helpdesk/forms", {
    name: "Technical issue",
    description: "Report a problem",
    status: "Published",
  });
  const group = s.add("helpdesk/parameter-groups", { name: "Issue details", description: "What happened" });
  s.add("helpdesk/parameter-groups/parameters", { name: "Severity", type: "Choice", group: s.ref(group) });
  s.add("helpdesk/parameters", {
    name: "Affected product",
    type: "SingleLineText",
    description: "Product name",
  });
  const channel = s.add("helpdesk/channels", {
    name: "Announcements",
    description: "Platform news",
    status: "Active",
  });
  s.add("helpdesk/messages", {
    channel: s.ref(channel),
    content: "Welcome to the sandbox marketplace.",
    visibility: "Public",
  });
  acc.clients.slice(0, 3).forEach((client, i) => {
    const caseRecord = s.add("helpdesk/cases", {
      title: `Cannot provision tenant (${i + 1})`,
      description: "Provisioning fails with a timeout.",
      status: ["New", "Processing", "Completed"][i] as string,
      awaiting: false,
      priority: ["High", "Normal", "Low"][i] as string,
      queue: s.ref(queue),
      form: s.ref(form),
      client: s.ref(client),
    });
    const chat = s.add("helpdesk/chats", {
      name: String(caseRecord["title"]),
      type: "Case",
      case: { id: caseRecord["id"] as string },
    });
    s.store.collection("helpdesk/cases").put({ ...caseRecord, chat: s.ref(chat) });
    const c = { chat: { id: chat["id"] as string } };
    s.add("helpdesk/messages", { ...c, content: "Provisioning fails with a timeout.", visibility: "Public" });
    s.add("helpdesk/messages", { ...c, content: "We are looking into it.", visibility: "Public" });
    s.add("helpdesk/chats/participants", { ...c, account: s.ref(client), status: "Active" });
    s.add("helpdesk/chats/links", { ...c, name: "Runbook", uri: "https://example.com/runbook" });
    s.add("helpdesk/chats/answers", {
      ...c,
      name: "Suggested fix",
      status: i === 0 ? "Draft" : "Submitted",
      content: "Restart the job.",
    });
    s.add("helpdesk/chats/answers", {
      ...c,
      name: "Workaround",
      status: "Submitted",
      content: "Use the backup job.",
    });
    withFile(s, "helpdesk/chats/attachments", { ...c, name: "Log excerpt" }, "log.pdf", "application/pdf");
  });
}

function seedNotifications(s: SeedContext, acc: AccountsSeed): void {
  const categories = ["Orders", "Billing", "Security"].map((name) =>
    s.add("notifications/categories", {
      name,
      description: `${name} notifications`,
      status: "Published",
      optOut: name !== "Security",
    }),
  );
  const client = acc.clients[0] as JsonObject;
  const contacts = acc.users.slice(0, 6).map((user, i) =>
    s.add("notifications/contacts", {
      name: String(user["name"]),
      email: String(user["email"]),
      status: i === 5 ? "Blocked" : "Active",
      userId: user["id"] as string,
      optOuts: [],
    }),
  );
  for (const category of categories) {
    const { id: _contactId, audit: _audit, ...contact } = contacts[0] as JsonObject;
    s.add("notifications/accounts/categories/contacts", {
      ...contact,
      account: s.ref(client),
      category: s.ref(category),
    });
    s.add("notifications/subscribers", {
      name: `${String(category["name"])} subscribers`,
      status: "Active",
      note: "",
      account: s.ref(client),
      category: s.ref(category),
      recipients: { users: [], contacts: [] },
    });
  }
  const batch = s.add("notifications/batches", {
    subject: "Your order was completed",
    body: "<p>Order completed.</p>",
    status: "Sent",
    category: s.ref(categories[0] as JsonObject),
    account: s.ref(client),
    attachments: [],
  });
  const file = { filename: "summary.pdf", contentType: "application/pdf", bytes: pdfBytes("summary") };
  const sent = attachEmbedded(s.store, "notifications/batches", batch, file) ?? batch;
  s.store.collection("notifications/batches").put(sent);
  contacts.slice(0, 3).forEach((contact) => {
    s.add("notifications/messages", {
      subject: "Your order was completed",
      body: "<p>Order completed.</p>",
      status: "Sent",
      // A message is its batch sent to one contact: it carries the batch's attachments (same ids).
      attachments: sent["attachments"] ?? [],
      batch: s.ref(batch),
      contact: s.ref(contact),
      category: s.ref(categories[0] as JsonObject),
      account: s.ref(client),
    });
  });
  s.add("notifications/directories", { name: "Default directory", status: "Active" });
  s.add("notifications/footers", { name: "Default footer", content: "<p>SoftwareOne</p>", status: "Active" });
  s.add("notifications/webhooks", {
    url: "https://contoso.example/hooks/orders",
    description: "Validate draft orders",
    type: "ValidatePurchaseOrderDraft",
    objectType: "Order",
    status: "Enabled",
    account: s.ref(acc.vendors[0] as JsonObject),
    criteria: [{ "product.id": "*" }],
  });
  const template = s.add("notifications/templates", {
    name: "Order completed",
    status: "Active",
    category: s.ref(categories[0] as JsonObject),
  });
  s.add("notifications/templates/variants", {
    name: "English",
    languageCode: "en-US",
    status: "Active",
    template: s.ref(template),
    content: "Hello {{ name }}",
  });
}

function seedProgram(s: SeedContext, acc: AccountsSeed, cat: CatalogSeed): void {
  const vendor = acc.vendors[0] as JsonObject;
  ["Partner Advantage", "Cloud Champions"].forEach((name, i) => {
    const program = s.add("program/programs", {
      name,
      shortDescription: `${name} program`,
      status: i === 0 ? "Published" : "Draft",
      vendor: s.ref(vendor),
      products: cat.products.slice(0, 2).map((p) => s.ref(p)),
      eligibility: { client: true, partner: true },
      applicableTo: "Buyer",
    });
    const p = { program: { id: program["id"] as string } };
    withFile(
      s,
      "program/programs/documents",
      { name: "Program guide", status: "Published", ...p },
      "guide.pdf",
      "application/pdf",
    );
    withFile(
      s,
      "program/programs/media",
      { name: "Badge", type: "Image", status: "Published", ...p },
      "badge.png",
      "image/png",
    );
    const group = s.add("program/programs/parameter-groups", { name: "Eligibility", ...p });
    s.add("program/programs/parameters", {
      name: "Certification id",
      type: "SingleLineText",
      group: s.ref(group),
      ...p,
    });
    s.add("program/programs/templates", {
      name: "Enrollment completed",
      type: "EnrollmentCompleted",
      content: "Welcome",
      ...p,
    });
    const terms = s.add("program/programs/terms", { name: "Program terms", status: "Published", ...p });
    withFile(
      s,
      "program/programs/terms/variants",
      { name: "English", languageCode: "en-US", status: "Published", term: s.ref(terms), ...p },
      "program-terms.pdf",
      "application/pdf",
    );
    if (i !== 0) return;
    acc.clients.slice(0, 3).forEach((client, k) => {
      const buyer = acc.buyers[k * 2] as JsonObject;
      const certificate = s.add("program/certificates", {
        name: `${name} certificate`,
        status: ["Active", "Pending", "Terminated"][k] as string,
        program: s.ref(program),
        client: s.ref(client),
        buyer: s.ref(buyer),
        expirationDate: s.date(525_600).slice(0, 10),
        applicableTo: "Buyer",
      });
      const enrollment = s.add("program/enrollments", {
        status: ["Draft", "Querying", "Completed"][k] as string,
        type: "Enrollment",
        program: s.ref(program),
        certificate: s.ref(certificate),
        buyer: s.ref(buyer),
        client: s.ref(client),
        notes: "",
        applicableTo: "Buyer",
      });
      withFile(
        s,
        "program/enrollments/attachments",
        { name: "Proof", enrollment: s.ref(enrollment) },
        "proof.pdf",
        "application/pdf",
      );
    });
  });
}

function seedSpotlightAndAudit(s: SeedContext, acc: AccountsSeed, cat: CatalogSeed): void {
  ["Orders awaiting action", "Expiring subscriptions", "Pending products"].forEach((name, i) => {
    const query = s.add("spotlight/queries", {
      name,
      template: `spotlight-${i}`,
      filter: ["eq(status,Querying)", "lt(commitmentDate,now())", "eq(status,Pending)"][i] as string,
      invalidateOnDateChange: i === 1,
      scope: "Vendor",
    });
    s.add("spotlight/objects", { name, total: 3 + i, top: [], query: s.ref(query) });
  });
  const types = ["Created", "Updated", "Published", "Deleted", "LoggedIn"].map((name) =>
    s.add("audit/event-types", {
      name,
      key: `platform.${name.toLowerCase()}`,
      description: `${name} events`,
    }),
  );
  for (let i = 0; i < 40; i++) {
    const product = cat.products[i % cat.products.length] as JsonObject;
    const type = types[i % types.length] as JsonObject;
    const actor = acc.users[i % acc.users.length] as JsonObject;
    s.add("audit/records", {
      event: String(type["key"]),
      summary: `${String(type["name"])} ${String(product["name"])}`,
      details: `{{ actor.name }} ${String(type["name"]).toLowerCase()} product {{ object.name }} ({{ object.id }})`,
      object: { id: product["id"] as string, name: product["name"] as string, objectType: "Product" },
      actor: {
        id: actor["id"] as string,
        name: actor["name"] as string,
        account: s.ref(acc.vendors[0] as JsonObject),
      },
      timestamp: s.date(i * 60),
      type: s.ref(type),
    });
  }
}

/** Seeds the platform modules; returns the extension's API key (the `extension` persona). */
export function seedPlatform(s: SeedContext, acc: AccountsSeed, cat: CatalogSeed): string {
  seedExchange(s);
  const extensionKey = seedIntegration(s, acc);
  seedHelpdesk(s, acc);
  seedNotifications(s, acc);
  seedProgram(s, acc, cat);
  seedSpotlightAndAudit(s, acc, cat);
  return extensionKey;
}
