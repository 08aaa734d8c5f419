/**
 * Who is calling. Bearer API tokens (`idt:TKN-XXXX-XXXX:<secret>`) are records of
 * `accounts/api-tokens` (status Active, not revoked); JWTs are the installation tokens this
 * sandbox signed (HS256 with its own key, `exp` required, the account type read from the account). Failures answer 401 `Authentication Failed`.
 */

import type { AccountType } from "../domain/machines/index.js";
import type { Store } from "../domain/store.js";
import { isObject, type JsonObject, valueAt } from "../shared/json.js";
import { SandboxError } from "../shared/problem.js";
import { JwtSigner, looksLikeJwt } from "./jwt.js";

export const CLAIMS = "https://claims.softwareone.com/";

export interface Caller {
  accountId: string;
  accountType: AccountType;
  accountName: string;
  kind: "api-token" | "jwt";
  /** `TKN-…` of an API token. */
  tokenId?: string;
  /** Set for the extension's own key and for installation tokens. */
  extensionId?: string;
}

const ACCOUNT_TYPES: ReadonlySet<string> = new Set(["Vendor", "Client", "Operations"]);

export function unauthorized(detail: string): SandboxError {
  return new SandboxError({ status: 401, title: "Authentication Failed", detail });
}

export class Auth {
  private readonly signer: JwtSigner;
  private readonly revoked = new Set<string>();

  constructor(
    private readonly store: Store,
    secret: string,
    private readonly now: () => number,
  ) {
    this.signer = new JwtSigner(secret);
  }

  /** Makes a token (API token string or JWT) answer 401 from now on. */
  revoke(token: string): void {
    this.revoked.add(token);
  }

  unrevoke(token?: string): void {
    if (token === undefined) this.revoked.clear();
    else this.revoked.delete(token);
  }

  private account(id: string): JsonObject | undefined {
    return this.store.collection("accounts/accounts").get(id);
  }

  async authenticate(authorization: string | null): Promise<Caller> {
    if (!authorization) throw unauthorized("The Authorization header is missing.");
    const m = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    const token = m?.[1]?.trim();
    if (!token) throw unauthorized("The Authorization header is not a Bearer token.");
    if (this.revoked.has(token)) throw unauthorized("The token has been revoked.");
    return looksLikeJwt(token) ? this.fromJwt(token) : this.fromApiToken(token);
  }

  private fromApiToken(token: string): Caller {
    const tokens = this.store.collection("accounts/api-tokens");
    const id = token.startsWith("idt:") ? token.split(":")[1] : undefined;
    // `idt:TKN-…:<secret>` names its record; other (legacy or fixture) tokens are looked up.
    const record = id ? tokens.get(id) : [...tokens.scan()].find((t) => t["token"] === token);
    if (!record || record["token"] !== token) throw unauthorized("The token is not valid.");
    if (record["status"] !== "Active") throw unauthorized(`The token ${id} is ${String(record["status"])}.`);
    const accountId = valueAt(record, "account.id");
    const account = typeof accountId === "string" ? this.account(accountId) : undefined;
    const type = account?.["type"];
    if (!account || typeof type !== "string" || !ACCOUNT_TYPES.has(type)) {
      throw unauthorized("The token's account does not exist.");
    }
    const caller: Caller = {
      accountId: account["id"] as string,
      accountType: type as AccountType,
      accountName: String(account["name"] ?? ""),
      kind: "api-token",
      tokenId: record["id"] as string,
    };
    const extensionId = valueAt(record, "extension.id");
    if (typeof extensionId === "string") caller.extensionId = extensionId;
    return caller;
  }

  private async fromJwt(token: string): Promise<Caller> {
    const payload = await this.signer.verify(token);
    if (!payload) throw unauthorized("The token signature is not valid (HS256 signed by this sandbox).");
    const exp = payload["exp"];
    if (typeof exp !== "number") throw unauthorized("The token has no expiry (`exp`).");
    if (exp * 1000 <= this.now()) throw unauthorized("The token has expired.");
    const accountId = payload[`${CLAIMS}accountId`];
    if (typeof accountId !== "string") throw unauthorized("The token carries no account.");
    const account = this.account(accountId);
    if (!account) throw unauthorized("The token's account does not exist.");
    // The account's own type decides what the caller may do; a claim saying otherwise is forged.
    const type = account["type"];
    if (typeof type !== "string" || !ACCOUNT_TYPES.has(type))
      throw unauthorized("The token's account has no type.");
    if (payload[`${CLAIMS}accountType`] !== type) {
      throw unauthorized("The token's account type does not match its account.");
    }
    const caller: Caller = {
      accountId,
      accountType: type as AccountType,
      accountName: String(account["name"] ?? ""),
      kind: "jwt",
    };
    const extensionId = payload[`${CLAIMS}extensionId`];
    if (typeof extensionId === "string") caller.extensionId = extensionId;
    return caller;
  }

  /** Signs an installation (or account-scoped) token for an extension. */
  async issue(
    extensionId: string,
    account: JsonObject,
    ttlSeconds: number,
    installationId?: string,
  ): Promise<{ token: string; exp: number }> {
    const iat = Math.floor(this.now() / 1000);
    const exp = iat + ttlSeconds;
    const payload: JsonObject = {
      iss: "mpt-sandbox",
      iat,
      exp,
      jti: crypto.randomUUID(),
      [`${CLAIMS}accountId`]: account["id"] as string,
      [`${CLAIMS}accountType`]: String(account["type"]),
      [`${CLAIMS}extensionId`]: extensionId,
      [`${CLAIMS}modules`]: modulesOf(account),
    };
    if (installationId) payload[`${CLAIMS}installationId`] = installationId;
    return { token: await this.signer.sign(payload), exp };
  }
}

function modulesOf(account: JsonObject): JsonObject {
  const type = account["type"];
  const read = ["read"];
  const all = ["read", "write"];
  const base: JsonObject = {
    catalog: type === "Client" ? read : all,
    commerce: all,
    billing: all,
    accounts: all,
  };
  return isObject(base) ? base : {};
}
