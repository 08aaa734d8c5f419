/**
 * The one place the sandbox reads the client's catalogue from. Everything else imports the
 * catalogue and its types from here.
 */
import { type ActionDef, catalogue as clientCatalogue, type GroupDef, type ServiceDef } from "mpt-api-client";

export type { ActionDef, GroupDef, ServiceDef };

export const catalogue: Readonly<Record<string, GroupDef>> = clientCatalogue;
