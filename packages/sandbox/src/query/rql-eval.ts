/**
 * Evaluates an MPT RQL filter (the AST of the client's parser) over JSON records, with the rules
 * of mpt-rql-net, the platform's RQL engine. The tree is first checked against the collection's
 * properties (paths case-insensitive and not through collections, the operators each property's
 * type permits, values converted to its type, properties the caller may not see) and compiled
 * into a predicate, so a million records are filtered without re-reading the tree. Every error
 * is collected and answered at once as a 400 with mpt-rql-net's messages and keys (error-keys.ts:
 * path errors by their path, the others by the engine's error code).
 */
import type { RqlCompareOp, RqlListOp, RqlNode, RqlValue } from "mpt-api-client";
import type { AccountType } from "../domain/machines/types.js";
import { type JsonValue, valuesAt } from "../shared/json.js";
import { validationError } from "../shared/problem.js";
import { FAILURE_KEY, VALIDATION_KEY } from "./error-keys.js";
import type { FieldLookup, Parent } from "./fields.js";
import { elementOf, type PropertyInfo, parentOf, type RqlOperator, resolvePath } from "./properties.js";
import {
  type Comparable,
  type CompareOp,
  comparableOf,
  compare,
  convert,
  likeMatcher,
  likePattern,
} from "./values.js";

export type Predicate = (record: JsonValue) => boolean;

const MESSAGES = {
  unknownGroup: "Unknown expression group.",
  emptyGroup: "Expression group cannot be empty.",
  nonNullable: "Cannot compare non nullable property with null",
  incompatible: "Collection property has incompatible type",
  notPermitted: (op: RqlOperator) => `Operator '${op}' is not permitted`,
  /** The sandbox's own words: mpt-rql-net throws here (see `enumOrdering`). */
  enumOrdering: (op: RqlOperator, path: string) =>
    `Operator '${op}' cannot compare the enum property '${path}': the platform's RQL engine builds ` +
    `a .NET comparison that enum types do not have, so the platform fails this query. ` +
    `Filter with in()/out() on the members instead.`,
};

/** Relational operators: mpt-rql-net's `Expression.GreaterThan` & co. throw for enum types. */
const RELATIONAL: ReadonlySet<CompareOp> = new Set(["gt", "ge", "lt", "le"]);

const COMPARE_OPERATORS: Readonly<Record<CompareOp, RqlOperator>> = {
  eq: "Eq",
  ne: "Ne",
  gt: "Gt",
  ge: "Ge",
  lt: "Lt",
  le: "Le",
};

const never: Predicate = () => false;

/** Where paths are read: the record, or one element inside `any()`/`all()`. */
interface Scope {
  parent: Parent;
  /** Prefix of error keys: the enclosing collection's path (`""` at the record). */
  key: string;
  /** The collection whose elements are evaluated; `self()` is one of them. */
  collection?: PropertyInfo;
}

/** A property in scope and how to read its values from the scope's element. */
interface Operand {
  info: PropertyInfo;
  key: string;
  read: (element: JsonValue) => JsonValue[];
}

function relative(scope: Scope, path: string): string {
  return scope.parent.path === "" ? path : path.slice(scope.parent.path.length + 1);
}

class Compiler {
  readonly errors: Record<string, string[]> = {};
  constructor(
    private readonly fields: FieldLookup,
    private readonly accountType: AccountType | undefined,
  ) {}

  /** Records an error; repeats are kept, as ASP.NET's ModelState keeps each one the engine adds. */
  private fail(key: string, message: string): Predicate {
    const list = this.errors[key] ?? [];
    list.push(message);
    this.errors[key] = list;
    return never;
  }

  /** The operand at `path` (`""`: the element itself); records the path error when there is none. */
  private operand(path: string, scope: Scope, quiet = false): Operand | undefined {
    if (path === "") {
      const self = elementOf(scope.collection, scope.parent);
      return { info: self, key: scope.key, read: (e) => [e] };
    }
    const found = resolvePath(this.fields, scope.parent, path, "filter", this.accountType, scope.key);
    if (!found.ok) {
      if (!quiet) this.fail(found.key, found.message);
      return undefined;
    }
    const rel = relative(scope, found.info.path);
    const key = scope.key === "" ? found.info.path : `${scope.key}.${rel}`;
    return { info: found.info, key, read: (e) => valuesAt(e, rel) };
  }

  compile(node: RqlNode, scope: Scope): Predicate {
    switch (node.type) {
      case "and":
      case "or": {
        if (node.args.length === 0) return this.fail(VALIDATION_KEY, MESSAGES.emptyGroup);
        const parts = node.args.map((a) => this.compile(a, scope));
        return node.type === "and" ? (r) => parts.every((p) => p(r)) : (r) => parts.some((p) => p(r));
      }
      case "not": {
        const inner = this.compile(node.arg, scope);
        return (r) => !inner(r);
      }
      case "group":
        if (node.name === "filter") return () => true;
        return this.fail(node.name, MESSAGES.unknownGroup);
      case "collection":
        return this.compileCollection(node, scope);
      case "list":
        return this.compileList(node.op, node.path, node.values, scope);
      case "compare":
        return this.compileCompare(node.op, node.path, node.value, scope);
    }
  }

  private compileCollection(node: Extract<RqlNode, { type: "collection" }>, scope: Scope): Predicate {
    const coll = this.operand(node.path, scope);
    if (!coll) return never;
    if (coll.info.rqlType === "Reference") return this.fail(FAILURE_KEY, MESSAGES.incompatible);
    // mpt-rql-net's all() checks the Any permission too.
    if (!coll.info.operators.has("Any")) return this.fail(VALIDATION_KEY, MESSAGES.notPermitted("Any"));
    const elements = (r: JsonValue): JsonValue[] =>
      coll.read(r).flatMap((v) => (Array.isArray(v) ? v : v === null ? [] : [v]));
    if (!node.predicate) return (r) => elements(r).length > 0;
    const inner = this.compile(node.predicate, {
      parent: parentOf(coll.info),
      key: coll.key,
      collection: coll.info,
    });
    if (node.op === "any") return (r) => elements(r).some(inner);
    return (r) => elements(r).every(inner);
  }

