/**
 * Typed field access for filters: `rql<Product>()("vendor.name").eq("Microsoft")` checks the path
 * against the model and the value against the field's type at compile time, and builds the same
 * `RQLQuery` as `new RQLQuery("vendor.name").eq("Microsoft")`. Services hand one to `filter`
 * callbacks: `products.filter((f) => f("status").eq("Published"))`. Untyped paths stay available
 * through `new RQLQuery(path)` and `RQLQuery.fromString(text)`.
 */
import { RQLQuery } from "./builder.js";
import type { CheckPath, PathValue } from "./paths.js";
import type { RQLProperty, RQLValue } from "./values.js";

/** Values an operator takes for a field of type `V`: numbers for numbers, a literal union's members, ... */
export type FieldValue<V> =
  | RQLValue
  | RQLProperty
  | (unknown extends V
      ? string | number | bigint | boolean | Date
      : V extends number
        ? number | bigint
        : V extends boolean
          ? boolean
          : V extends string
            ? string extends V
              ? string | Date
              : V
            : never);

/** The operators of one field, their values typed by the field (`V`). Each returns the query. */
export interface TypedField<V> {
  /** `eq(field,value)`: equal (`null` compares with null). */
  eq(value: FieldValue<V> | null): RQLQuery;
  /** `ne(field,value)`: not equal. */
  ne(value: FieldValue<V> | null): RQLQuery;
  /** `lt(field,value)`: less than. */
  lt(value: FieldValue<V>): RQLQuery;
  /** `le(field,value)`: less than or equal. */
  le(value: FieldValue<V>): RQLQuery;
  /** `gt(field,value)`: greater than. */
  gt(value: FieldValue<V>): RQLQuery;
  /** `ge(field,value)`: greater than or equal. */
  ge(value: FieldValue<V>): RQLQuery;
  /** Pattern match with `*` wildcards. */
  like(value: string): RQLQuery;
  /** Case-insensitive `like`. */
  ilike(value: string): RQLQuery;
  /** `in(field,(values))`: one of the values. */
  in(values: Iterable<FieldValue<V>>): RQLQuery;
  /** `oneof(field,(values))`: one of the values (MPT's alias of `in`). */
  oneof(values: Iterable<FieldValue<V>>): RQLQuery;
  /** `out(field,(values))`: none of the values. */
  out(values: Iterable<FieldValue<V>>): RQLQuery;
  /** `true`: the field is null; `false`: it is not. */
  null(value: boolean): RQLQuery;
  /** `true` (default): the field is empty; `false`: it is not. */
  empty(value?: boolean): RQLQuery;
  /** The field is not empty (`empty(false)`). */
  notEmpty(): RQLQuery;
}

/** Opens a typed field of model `M` by its dotted path (checked; arrays are walked through). */
export type FieldOf<M> = <const S extends string>(path: CheckPath<M, S>) => TypedField<PathValue<M, S>>;

/** The typed field opener of model `M` (`rql<Product>()("status").eq("Published")`). */
export function rql<M>(): FieldOf<M> {
  return (path: string) => new RQLQuery(path);
}
