/**
 * Request data types: `Input<M>` (the fields of model `M`, all optional, checked for excess
 * properties at every depth) and the documented escape hatch `unchecked(data)` for fields the
 * spec does not describe yet.
 */

declare const UNCHECKED: unique symbol;

/** Data passed through `unchecked()`: sent as it is, not checked against the model. */
export interface Unchecked {
  readonly [UNCHECKED]: true;
}

/** The fields of model `M` as request data: all optional, nested objects and lists included. */
export type Input<M> = M extends readonly (infer E)[]
  ? readonly Input<E>[]
  : M extends object
    ? { [K in keyof M as K extends "$meta" ? never : K]?: Input<M[K]> }
    : M;

/** What create / update / actions take: the model's fields, or data marked `unchecked`. */
export type Body<M> = Input<M> | Unchecked;

/**
 * Marks request data as not checked against the model, for fields the spec lacks:
 * `products.create(unchecked({ name: "x", newField: 1 }))`. The data is sent unchanged (it is
 * still checked at run time to be a JSON object or list).
 */
export function unchecked(data: object): Unchecked {
  return data as Unchecked;
}
