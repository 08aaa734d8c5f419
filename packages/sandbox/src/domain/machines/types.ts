/**
 * Shape of the state-machine tables: per store, the status a create starts in and, per action,
 * the statuses it may be called from, the status it leads to, and who may call it.
 */

export type AccountType = "Vendor" | "Client" | "Operations";

export const V: readonly AccountType[] = ["Vendor", "Operations"];
export const C: readonly AccountType[] = ["Client", "Operations"];
export const O: readonly AccountType[] = ["Operations"];
export const ANY: readonly AccountType[] = ["Vendor", "Client", "Operations"];

export interface Transition {
  /** Statuses the action may be called from; `*` any. */
  from: readonly string[] | "*";
  /** Status after the action; absent: unchanged. */
  to?: string;
  /** Status the record settles in after the answer (asynchronous platform work, e.g. validation). */
  settles?: string;
  /** Account types allowed to call it (default: anyone). */
  by?: readonly AccountType[];
}

export interface Machine {
  /** Status of a new record. */
  initial?: string;
  /** Statuses a create body may ask for instead (orders are created as Draft or Quoted). */
  createStatuses?: readonly string[];
  actions: Readonly<Record<string, Transition>>;
  /** Statuses DELETE is allowed from (default: any). */
  deleteFrom?: readonly string[];
}

export type MachineTable = Readonly<Record<string, Machine>>;

/** Draft -> review -> Pending -> publish -> Published <-> Unpublished (catalog content). */
export const REVIEWED_CONTENT = (publishers: readonly AccountType[]): Machine => ({
  initial: "Draft",
  actions: {
    review: { from: ["Draft", "Unpublished"], to: "Pending", by: V },
    publish: { from: ["Pending", "Unpublished"], to: "Published", by: publishers },
    unpublish: { from: ["Published"], to: "Unpublished", by: V },
  },
  deleteFrom: ["Draft", "Pending", "Unpublished"],
});

/** Draft -> publish -> Published <-> Unpublished (no review step). */
export const PUBLISHED_CONTENT: Machine = {
  initial: "Draft",
  actions: {
    publish: { from: ["Draft", "Unpublished"], to: "Published", by: V },
    unpublish: { from: ["Published"], to: "Unpublished", by: V },
  },
};

/** Active <-> Disabled with `enable`/`disable` (or `activate`/`disable`). */
export const TOGGLE = (
  on: string,
  off: string,
  onAction = "enable",
  offAction = "disable",
  by = ANY,
): Machine => ({
  initial: on,
  actions: {
    [onAction]: { from: [off], to: on, by },
    [offAction]: { from: [on], to: off, by },
  },
});
