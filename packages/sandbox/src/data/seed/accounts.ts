/**
 * Seeded accounts module: the operations, vendor and client accounts (the first vendor and
 * client are the personas), their API tokens, users and groups, sellers, buyers, licensees,
 * modules, ERP links and cloud tenants.
 */
import type { JsonObject } from "../../shared/json.js";
import { pngBytes, type SeedContext } from "./context.js";
import { CLIENTS, FIRST, LAST, SELLERS, VENDORS } from "./names.js";

export interface AccountsSeed {
  operations: JsonObject;
  vendors: JsonObject[];
  clients: JsonObject[];
  sellers: JsonObject[];
  buyers: JsonObject[];
  licensees: JsonObject[];
  users: JsonObject[];
  /** Bearer strings of the personas. */
  tokens: { vendor: string; client: string; operations: string };
}

function secret(s: SeedContext): string {
  let out = "";
  for (let i = 0; i < 8; i++) out += s.rng.int(0x10000).toString(16).padStart(4, "0");
  return out;
}

/** An Active API token of an account; its `token` field is the bearer string. */
export function addToken(
  s: SeedContext,
  account: JsonObject,
  name: string,
  extra: JsonObject = {},
): JsonObject {
  const token = s.add("accounts/api-tokens", {
    name,
    description: `API token of ${String(account["name"])}`,
    status: "Active",
    account: s.ref(account),
    modules: [{ id: "MOD-1001", name: "Marketplace" }],
    ...extra,
  });
  const bearer = `idt:${String(token["id"])}:${secret(s)}`;
  const full = { ...token, token: bearer };
  s.store.collection("accounts/api-tokens").put(full);
  return full;
}

function account(s: SeedContext, name: string, type: string, index: number): JsonObject {
  const record = s.add("accounts/accounts", {
    name,
    type,
    status: "Active",
    description: `${name} (${type.toLowerCase()} account)`,
    website: `https://www.${name.toLowerCase().replace(/[^a-z]+/g, "")}.example`,
    technicalSupportEmail: `support@${name.toLowerCase().replace(/[^a-z]+/g, "")}.example`,
    externalIds: { erp: `ERP-${1000 + index}` },
    address: { addressLine1: `${10 + index} Main Street`, city: "Seattle", postCode: "98101", country: "US" },
    serviceLevel: index % 2 === 0 ? "Premium" : "Standard",
  });
  const id = record["id"] as string;
  s.store.files.set(`${id}/icon`, { filename: "logo.png", contentType: "image/png", bytes: pngBytes() });
  const withIcon = { ...record, icon: `/v1/accounts/accounts/${id}/icon` };
  s.store.collection("accounts/accounts").put(withIcon);
  return withIcon;
}

