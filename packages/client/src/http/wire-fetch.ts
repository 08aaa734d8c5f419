/**
 * A fetch-compatible function over a wire, for the authentication providers' own requests
 * (installation tokens): on the Node transport they then go through the same agents, proxy and
 * TLS settings as every other request. Token requests are rare; this is not a fast path.
 */
import { AttemptSignal } from "./attempt-signal.js";
import type { FetchFunction } from "./types.js";
import type { Wire } from "./wire.js";

function headerRecord(init: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  new Headers(init).forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

/** `fetch(url, init)` over `wire`: string or Blob bodies, no redirects followed (as `manual`). */
export function fetchOverWire(wire: Wire): FetchFunction {
  return async (input, init) => {
    if (typeof input !== "string" && !(input instanceof URL)) {
      throw new TypeError("this fetch takes a URL, not a Request");
    }
    const body = init?.body;
    if (body !== undefined && body !== null && typeof body !== "string" && !(body instanceof Blob)) {
      throw new TypeError("this fetch sends string or Blob bodies only");
    }
    const attempt = new AttemptSignal(init?.signal ?? undefined, 0);
    const method = init?.method ?? "GET";
    const url = String(input);
    try {
      const response = await wire.send({
        method,
        url,
        headers: headerRecord(init?.headers),
        body: body ?? undefined,
        attempt,
        description: `${method} ${new URL(url).pathname}`,
      });
      const nullBody = response.status === 204 || response.status === 304 || method === "HEAD";
      const stream = response.stream({
        idleTimeout: 0,
        onIdle: () => undefined,
        mapError: (error) => error,
        done: () => attempt.dispose(),
      });
      if (nullBody) await stream.cancel().catch(() => {});
      return new Response(nullBody ? null : stream, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      attempt.dispose();
      if (attempt.cancelled) throw attempt.reason;
      throw new TypeError("fetch failed", { cause: error });
    }
  };
}
