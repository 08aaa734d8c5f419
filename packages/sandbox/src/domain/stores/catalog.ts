/** Store definitions of the `catalog` group (each field is described in types.ts). */
import { C, O, REVIEWED_CONTENT, V } from "../machines/types.js";
import { contentOf, OPERATIONS_WRITE, partOf, VENDOR_OWNED, VENDOR_WRITES } from "./rules.js";
import { child, defineStores, random } from "./types.js";

export const catalogStores = defineStores({
  "catalog/authorizations": {
    id: random("AUT", 2),
    access: { read: V, create: V, update: V, delete: V },
    visibility: { owners: { Vendor: ["vendor.id"] }, inherit: "product.id" },
    stampVendor: true,
  },
  "catalog/items": {
    id: child("ITM", "product.id"),
    omitted: ["audit", "parameters"],
    access: VENDOR_WRITES,
    visibility: contentOf("product.id"),
    machine: {
      initial: "Draft",
      actions: {
        review: { from: ["Draft", "Unpublished"], to: "Pending", by: V },
        publish: { from: ["Pending", "Unpublished"], to: "Published", by: O },
        unpublish: { from: ["Published"], to: "Unpublished", by: V },
      },
      deleteFrom: ["Draft"],
    },
  },
  "catalog/listings": {
    id: random("LST", 2),
    access: VENDOR_WRITES,
    visibility: { owners: { Vendor: ["vendor.id"] }, inherit: "product.id" },
    stampVendor: true,
  },
  "catalog/price-lists": {
    id: child("PRC", "product.id"),
    access: { read: V, create: V, update: V, delete: V },
    visibility: { owners: { Vendor: ["vendor.id"] }, inherit: "product.id" },
    stampVendor: true,
  },
  "catalog/price-lists/items": {
    id: child("PRI", "priceList.id"),
    access: { read: V },
    visibility: partOf("priceList.id"),
  },
  "catalog/pricing-policies": {
    id: random("PPY", 2),
    // The platform's answer (mpt-api-python-client e2e): a policy without client and products is a 400.
    required: ["client.id", "products"],
    access: { read: C },
    visibility: { owners: { Client: ["client.id"] } },
    machine: {
      initial: "Active",
      actions: {
        activate: { from: ["Inactive", "None"], to: "Active", by: V },
        disable: { from: ["Active"], to: "Inactive", by: V },
      },
    },
  },
  "catalog/pricing-policies/attachments": {
    id: child("PPA", "pricingPolicy.id"),
    visibility: partOf("pricingPolicy.id"),
  },
  "catalog/products": {
    id: random("PRD", 2),
    access: VENDOR_WRITES,
    visibility: VENDOR_OWNED,
    stampVendor: true,
    machine: {
      initial: "Draft",
      actions: {
        review: { from: ["Draft"], to: "Pending", by: V },
        publish: { from: ["Pending", "Unpublished"], to: "Published", by: O },
        unpublish: { from: ["Published"], to: "Unpublished", by: V },
        updateSettings: { from: "*", by: V },
      },
      deleteFrom: ["Draft"],
    },
  },
  "catalog/products/documents": {
    id: child("PDC", "product.id"),
    access: VENDOR_WRITES,
    visibility: contentOf("product.id"),
    machine: REVIEWED_CONTENT(V),
  },
  "catalog/products/item-groups": { id: child("IGR", "product.id"), visibility: partOf("product.id") },
  "catalog/products/media": {
    id: child("PME", "product.id"),
    access: VENDOR_WRITES,
    visibility: contentOf("product.id"),
    machine: REVIEWED_CONTENT(V),
  },
  "catalog/products/parameter-groups": {
    id: child("PGR", "product.id"),
    visibility: partOf("product.id"),
  },
  "catalog/products/parameters": {
    id: child("PAR", "product.id"),
    softDelete: true,
    access: VENDOR_WRITES,
    visibility: partOf("product.id"),
    machine: { initial: "Active", actions: {} },
  },
  "catalog/products/templates": {
    id: child("TPL", "product.id"),
    access: { read: V },
    visibility: partOf("product.id"),
    machine: { initial: "Active", actions: {} },
  },
  "catalog/products/terms": {
    id: child("TCS", "product.id"),
    access: VENDOR_WRITES,
    visibility: contentOf("product.id"),
    machine: REVIEWED_CONTENT(V),
  },
  "catalog/products/terms/variants": {
    id: child("TCV", "term.id"),
    visibility: contentOf("term.id"),
    machine: REVIEWED_CONTENT(V),
  },
  "catalog/units-of-measure": { id: random("UNT", 1), access: OPERATIONS_WRITE },
});