export function seedAccounts(s: SeedContext): AccountsSeed {
  const operations = account(s, "SoftwareOne Operations", "Operations", 0);
  const vendors = VENDORS.map((n, i) => account(s, n, "Vendor", i + 1));
  const clients = CLIENTS.map((n, i) => account(s, n, "Client", i + 10));
  const all = [operations, ...vendors, ...clients];
  const [vendor, client] = [vendors[0] as JsonObject, clients[0] as JsonObject];

  const admins = all.map((a) =>
    s.add("accounts/user-groups", {
      name: "Administrators",
      account: s.ref(a),
      status: "Active",
      modules: [],
    }),
  );
  const readers = all.map((a) =>
    s.add("accounts/user-groups", { name: "Readers", account: s.ref(a), status: "Active", modules: [] }),
  );

  const users: JsonObject[] = [];
  all.forEach((a, i) => {
    for (let k = 0; k < 2; k++) {
      const first = FIRST[(i + k * 3) % FIRST.length] as string;
      const last = LAST[(i * 2 + k) % LAST.length] as string;
      const user = s.add("accounts/users", {
        name: `${first} ${last}`,
        firstName: first,
        lastName: last,
        email: `${first}.${last}${i}@example.com`.toLowerCase(),
        status: k === 0 ? "Active" : (["Invited", "Active", "Blocked"][i % 3] as string),
        accounts: [s.ref(a)],
        currentAccount: s.ref(a),
        phone: { prefix: "+1", number: `555${String(1000 + i * 10 + k)}` },
      });
      users.push(user);
      const group = (k === 0 ? admins : readers)[i] as JsonObject;
      s.add("accounts/accounts/users/groups", {
        account: s.ref(a),
        user: { id: user["id"] as string },
        group: s.ref(group),
      });
    }
  });

  const sellers = SELLERS.map((x) =>
    s.add("accounts/sellers", {
      name: x.name,
      status: "Active",
      externalId: `SWO-${x.country}`,
      currencies: [x.currency],
      address: { addressLine1: "1 Market Square", city: x.city, country: x.country, postCode: "10000" },
    }),
  );

  const buyers: JsonObject[] = [];
  const licensees: JsonObject[] = [];
  clients.forEach((c, i) => {
    for (let k = 0; k < 2; k++) {
      const seller = sellers[(i + k) % sellers.length] as JsonObject;
      const buyer = s.add("accounts/buyers", {
        name: `${String(c["name"])} ${k === 0 ? "HQ" : "Europe"}`,
        status: k === 0 || i % 3 !== 0 ? "Active" : "Disabled",
        account: s.ref(c),
        client: s.ref(c),
        taxId: `TAX-${i}${k}${s.rng.digits()}`,
        contact: { firstName: "Pat", lastName: "Buyer", email: `buyer${i}${k}@example.com` },
        address: { addressLine1: `${i + 1} Commerce Way`, city: "Austin", country: "US", postCode: "73301" },
        sellers: [s.ref(seller)],
      });
      buyers.push(buyer);
      licensees.push(
        s.add("accounts/licensees", {
          name: `${String(c["name"])} licensee ${k + 1}`,
          status: k === 0 ? "Enabled" : "Active",
          account: s.ref(c),
          client: s.ref(c),
          buyer: s.ref(buyer),
          seller: s.ref(seller),
          useBuyerAddress: true,
          eligibility: { client: true, partner: false },
        }),
      );
    }
  });

  for (const [code, name] of [
    ["marketplace", "Marketplace"],
    ["billing", "Billing"],
    ["catalog", "Catalog management"],
    ["helpdesk", "Helpdesk"],
  ] as const) {
    s.add("accounts/modules", {
      name,
      code,
      description: `${name} module`,
      isConfigurable: true,
      isEnabledByDefault: code === "marketplace",
      paid: false,
      accountTypes: ["Vendor", "Client", "Operations"],
    });
  }
  for (const name of ["Commerce service", "Billing service"]) {
    s.add("accounts/services", { name, status: "Active", account: s.ref(operations) });
  }
  sellers.forEach((seller, i) => {
    s.add("accounts/erp-links", {
      name: `ERP link ${i + 1}`,
      status: i === 2 ? "Blocked" : "Active",
      seller: s.ref(seller),
      account: s.ref(clients[i] as JsonObject),
    });
  });
  clients.slice(0, 3).forEach((c, i) => {
    s.add("accounts/cloud-tenants", {
      name: `${String(c["name"])} tenant`,
      status: "Active",
      externalId: `tenant-${i}.onmicrosoft.example`,
      account: s.ref(c),
    });
  });
  s.add("accounts/account-users", {
    name: "Ada Lovelace",
    status: "Active",
    user: s.ref(users[0] as JsonObject),
    account: s.ref(operations),
  });

  s.add("accounts/account-users", {
    name: "Grace Hopper",
    status: "Invited",
    user: s.ref(users[1] as JsonObject),
    account: s.ref(operations),
  });
  addToken(s, operations, "CI pipeline");
  const tokens = {
    operations: addToken(s, operations, "Operations automation")["token"] as string,
    vendor: addToken(s, vendor, "Vendor integration")["token"] as string,
    client: addToken(s, client, "Client procurement")["token"] as string,
  };
  return { operations, vendors, clients, sellers, buyers, licensees, users, tokens };
}
