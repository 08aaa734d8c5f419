/**
 * Command-line names of catalogue names: services, actions and parameters are camelCase in the
 * catalogue and kebab-case on the command line (`priceLists` -> `price-lists`).
 */

/** `priceLists` -> `price-lists`, `account.id` -> `account-id`. */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .toLowerCase();
}

/** `<product-id>` for the catalogue parameter `productId`. */
export function placeholder(param: string): string {
  return `<${kebab(param)}>`;
}

/** Splits a comma-separated option value (`id,name,-audit`), dropping empty parts. */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
