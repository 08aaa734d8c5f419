/**
 * Seeded catalog: units of measure, products of each vendor (mostly Published) with item
 * groups, items, parameter groups and parameters, templates, documents (PDF bytes), media (PNG
 * bytes), terms with variants; authorizations, listings per seller, price lists with items,
 * pricing policies.
 */
import type { JsonObject } from "../../shared/json.js";
import type { AccountsSeed } from "./accounts.js";
import { pdfBytes, pngBytes, type SeedContext } from "./context.js";
import { ITEM_TIERS, PRODUCT_NAMES } from "./names.js";

export interface CatalogSeed {
  products: JsonObject[];
  /** Items by product id. */
  items: Map<string, JsonObject[]>;
  listings: JsonObject[];
  priceLists: JsonObject[];
  authorizations: JsonObject[];
}

const STATUSES = ["Published", "Published", "Published", "Draft", "Pending", "Unpublished"];

function productContent(s: SeedContext, product: JsonObject, index: number): JsonObject[] {
  const p = s.ref(product);
  const productId = product["id"] as string;
  const units = [...s.store.collection("catalog/units-of-measure").scan()];
  const groups = ["Licenses", "Add-ons"].map((name, k) =>
    s.add("catalog/products/item-groups", {
      name,
      label: name,
      description: `${name} of ${String(product["name"])}`,
      displayOrder: k + 1,
      default: k === 0,
      multiple: true,
      required: k === 0,
      product: p,
    }),
  );
  const items: JsonObject[] = [];
  const count = 3 + (index % 3);
  for (let k = 0; k < count; k++) {
    const tier = ITEM_TIERS[k % ITEM_TIERS.length] as string;
    const status = product["status"] === "Published" ? (k === count - 1 ? "Draft" : "Published") : "Draft";
    items.push(
      s.add("catalog/items", {
        name: `${String(product["name"])} ${tier}`,
        description: `${tier} plan of ${String(product["name"])}`,
        status,
        product: p,
        group: s.ref(groups[k < 3 ? 0 : 1] as JsonObject),
        unit: s.ref(units[k % units.length] as JsonObject),
        externalIds: { vendor: `SKU-${index}-${k}`, operations: `OPS-${index}-${k}` },
        terms: { model: k % 2 === 0 ? "quantity" : "one-time", period: "1m", commitment: "1y" },
        quantityNotApplicable: false,
        parameters: [],
      }),
    );
  }
  const paramGroup = s.add("catalog/products/parameter-groups", {
    name: "Customer details",
    label: "Customer details",
    displayOrder: 1,
    default: true,
    parameterCount: 2,
    product: p,
  });
  for (const [name, scope, phase] of [
    ["Tenant domain", "Agreement", "Order"],
    ["Admin contact", "Agreement", "Order"],
    ["Provisioning id", "Subscription", "Fulfillment"],
  ] as const) {
    s.add("catalog/products/parameters", {
      name,
      externalId: name.toLowerCase().replace(/ /g, "_"),
      type: "SingleLineText",
      scope,
      phase,
      status: "Active",
      description: `${name} parameter`,
      group: s.ref(paramGroup),
      product: p,
      options: { hintText: name, defaultValue: "" },
      constraints: { hidden: false, readonly: false, required: phase === "Order" },
    });
  }
  for (const [type, name] of [
    ["OrderProcessing", "Order processing"],
    ["OrderCompleted", "Order completed"],
    ["OrderQuerying", "Order querying"],
  ] as const) {
    s.add("catalog/products/templates", {
      name,
      type,
      content: `# ${name}\nThank you for ordering {{ product.name }}.`,
      default: true,
      status: "Active",
      product: p,
    });
  }
  for (let k = 0; k < 2; k++) {
    const doc = s.add("catalog/products/documents", {
      name: k === 0 ? "Product specification" : "Service description",
      type: "File",
      description: "Seeded document",
      status: k === 0 ? "Published" : "Draft",
      language: "en-US",
      product: p,
    });
    const filename = `${k === 0 ? "specification" : "service-description"}-${productId}.pdf`;
    const file = {
      filename,
      contentType: "application/pdf",
      bytes: pdfBytes(`${String(product["name"])} ${filename}`),
    };
    s.store.files.set(doc["id"] as string, file);
    s.store
      .collection("catalog/products/documents")
      .put({ ...doc, filename, size: file.bytes.byteLength, contentType: file.contentType });
  }
  const media = s.add("catalog/products/media", {
    name: "Screenshot",
    type: "Image",
    description: "Seeded screenshot",
    status: "Published",
    displayOrder: 1,
    product: p,
  });
  const image = { filename: "screenshot.png", contentType: "image/png", bytes: pngBytes() };
  s.store.files.set(media["id"] as string, image);
  s.store.files.set(`${media["id"] as string}/image`, image);
  s.store.collection("catalog/products/media").put({
    ...media,
    filename: image.filename,
    size: image.bytes.byteLength,
    contentType: image.contentType,
  });
  const terms = s.add("catalog/products/terms", {
    name: "Terms of service",
    description: "Seeded terms",
    displayOrder: 1,
    status: "Published",
    product: p,
  });
  const variant = s.add("catalog/products/terms/variants", {
    name: "English",
    type: "File",
    assetUrl: "",
    languageCode: "en-US",
    status: "Published",
    description: "English terms",
    term: s.ref(terms),
    product: p,
  });
  const tos = {
    filename: "terms-en.pdf",
    contentType: "application/pdf",
    bytes: pdfBytes("Terms of service"),
  };
  s.store.files.set(variant["id"] as string, tos);
  s.store
    .collection("catalog/products/terms/variants")
    .put({ ...variant, filename: tos.filename, size: tos.bytes.byteLength, contentType: tos.contentType });
  return items;
}

