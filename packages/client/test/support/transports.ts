/**
 * The client's two transports (node:http on Node, fetch everywhere else): the transport tests
 * and the fault suite run once on each, so both behave the same.
 */
import { describe } from "node:test";

export const TRANSPORTS = ["node", "fetch"] as const;
export type TransportName = (typeof TRANSPORTS)[number];

/** Runs `suite` once per transport, inside a `describe` named after it. */
export function eachTransport(suite: (transport: TransportName) => void): void {
  for (const transport of TRANSPORTS) describe(`${transport} transport`, () => suite(transport));
}
