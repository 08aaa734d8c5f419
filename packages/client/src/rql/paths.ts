/**
 * Field paths of a model, checked at compile time (types only). A path is checked segment by
 * segment as it is typed, so the cost grows with the path's length, never with the size of the
 * model graph: `CheckPath<Product, "vendor.name">` is the path itself, and a wrong or partial
 * path (`"vendr"`, `"audit."`) becomes the union of what may follow the valid prefix, which is
 * both the error message and the editor's completion list. Arrays are walked through
 * (`lines.item.id`); a model or object with an index signature, or an `unknown` field, accepts
 * any rest. Checking stops after `MaxDepth` segments (deeper rests are accepted as typed).
 */

/** Longest path checked segment by segment; MPT's own paths rarely go past four. */
type MaxDepth = 6;

/** The element type of (nested) arrays, without null/undefined. */
export type Element<T> = T extends readonly (infer E)[] ? Element<E> : NonNullable<T>;

/** True when `T` takes any key (index signature, `unknown`, `any`). */
type IsOpen<T> = unknown extends T ? true : string extends keyof T ? true : false;

/** Named fields of an object type (the `$meta` of the wire is kept apart by the engine). */
export type FieldName<T> = T extends object ? Exclude<keyof T & string, "$meta"> : never;

/** The type at field `K` of `T`, walking through arrays. */
type FieldType<T, K extends string> = K extends keyof Element<T> ? Element<T>[K] : unknown;

/** `T` is an object one may go into (not a primitive, not a Date-like string). */
type Enterable<T> = Element<T> extends object ? true : IsOpen<Element<T>>;

type Next<D extends unknown[]> = [...D, 0];

/**
 * `S` itself when it is a valid path of `T`, else the valid continuations of its longest valid
 * prefix (so the compiler's message lists the fields it expected). A wide `string` passes: it
 * was not typed as a literal, so there is nothing to check.
 */
export type CheckPath<T, S extends string, D extends unknown[] = []> = string extends S
  ? S
  : D["length"] extends MaxDepth
    ? S
    : IsOpen<Element<T>> extends true
      ? S
      : S extends `${infer H}.${infer R}`
        ? H extends FieldName<Element<T>>
          ? Enterable<FieldType<T, H>> extends true
            ? `${H}.${CheckPath<FieldType<T, H>, R, Next<D>>}`
            : H
          : FieldName<Element<T>>
        : S extends FieldName<Element<T>>
          ? S
          : FieldName<Element<T>>;

/** The type of the value at path `S` of `T` (array elements for paths through lists). */
export type PathValue<T, S extends string> =
  IsOpen<Element<T>> extends true
    ? unknown
    : S extends `${infer H}.${infer R}`
      ? PathValue<FieldType<T, H>, R>
      : Element<FieldType<T, S>>;

/** A path of `T` with an optional `+`/`-` prefix (`select`, `orderBy`). */
export type CheckSigned<T, S extends string> = S extends `${infer Sign extends "+" | "-"}${infer Rest}`
  ? Rest extends "*"
    ? S
    : `${Sign}${CheckPath<T, Rest>}`
  : S extends "*"
    ? S
    : CheckPath<T, S>;

/** Each of `F` checked with `CheckSigned` (the parameter type of `select` / `orderBy`). */
export type CheckFields<T, F extends readonly string[]> = { [K in keyof F]: CheckSigned<T, F[K]> };
