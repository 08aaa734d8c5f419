/**
 * Shape of a state machine (a store definition's `machine`): the status a create starts in and,
 * per action, the statuses it may be called from, the status it leads to, and who may call it;
 * plus the builders of the common machines.
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

/** `A`: the store's action names (from the catalogue), so a transition of no action fails to compile. */
export interface Machine<A extends string = string> {
  /** Status of a new record. */
  initial?: string;
  /** Statuses a create body may ask for instead (orders are created as Draft or Quoted). */
  createStatuses?: readonly string[];
  actions: Readonly<Partial<Record<A, Transition>>>;
  /** Statuses DELETE is allowed from (default: any). */
  deleteFrom?: readonly string[];
}

/** Draft -> review -> Pending -> publish -> Published <-> Unpublished (catalog content). */
export const REVIEWED_CONTENT = (
  publishers: readonly AccountType[],
): Machine<"review" | "publish" | "unpublish"> => ({
  initial: "Draft",
  actions: {
    review: { from: ["Draft", "Unpublished"], to: "Pending", by: V },
    publish: { from: ["Pending", "Unpublished"], to: "Published", by: publishers },
    unpublish: { from: ["Published"], to: "Unpublished", by: V },
  },
  deleteFrom: ["Draft", "Pending", "Unpublished"],
});

/** Draft -> publish -> Published <-> Unpublished (no review step). */
export const PUBLISHED_CONTENT: Machine<"publish" | "unpublish"> = {
  initial: "Draft",
  actions: {
    publish: { from: ["Draft", "Unpublished"], to: "Published", by: V },
    unpublish: { from: ["Published"], to: "Unpublished", by: V },
  },
};

/** `on` <-> `off` with two actions (`enable`/`disable`, `activate`/`disable`, `unblock`/`block`). */
export function TOGGLE<const OnAction extends string, const OffAction extends string>(
  on: string,
  off: string,
  onAction: OnAction,
  offAction: OffAction,
  by: readonly AccountType[] = ANY,
): Machine<OnAction | OffAction> {
  const actions: Partial<Record<OnAction | OffAction, Transition>> = {};
  actions[onAction] = { from: [off], to: on, by };
  actions[offAction] = { from: [on], to: off, by };
  return { initial: on, actions };
}
