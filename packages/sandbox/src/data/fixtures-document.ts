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
  /**
   * Where the id generators stand, so the next created object gets the id it would have got in
   * the exported state (exports carry it). Without it, random ids restart from the `seed` option
   * and child sequences continue after the highest child id of the document.
   */
  ids?: FixtureIds;
}

export interface FixtureIds {
  /** Position of the random-id generator (an unsigned 32-bit integer). */
  random?: number;
  /**
   * Every child-sequence counter, by `<store key>|<parent id>` (`"catalog/items|PRD-1234-5678": 3`:
   * the next item of that product is `ITM-1234-5678-0004`, even if `-0003` was deleted).
   */
  sequences?: Record<string, number>;
}
