/** Store definitions of the `integration` group (each field is described in types.ts). */
import { ANY, PUBLISHED_CONTENT, V } from "../machines/types.js";
import { contentOf, partOf, VENDOR_OWNED, VENDOR_WRITES } from "./rules.js";
import { child, defineStores, random } from "./types.js";

export const integrationStores = defineStores({
  "integration/categories": { id: random("ICA", 2) },
  "integration/extensions": {
    id: random("EXT", 2),
    access: VENDOR_WRITES,
    visibility: VENDOR_OWNED,
    stampVendor: true,
    machine: {
      initial: "Draft",
      actions: {
        publish: { from: ["Draft", "Unpublished"], to: "Published", by: V },
        unpublish: { from: ["Published"], to: "Unpublished", by: V },
        regenerate: { from: "*", by: V },
      },
    },
    special: { token: "extensionToken" },
  },
  "integration/extensions/documents": {
    id: child("EDC", "extension.id"),
    visibility: contentOf("extension.id"),
    machine: PUBLISHED_CONTENT,
  },
  "integration/extensions/instances": {
    id: { prefix: "INS", parent: ["extension.id"], pad: 1 },
    access: { read: V },
    visibility: partOf("extension.id"),
  },
  "integration/extensions/media": {
    id: child("EMD", "extension.id"),
    visibility: contentOf("extension.id"),
    machine: PUBLISHED_CONTENT,
    uploads: { uploadImage: "mediaImage" },
  },
  "integration/extensions/terms": {
    id: child("ETC", "extension.id"),
    visibility: contentOf("extension.id"),
    machine: PUBLISHED_CONTENT,
  },
  "integration/extensions/terms/variants": {
    id: child("ETV", "term.id"),
    visibility: contentOf("term.id"),
    machine: PUBLISHED_CONTENT,
  },
  "integration/installations": {
    id: random("EXI", 3),
    visibility: { owners: { Client: ["account.id"], Vendor: ["account.id", "vendor.id"] } },
    machine: {
      initial: "Invited",
      createStatuses: ["Invited", "Installed"],
      actions: { redeem: { from: ["Invited"], to: "Installed", by: ANY } },
    },
    /** An `Invited` installation carries `invitation.url`; redeem needs its code (issue #14). */
    derive: "installationInvitation",
    onAction: { redeem: "redeemInvitation" },
    nested: { "integration/extensions/{extensionId}/installations": { owned: false } },
  },
  "integration/installations/-/token": { special: { token: "installationToken" } },
});
