/** The shape of a fixtures document (see the README's "Your own data: fixtures"). */
import type { JsonObject } from "../shared/json.js";

export interface FixtureToken {
  /** Bearer string; generated (`idt:TKN-…:<secret>`) when absent. */
  token?: string;
  /** Account the token belongs to; default: the first fixture account of the persona's type. */
  accountId?: string;
}

export interface FixturesDocument {
  /** `none` (default): only these data; `default`: the built-in marketplace first. */
  seed?: "none" | "default";
  /** Records of `accounts/accounts` (`{ id, name, type }` at least). */
  accounts?: JsonObject[];
  tokens?: {
    vendor?: FixtureToken;
    client?: FixtureToken;
    operations?: FixtureToken;
    extension?: { secret?: string; extensionId?: string };
  };
  /** Records by store key (`catalog/products`, `catalog/items`, …); see the README's store table. */
  objects?: Record<string, JsonObject[]>;
  /**
   * Ids of deleted objects that records still name (an order's `listing` after the listing was
   * deleted through the API): references to them load. Exports list them; other missing
   * references are refused.
   */
  deleted?: string[];
  /**
   * Files by owner: the id of a record (document, attachment…) or of an object embedded in one (a
   * notification batch's `attachments[].id`), or `<id>/icon`, `<id>/image`, `<id>/upload`.
   */
  files?: Record<string, { filename: string; contentType: string; base64: string }>;
}
