/**
 * HS256 JSON Web Tokens with Web Crypto (the handler stays web-standard): the sandbox signs the
 * installation tokens it issues and verifies the ones it receives.
 */

import { toBase64url as base64url, fromBase64url } from "../shared/base64url.js";
import type { JsonObject } from "../shared/json.js";
import { isObject } from "../shared/json.js";

const encoder = new TextEncoder();

export class JwtSigner {
  private readonly key: Promise<CryptoKey>;
  constructor(secret: string) {
    this.key = crypto.subtle.importKey(
      "raw",
      encoder.encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
  }

  async sign(payload: JsonObject): Promise<string> {
    const header = base64url(encoder.encode(JSON.stringify({ alg: "HS256", typ: "JWT" })));
    const body = base64url(encoder.encode(JSON.stringify(payload)));
    const signature = await crypto.subtle.sign("HMAC", await this.key, encoder.encode(`${header}.${body}`));
    return `${header}.${body}.${base64url(new Uint8Array(signature))}`;
  }

  /**
   * The payload when the header says HS256 and the signature is valid (expiry is the caller's
   * business), else undefined.
   */
  async verify(token: string): Promise<JsonObject | undefined> {
    const parts = token.split(".");
    if (parts.length !== 3) return undefined;
    const [header, body, signature] = parts as [string, string, string];
    try {
      const head: unknown = JSON.parse(new TextDecoder().decode(fromBase64url(header)));
      if (!isObject(head) || head["alg"] !== "HS256") return undefined;
      const ok = await crypto.subtle.verify(
        "HMAC",
        await this.key,
        fromBase64url(signature),
        encoder.encode(`${header}.${body}`),
      );
      if (!ok) return undefined;
      const payload: unknown = JSON.parse(new TextDecoder().decode(fromBase64url(body)));
      return isObject(payload) ? payload : undefined;
    } catch {
      return undefined;
    }
  }
}

export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
}
