/**
 * Extension authentication: exchange the extension's secret for short-lived installation tokens
 * scoped to one account; the client refreshes them before they expire.
 * Run: MPT_API_BASE_URL=… MPT_EXTENSION_SECRET=… MPT_ACCOUNT_ID=ACC-… npx tsx examples/extension-auth.ts
 */
import { ExtensionFrameworkAuthentication, MPTClient } from "mpt-api-client";

const secret = process.env["MPT_EXTENSION_SECRET"];
const accountId = process.env["MPT_ACCOUNT_ID"];
if (!secret || !accountId) {
  console.error("Set MPT_EXTENSION_SECRET (the extension's API key) and MPT_ACCOUNT_ID (ACC-…)");
  process.exit(2);
}

const client = MPTClient.fromConfig({
  authentication: new ExtensionFrameworkAuthentication({
    secret,
    accountId,
    minRemainingValiditySeconds: 60,
  }),
});

// Every request carries an installation token of that account; concurrent ones share one refresh.
const [agreements, subscriptions] = await Promise.all([
  client.commerce.agreements.count(),
  client.commerce.subscriptions.count(),
]);
console.log(`account ${accountId}: ${agreements} agreements, ${subscriptions} subscriptions`);
