/**
 * The one place the sandbox reads the client's catalogue from. Everything else imports the
 * catalogue and its types from here.
 */
import type { ActionDef, GroupDef, ServiceDef } from "../../client/src/catalogue/types.js";
import { accounts } from "../../client/src/resources/accounts.js";
import { audit } from "../../client/src/resources/audit.js";
import { billing } from "../../client/src/resources/billing.js";
import { catalog } from "../../client/src/resources/catalog.js";
import { commerce } from "../../client/src/resources/commerce.js";
import { exchange } from "../../client/src/resources/exchange.js";
import { helpdesk } from "../../client/src/resources/helpdesk.js";
import { integration } from "../../client/src/resources/integration.js";
import { notifications } from "../../client/src/resources/notifications.js";
import { program } from "../../client/src/resources/program.js";
import { spotlight } from "../../client/src/resources/spotlight.js";

export type { ActionDef, GroupDef, ServiceDef };

export const catalogue: Readonly<Record<string, GroupDef>> = {
  accounts,
  audit,
  billing,
  catalog,
  commerce,
  exchange,
  helpdesk,
  integration,
  notifications,
  program,
  spotlight,
};
