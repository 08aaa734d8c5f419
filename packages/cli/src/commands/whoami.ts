/**
 * `mpt whoami`: which API, account and token the connection options resolve to, and where each
 * came from (flag, profile, environment). An API token (`idt:TKN-…:secret`) is looked up as
 * `GET /accounts/api-tokens/{TKN-id}` with itself, which names its account; a user or
 * installation token (a JWT) names its account and user in its claims. The token is masked.
 */
import type { Command } from "commander";
import { maskToken } from "../config-file.js";
import { type ConnectionFlags, connect, resolveSettings } from "../connection.js";
import { addConnectionOptions, type Format, formatOption } from "../options.js";
import { printRecord } from "../output/records.js";
import type { Runtime } from "../runtime.js";
import { call, type Service } from "../services.js";
import { pickFormat, stdoutText } from "./common.js";

const CLAIMS = "https://claims.softwareone.com/";

/** The claims of a JWT (without checking its signature), or undefined when it is not one. */
function jwtClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split(".")[1];
  if (token.split(".").length !== 3 || !payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown;
    return typeof claims === "object" && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

interface ApiToken {
  id?: string;
  name?: string;
  status?: string;
  account?: { id?: string; name?: string; type?: string };
}

export function addWhoamiCommand(root: Command, rt: Runtime): void {
  const cmd = root
    .command("whoami")
    .description("show the API, account and token (masked) the connection options resolve to")
    .addOption(formatOption());
  addConnectionOptions(cmd);
  cmd.addHelpText(
    "after",
    `
Examples:
  mpt whoami
  mpt whoami --profile prod --format json`,
  );
  cmd.action(async () => {
    const flags = cmd.optsWithGlobals<ConnectionFlags & { format?: Format }>();
    const connection = await connect(flags, rt);
    try {
      const settings = flags.sandbox
        ? { baseUrl: connection.client.baseUrl, baseUrlSource: "--sandbox", tokenSource: "--sandbox" }
        : resolveSettings(flags, rt.env);
      const token = connection.token;
      const record: Record<string, unknown> = {
        baseUrl: connection.client.baseUrl,
        baseUrlFrom: settings.baseUrlSource,
        token: maskToken(token),
        tokenFrom: settings.tokenSource,
      };
      const tokenId = token?.startsWith("idt:") ? token.split(":")[1] : undefined;
      const claims = token && !tokenId ? jwtClaims(token) : undefined;
      if (tokenId) {
        const apiTokens = (connection.client.accounts as unknown as { apiTokens: Service }).apiTokens;
        const found = await call<Promise<ApiToken>>(apiTokens, "get", tokenId, { signal: rt.signal });
        Object.assign(record, {
          tokenId,
          tokenName: found.name,
          tokenStatus: found.status,
          account: { id: found.account?.id, name: found.account?.name, type: found.account?.type },
        });
      } else if (claims) {
        Object.assign(record, {
          account: { id: claims[`${CLAIMS}accountId`] },
          user: claims[`${CLAIMS}userId`],
          ...(typeof claims["exp"] === "number"
            ? { expires: new Date(claims["exp"] * 1000).toISOString() }
            : {}),
        });
      }
      await printRecord(pickFormat(rt, flags.format), record, stdoutText(rt), rt.columns);
    } finally {
      await connection.close();
    }
  });
}
