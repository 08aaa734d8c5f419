/** Rules several store definitions share (visibility, access, omitted fields), named once. */
import { O, V } from "../machines/types.js";
import type { AccessRule, VisibilityRule } from "./types.js";

/** A vendor's catalogue object: its own (any status) for vendors, Published for clients. */
export const VENDOR_OWNED: VisibilityRule = {
  owners: { Vendor: ["vendor.id"] },
  statuses: { Client: ["Published"] },
};

/** Content of a catalogue object: visible with its parent; Published only for clients. */
export const contentOf = (inherit: string): VisibilityRule => ({
  statuses: { Client: ["Published"] },
  inherit,
});

/** A part of another record: visible when that record is. */
export const partOf = (inherit: string): VisibilityRule => ({ inherit });

/** Commerce and billing records: the client's and the vendor's. */
export const CLIENT_AND_VENDOR: VisibilityRule = { owners: { Client: ["client.id"], Vendor: ["vendor.id"] } };

/** Vendors (and operations) write; everyone reads. */
export const VENDOR_WRITES: AccessRule = { create: V, update: V, delete: V };

/** Only operations write (platform reference data). */
export const OPERATIONS_WRITE: AccessRule = { create: O, update: O, delete: O };

/** The big fields of agreements and orders, left out unless selected. */
export const HEAVY_FIELDS: readonly string[] = [
  "audit",
  "lines",
  "parameters",
  "subscriptions",
  "assets",
  "termsAndConditions",
  "certificates",
];
