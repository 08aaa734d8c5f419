/**
 * Page results: `ModelCollection<T>` (the records of one page plus its `$meta`, the response it
 * came in, and the way to the next page) and the pagination arithmetic the iterator relies on.
 */
import { MPTError } from "../errors.js";
import type { ResponseInfo } from "../service/api-promise.js";

/** `$meta.pagination` of a collection answer, with the paging helpers of the Python client. */
export class Pagination {
  readonly offset: number;
  readonly limit: number;
  /** Total matching records; `null` when the server did not count. */
  readonly total: number | null;

  constructor(init: { offset?: number; limit?: number; total?: number | null }) {
    this.offset = init.offset ?? 0;
    this.limit = init.limit ?? 0;
    this.total = init.total ?? null;
  }

  /** 1-based number of the current page (0 when the limit is 0). */
  numPage(): number {
    return this.limit > 0 ? Math.floor(this.offset / this.limit) + 1 : 0;
  }

  /** Number of pages for `total` at this limit (0 when unknown or limit 0). */
  totalPages(): number {
    if (this.limit <= 0 || this.total === null) return 0;
    return Math.ceil(this.total / this.limit);
  }

  /** True when a page after this one exists. */
  hasNext(): boolean {
    return this.numPage() < this.totalPages();
  }

  /** Offset of the next page. */
  nextOffset(): number {
    return this.offset + this.limit;
  }
}

/** `$meta` of an answer: pagination (collections) and the fields the server left out. */
export class Meta {
  readonly pagination: Pagination;
  readonly omitted: string[];

  constructor(init: { pagination?: Pagination; omitted?: string[] }) {
    this.pagination = init.pagination ?? new Pagination({});
    this.omitted = init.omitted ?? [];
  }

  /** Reads a wire `$meta` object; returns undefined when absent or not an object. */
  static from(raw: unknown): Meta | undefined {
    if (!isObject(raw)) return undefined;
    const p = isObject(raw["pagination"]) ? raw["pagination"] : {};
    const omitted = Array.isArray(raw["omitted"])
      ? raw["omitted"].filter((x): x is string => typeof x === "string")
      : [];
    return new Meta({
      pagination: new Pagination({
        offset: toNumber(p["offset"]) ?? 0,
        limit: toNumber(p["limit"]) ?? 0,
        total: toNumber(p["total"]) ?? null,
      }),
      omitted,
    });
  }
}

/** What the service engine attaches to a page it fetched. */
export interface PageSource<T> {
  /** Status, headers, URL and trace id of the answer. */
  readonly response?: ResponseInfo | undefined;
  /** Fetches the page after this one with the same query and page size. */
  readonly next?: ((offset: number) => Promise<ModelCollection<T>>) | undefined;
}

/** The records of one page, with the page's `$meta`. Iterable and indexable with `at()`. */
export class ModelCollection<T> implements Iterable<T> {
  readonly resources: T[];
  readonly meta: Meta | undefined;
  /** The response this page came in (pages fetched by a service). */
  readonly response: ResponseInfo | undefined;
  readonly #next: ((offset: number) => Promise<ModelCollection<T>>) | undefined;

  constructor(resources: T[], meta?: Meta, source: PageSource<T> = {}) {
    this.resources = resources;
    this.meta = meta;
    this.response = source.response;
    this.#next = source.next;
  }

  get length(): number {
    return this.resources.length;
  }

  /** The resource at `index` (negative counts from the end), like `Array.prototype.at`. */
  at(index: number): T | undefined {
    return this.resources.at(index);
  }

  /** True when the server reports records after this page (`$meta.pagination`). */
  hasNextPage(): boolean {
    const pagination = this.meta?.pagination;
    return pagination !== undefined && this.length > 0 && pagination.limit > 0 && pagination.hasNext();
  }

  /**
   * The page after this one (same query and page size).
   * @throws MPTError when there is none (`hasNextPage()` is false) or the page was not fetched by a service.
   */
  nextPage(): Promise<ModelCollection<T>> {
    if (!this.hasNextPage() || !this.meta) {
      return Promise.reject(new MPTError("nextPage(): this is the last page (check hasNextPage() first)"));
    }
    if (!this.#next) {
      return Promise.reject(new MPTError("nextPage(): this page was not fetched by a service"));
    }
    return this.#next(this.meta.pagination.nextOffset());
  }

  /** Iterates over the resources of this page. */
  [Symbol.iterator](): Iterator<T> {
    return this.resources[Symbol.iterator]();
  }

  /** The page as the API sends it: `{ data, $meta }`. */
  toJSON(): { data: T[]; $meta?: unknown } {
    return this.meta ? { data: this.resources, $meta: this.meta } : { data: this.resources };
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function toNumber(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}