export function seedCatalog(s: SeedContext, acc: AccountsSeed): CatalogSeed {
  for (const [name, description] of [
    ["User", "Named user"],
    ["Device", "Managed device"],
    ["GB", "Gigabyte of storage"],
    ["License", "Perpetual license"],
  ] as const) {
    s.add("catalog/units-of-measure", { name, description, statistics: { itemCount: 0 } });
  }
  const products: JsonObject[] = [];
  const items = new Map<string, JsonObject[]>();
  let index = 0;
  acc.vendors.forEach((vendor, v) => {
    const count = v === 0 ? 6 : 2;
    for (let k = 0; k < count; k++) {
      const name = PRODUCT_NAMES[index % PRODUCT_NAMES.length] as string;
      const status = v === 0 ? (STATUSES[k] as string) : "Published";
      const product = s.add("catalog/products", {
        name,
        shortDescription: `${name} by ${String(vendor["name"])}`,
        longDescription: `${name} is a seeded product of the sandbox marketplace.`,
        website: `https://example.com/${name.toLowerCase().replace(/ /g, "-")}`,
        externalIds: { operations: `PRD-EXT-${100 + index}` },
        status,
        vendor: s.ref(vendor),
        settings: { productOrdering: true, productRequests: { enabled: false }, itemSelection: true },
        statistics: {
          itemCount: 0,
          ordersPlacedCount: 0,
          agreementCount: 0,
          subscriptionCount: 0,
          requestCount: 0,
        },
      });
      const id = product["id"] as string;
      s.store.files.set(`${id}/icon`, { filename: "icon.png", contentType: "image/png", bytes: pngBytes() });
      const withIcon = { ...product, icon: `/v1/catalog/products/${id}/icon` };
      s.store.collection("catalog/products").put(withIcon);
      products.push(withIcon);
      items.set(id, productContent(s, withIcon, index));
      index++;
    }
  });

  const published = products.filter((p) => p["status"] === "Published");
  const authorizations: JsonObject[] = [];
  const listings: JsonObject[] = [];
  const priceLists: JsonObject[] = [];
  for (const product of published) {
    const vendor = product["vendor"] as JsonObject;
    acc.sellers.forEach((seller, k) => {
      const currency = (seller["currencies"] as string[])[0] ?? "USD";
      const authorization = s.add("catalog/authorizations", {
        name: `${String(product["name"])} via ${String(seller["name"])}`,
        currency,
        product: s.ref(product),
        vendor,
        owner: s.ref(seller),
        externalIds: { operations: `AUTH-${k}` },
      });
      authorizations.push(authorization);
      const priceList = s.add("catalog/price-lists", {
        currency,
        precision: 2,
        defaultMarkup: 20,
        notes: `${currency} prices of ${String(product["name"])}`,
        product: s.ref(product),
        vendor,
        externalIds: { vendor: `PL-${currency}` },
      });
      priceLists.push(priceList);
      (items.get(product["id"] as string) ?? []).forEach((item, n) => {
        const unitPP = 10 + n * 15 + k;
        s.add("catalog/price-lists/items", {
          status: item["status"] === "Published" ? "ForSale" : "Draft",
          description: String(item["name"]),
          unitLP: unitPP * 1.5,
          unitPP,
          markup: 20,
          margin: 16.67,
          unitSP: Math.round(unitPP * 1.2 * 100) / 100,
          PPx1: unitPP,
          PPxM: unitPP,
          PPxY: unitPP * 12,
          SPx1: Math.round(unitPP * 1.2 * 100) / 100,
          SPxM: Math.round(unitPP * 1.2 * 100) / 100,
          SPxY: Math.round(unitPP * 14.4 * 100) / 100,
          priceList: s.ref(priceList),
          item: s.ref(item),
        });
      });
      listings.push(
        s.add("catalog/listings", {
          authorization: s.ref(authorization),
          product: s.ref(product),
          vendor,
          seller: s.ref(seller),
          priceList: s.ref(priceList),
          primary: k === 0,
          notes: "",
          eligibility: { client: true, partner: false },
        }),
      );
    });
  }
  acc.clients.slice(0, 3).forEach((client, i) => {
    const policy = s.add("catalog/pricing-policies", {
      name: `${String(client["name"])} discount`,
      client: s.ref(client),
      markup: 10 + i,
      margin: 9,
      notes: "Seeded pricing policy",
      products: published.slice(0, 2).map((p) => s.ref(p)),
      status: i === 2 ? "Inactive" : "Active",
    });
    const attachment = s.add("catalog/pricing-policies/attachments", {
      name: "Agreement letter",
      description: "Signed letter",
      pricingPolicy: s.ref(policy),
    });
    const file = { filename: "letter.pdf", contentType: "application/pdf", bytes: pdfBytes("letter") };
    s.store.files.set(attachment["id"] as string, file);
    s.store.collection("catalog/pricing-policies/attachments").put({
      ...attachment,
      filename: file.filename,
      size: file.bytes.byteLength,
      contentType: file.contentType,
    });
  });
  return { products, items, listings, priceLists, authorizations };
}
