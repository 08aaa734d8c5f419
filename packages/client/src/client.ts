/**
 * `MPTClient`: resolves configuration, builds the transport and exposes the 11 resource groups
 * of the catalogue as typed properties. Every call is async; `AsyncMPTClient` is the same class.
 */
import type { Authentication } from "./auth/index.js";
import { EnvTokenAuthentication } from "./auth/index.js";
import { guardBrowserCredentials } from "./browser-guard.js";
import { catalogue, type GroupName, groupNames } from "./catalogue/index.js";
import type { GroupDef, ServiceDef } from "./catalogue/types.js";
import { MPTError } from "./errors.js";
import { resolveBaseUrl } from "./http/base-url.js";
import { createTransport, type TransportOptions } from "./http/transport.js";
import type { HttpTransport } from "./http/types.js";
import type {
  AccountsGroup,
  AuditGroup,
  BillingGroup,
  CatalogGroup,
  CommerceGroup,
  ExchangeGroup,
  HelpdeskGroup,
  IntegrationGroup,
  NotificationsGroup,
  ProgramGroup,
  SpotlightGroup,
} from "./models/generated/services.js";
import { buildService, type EngineContext, ServiceCore } from "./service/service.js";

/** The configuration of `MPTClient.fromConfig`. */
export interface ClientConfig {
  /** How requests are authorised; default: `EnvTokenAuthentication` (`MPT_API_TOKEN`). */
  authentication?: Authentication | undefined;
  /** API host, e.g. `https://api.s1.show/public`; default: `MPT_API_BASE_URL`. */
  baseUrl?: string | undefined;
  /** Milliseconds per request, body included; default 60 000. */
  timeout?: number | undefined;
}

/** `new MPTClient(options)`: the configuration plus transport options. */
export interface ClientOptions
  extends ClientConfig,
    Omit<TransportOptions, "baseUrl" | "authentication" | "timeout"> {
  /**
   * In a browser, an API token or an extension's secret is refused (anyone who can open the page
   * can read it) unless this is `true`. A user JWT needs no opt-in. Default `false`.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/**
 * The MPT API client: the 11 resource groups as properties (`client.catalog.products`, ...),
 * every call async. `new MPTClient(options)` or `MPTClient.fromConfig(config)`.
 */
export class MPTClient {
  // The groups are getters added to the prototype below (built on first use).
  declare readonly accounts: AccountsGroup;
  declare readonly audit: AuditGroup;
  declare readonly billing: BillingGroup;
  declare readonly catalog: CatalogGroup;
  declare readonly commerce: CommerceGroup;
  declare readonly exchange: ExchangeGroup;
  declare readonly helpdesk: HelpdeskGroup;
  declare readonly integration: IntegrationGroup;
  declare readonly notifications: NotificationsGroup;
  declare readonly program: ProgramGroup;
  declare readonly spotlight: SpotlightGroup;
  /** The resolved base URL (scheme and host, without `/public/v1`). */
  readonly baseUrl: string;
  readonly transport: HttpTransport;
  readonly #ctx: EngineContext;
  readonly #groups = new Map<GroupName, object>();

  constructor(options: ClientOptions = {}) {
    if (typeof options !== "object" || options === null) {
      throw new MPTError("MPTClient options must be an object, e.g. { authentication, baseUrl }");
    }
    this.baseUrl = resolveBaseUrl(options.baseUrl);
    const authentication = options.authentication ?? defaultAuthentication();
    guardBrowserCredentials(authentication, options.dangerouslyAllowBrowser);
    this.transport = createTransport({ ...options, baseUrl: this.baseUrl, authentication });
    this.#ctx = { transport: this.transport };
  }

  /** The Python client's entry point: `MPTClient.fromConfig({ authentication, baseUrl, timeout })`. */
  static fromConfig(config: ClientConfig = {}): MPTClient {
    return new MPTClient(config);
  }

  /** @internal Builds (once) the object of one group. */
  group(name: GroupName): object {
    let group = this.#groups.get(name);
    if (!group) {
      group = buildGroup(this.#ctx, name, catalogue[name]);
      this.#groups.set(name, group);
    }
    return group;
  }
}

/** The Python library's async client; in TypeScript every call is already async. */
export const AsyncMPTClient = MPTClient;
export type AsyncMPTClient = MPTClient;

for (const name of groupNames) {
  Object.defineProperty(MPTClient.prototype, name, {
    get(this: MPTClient) {
      return this.group(name);
    },
    enumerable: true,
    configurable: false,
  });
}

function buildGroup(ctx: EngineContext, group: GroupName, rows: GroupDef): object {
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(rows) as [string, ServiceDef][]) {
    const qualified = `${group}.${name}`;
    if (def.accessor === "method" || def.params.length > 0) {
      out[name] = (...ids: string[]) => {
        if (ids.length !== def.params.length) {
          throw new MPTError(
            `${qualified}(${def.params.join(", ")}): expected ${def.params.length} id(s), got ${ids.length}`,
          );
        }
        return buildService(new ServiceCore(ctx, def, qualified, ids));
      };
    } else {
      let service: unknown;
      Object.defineProperty(out, name, {
        get: () => {
          service ??= buildService(new ServiceCore(ctx, def, qualified, []));
          return service;
        },
        enumerable: true,
      });
    }
  }
  return Object.freeze(out);
}

function defaultAuthentication(): Authentication {
  try {
    return new EnvTokenAuthentication();
  } catch {
    throw new MPTError(
      "No authentication configured: pass { authentication: new BearerTokenAuthentication(token) } or set MPT_API_TOKEN",
    );
  }
}