  /** `self(...)`, or an unquoted literal naming a property: the right side is that field. */
  private fieldOperand(value: RqlValue, scope: Scope): Operand | undefined {
    if (value.kind === "self") return this.operand(value.path ?? "", scope);
    if (value.kind === "literal" && !value.quoted && value.text !== "")
      return this.operand(value.text, scope, true);
    return undefined;
  }

  private compileCompare(op: RqlCompareOp, path: string, value: RqlValue, scope: Scope): Predicate {
    const left = this.operand(path, scope);
    if (!left) return never;
    if (op === "like" || op === "ilike") return this.compileLike(op, left, value);
    const norm = comparableOf(left.info);

    // A field on the right is compared as it is: mpt-rql-net checks no operator permission then.
    const right = this.fieldOperand(value, scope);
    if (right) {
      if (this.ordersEnum(op, left)) return never;
      return (r) => {
        const rs = right.read(r).map(norm);
        return left.read(r).some((l) => rs.some((rv) => compare(op, norm(l), rv)));
      };
    }
    if (value.kind === "self") return never;

    const operator = COMPARE_OPERATORS[op];
    if (!left.info.operators.has(operator)) return this.fail(VALIDATION_KEY, MESSAGES.notPermitted(operator));
    if (value.kind === "null") {
      if (!left.info.nullable && left.info.kind !== "string")
        return this.fail(VALIDATION_KEY, MESSAGES.nonNullable);
      if (this.ordersEnum(op, left)) return never;
      const isNull = (r: JsonValue) => {
        const values = left.read(r);
        return values.length === 0 || values.some((v) => v === null);
      };
      if (op === "eq") return isNull;
      if (op === "ne") return (r) => !isNull(r);
      return never;
    }
    const converted = convert(value.kind === "literal" ? value.text : "", left.info);
    if (!converted.ok) return this.fail(VALIDATION_KEY, converted.message);
    if (this.ordersEnum(op, left)) return never;
    return this.matcher(op, left, norm, converted.value);
  }

  /**
   * Whether `op` is a gt/ge/lt/le on an enum, recording the error: mpt-rql-net hands the enum to
   * .NET's `Expression.GreaterThan` (& co.), which throws for enum types (they are not "numeric"
   * there), so the platform fails instead of comparing. Keyed by the property path: the engine
   * gives no error object to copy.
   */
  private ordersEnum(op: CompareOp, left: Operand): boolean {
    if (left.info.kind !== "enum" || !RELATIONAL.has(op)) return false;
    this.fail(left.key, MESSAGES.enumOrdering(COMPARE_OPERATORS[op], left.key));
    return true;
  }

  private matcher(
    op: CompareOp,
    left: Operand,
    norm: (v: JsonValue) => Comparable,
    constant: Comparable,
  ): Predicate {
    if (op === "ne") return (r) => !left.read(r).some((v) => compare("eq", norm(v), constant));
    return (r) => left.read(r).some((v) => compare(op, norm(v), constant));
  }

  private compileLike(op: "like" | "ilike", left: Operand, value: RqlValue): Predicate {
    const pattern = likePattern(value.kind === "literal" ? value.text : "");
    if (!left.info.operators.has(pattern.operator))
      return this.fail(VALIDATION_KEY, MESSAGES.notPermitted(pattern.operator));
    if (left.info.kind !== "string") {
      // Only a wildcard-free pattern gets here (`Eq`): plain equality with the converted value.
      const converted = convert(pattern.literal, left.info);
      if (!converted.ok) return this.fail(VALIDATION_KEY, converted.message);
      return this.matcher("eq", left, comparableOf(left.info), converted.value);
    }
    const match = likeMatcher(pattern, op === "ilike");
    return (r) => left.read(r).some((v) => typeof v === "string" && match(v));
  }

  private compileList(op: RqlListOp, path: string, values: RqlValue[], scope: Scope): Predicate {
    const left = this.operand(path, scope);
    if (!left) return never;
    const operator: RqlOperator = op === "in" ? "ListIn" : "ListOut";
    if (!left.info.operators.has(operator)) return this.fail(VALIDATION_KEY, MESSAGES.notPermitted(operator));
    const set = new Set<Comparable>();
    let failed = false;
    for (const v of values) {
      const converted = convert(v.kind === "literal" ? v.text : "", left.info);
      if (converted.ok) set.add(converted.value);
      else {
        this.fail(VALIDATION_KEY, converted.message);
        failed = true;
      }
    }
    if (failed) return never;
    const norm = comparableOf(left.info);
    const member = (r: JsonValue) => left.read(r).some((v) => set.has(norm(v)));
    return op === "in" ? member : (r) => !member(r);
  }
}

/**
 * Compiles a filter against a collection's properties, as seen by `accountType` (properties
 * it may not see cannot be filtered on); throws a 400 validation problem listing every error.
 */
export function compileFilter(
  node: RqlNode | null,
  fields: FieldLookup,
  accountType?: AccountType,
): Predicate {
  if (!node) return () => true;
  const compiler = new Compiler(fields, accountType);
  const predicate = compiler.compile(node, { parent: fields.root, key: "" });
  if (Object.keys(compiler.errors).length > 0) throw validationError(compiler.errors);
  return predicate;
}
