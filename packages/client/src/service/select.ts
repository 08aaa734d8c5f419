/**
 * The model type after a `select` (types only), following MPT's semantics: `-*` then named fields
 * keeps only those; named fields alone (`field`, `+field`) add to the defaults and are then
 * present; `-field` removes a field. A dotted name (`+audit.created`) concerns its top field.
 * Field lists that are not literals (`string[]`) leave the model as it is.
 */

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type Top<S extends string> = S extends `${infer H}.${string}` ? H : S;

/** Top-level fields named (and so present) by a select list. */
type Added<F extends readonly string[]> = F[number] extends infer E
  ? E extends `-${string}` | "*" | "+*"
    ? never
    : E extends `+${infer R}`
      ? Top<R>
      : E extends string
        ? Top<E>
        : never
  : never;

/** Top-level fields removed by a select list (`-field`; not `-*`, not `-a.b`). */
type Removed<F extends readonly string[]> = F[number] extends infer E
  ? E extends `-${infer R}`
    ? R extends "*" | `${string}.${string}`
      ? never
      : R
    : never
  : never;

/** Model `M` as answered for `select(...F)`. */
export type Selected<M, F extends readonly string[]> = F["length"] extends 0
  ? M
  : string extends F[number]
    ? M
    : "-*" extends F[number]
      ? Simplify<{ [K in keyof M as K extends Added<F> ? K : never]-?: M[K] }>
      : Simplify<
          { [K in keyof M as K extends Removed<F> | Added<F> ? never : K]: M[K] } & {
            [K in keyof M as K extends Added<F> ? K : never]-?: M[K];
          }
        >;
