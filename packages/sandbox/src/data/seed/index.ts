/**
 * The built-in marketplace: a deterministic seed (same `seed` option, same data) with accounts,
 * catalog, commerce, billing and every other module, so each service's read path answers.
 * `scale` multiplies the big generated collections (orders, subscriptions, charges, invoices).
 */
import type { Store } from "../../domain/store.js";
import { seedAccounts } from "./accounts.js";
import { seedBilling } from "./billing.js";
import { seedCatalog } from "./catalog.js";
import { seedCommerce } from "./commerce.js";
import { SeedContext } from "./context.js";
import { seedPlatform } from "./platform.js";

export interface SeededPersonas {
  tokens: { vendor: string; client: string; operations: string; extension: string };
  accounts: { vendor: string; client: string; operations: string };
  extensionId: string;
}

export function seedMarketplace(store: Store, seed: string, scale: number): SeededPersonas {
  const s = new SeedContext(store, seed, scale);
  const acc = seedAccounts(s);
  const cat = seedCatalog(s, acc);
  const com = seedCommerce(s, acc, cat);
  seedBilling(s, acc, cat, com);
  const extension = seedPlatform(s, acc, cat);
  const extensionToken = store.collection("accounts/api-tokens").get(extension.split(":")[1] ?? "");
  const extensionId = String((extensionToken?.["extension"] as { id?: string } | undefined)?.id ?? "");
  return {
    tokens: { ...acc.tokens, extension },
    accounts: {
      vendor: acc.vendors[0]?.["id"] as string,
      client: acc.clients[0]?.["id"] as string,
      operations: acc.operations["id"] as string,
    },
    extensionId,
  };
}
