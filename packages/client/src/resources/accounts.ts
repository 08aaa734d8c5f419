/**
 * Catalogue rows of the `accounts` group: one row per service of the Python client's
 * `Accounts` group, with its endpoint, operations, actions and nested services, plus the services
 * and actions only the platform's OpenAPI spec documents (client README, "Beyond the Python client").
 */
import { CRUD, fileAction, postAction, READ } from "../catalogue/shapes.js";
import { defineGroup } from "../catalogue/types.js";

/**
 * The groups of an account user (OpenAPI only): `create` adds one (`{ id }`), the collection
 * `update` replaces them (a list), `delete` removes one; each answers the user (`model`).
 */
function userGroups<
  const P extends string,
  const U extends string,
  const M extends "AccountUser" | "AccountsUser",
>(path: P, userParam: U, model: M) {
  return {
    path,
    params: [userParam],
    model,
    ops: ["create", "delete"],
    actions: {
      update: { method: "PUT", path: "", scope: "collection", body: "required", returns: "model" },
    },
  } as const;
}

export const accounts = defineGroup({
  accounts: {
    path: "/public/v1/accounts/accounts",
    params: [],
    model: "Account",
    ops: ["collection", "get", "create", "update"],
    upload: { dataKey: "account", fileKey: "logo", on: ["create", "update"] },
    actions: {
      activate: postAction("activate"),
      deactivate: postAction("deactivate"),
      disable: postAction("disable"),
      downloadIcon: fileAction("icon"),
      enable: postAction("enable"),
      validate: postAction("validate"),
    },
    children: {
      users: {
        path: "/public/v1/accounts/accounts/{accountId}/users",
        params: ["accountId"],
        model: "AccountsUser",
        ops: CRUD,
        actions: {
          acceptInvite: postAction("accept-invite"),
          resendInvite: postAction("resend-invite"),
          sendNewInvite: postAction("send-new-invite"),
        },
        children: {
          groups: {
            path: "/public/v1/accounts/accounts/{accountId}/users/{userId}/groups",
            params: ["userId"],
            model: "AccountsUserGroup",
            ops: ["collection", "get", "create", "delete"],
            actions: {
              update: { method: "PUT", path: "", scope: "collection", body: "required", returns: "model" },
            },
          },
        },
      },
    },
  },
  apiTokens: {
    path: "/public/v1/accounts/api-tokens",
    params: [],
    model: "ApiToken",
    ops: CRUD,
    actions: {
      disable: postAction("disable"),
      enable: postAction("enable"),
    },
  },
  buyers: {
    path: "/public/v1/accounts/buyers",
    params: [],
    model: "Buyer",
    ops: CRUD,
    upload: { dataKey: "buyer", fileKey: "logo", on: ["create", "update"] },
    actions: {
      activate: postAction("activate"),
      deactivate: postAction("deactivate"),
      disable: postAction("disable"),
      downloadIcon: fileAction("icon"),
      enable: postAction("enable"),
      /** `GET {id}/transfer?destinationAccountId=`: what a transfer to that account would do. */
      getTransfer: {
        method: "GET",
        path: "transfer",
        queryParam: "destinationAccountId",
        returns: "model",
        model: "BuyerTransferDetails",
        accept: "application/json",
      },
      synchronize: postAction("synchronize"),
      transfer: postAction("transfer"),
      validate: postAction("validate"),
    },
  },
  cloudTenants: {
    path: "/public/v1/accounts/cloud-tenants",
    params: [],
    model: "CloudTenant",
    ops: CRUD,
  },
  erpLinks: {
    path: "/public/v1/accounts/erp-links",
    params: [],
    model: "ErpLink",
    ops: ["collection", "get", "create", "update"],
    actions: {
      block: postAction("block"),
      unblock: postAction("unblock"),
    },
  },
  licensees: {
    path: "/public/v1/accounts/licensees",
    params: [],
    model: "Licensee",
    ops: CRUD,
    upload: { dataKey: "licensee", fileKey: "logo", on: ["create", "update"] },
    actions: {
      disable: postAction("disable"),
      downloadIcon: fileAction("icon"),
      enable: postAction("enable"),
    },
  },
  modules: {
    path: "/public/v1/accounts/modules",
    params: [],
    model: "Module",
    ops: READ,
  },
  sellers: {
    path: "/public/v1/accounts/sellers",
    params: [],
    model: "Seller",
    ops: CRUD,
    actions: {
      activate: postAction("activate"),
      deactivate: postAction("deactivate"),
      disable: postAction("disable"),
      downloadIcon: fileAction("icon"),
    },
  },
  userGroups: {
    path: "/public/v1/accounts/user-groups",
    params: [],
    model: "UserGroup",
    ops: CRUD,
  },
  users: {
    path: "/public/v1/accounts/users",
    params: [],
    model: "User",
    ops: ["collection", "get", "update", "delete"],
    upload: { dataKey: "user", fileKey: "icon", on: ["update"] },
    actions: {
      block: postAction("block"),
      downloadIcon: fileAction("icon"),
      /** `GET {id}/sso-check`: the spec documents a bare 200; resolves when the check passes. */
      getSsoCheck: { method: "GET", path: "sso-check", returns: "none" },
      setPassword: {
        method: "POST",
        path: "set-password",
        body: "required",
        bodyField: "password",
        returns: "model",
        accept: "application/json",
      },
      sso: postAction("sso"),
      ssoCheck: postAction("sso-check"),
      unblock: postAction("unblock"),
    },
  },
  /** Platform's next surface (Python branch `feature/MPT-24263/add-accounts-account-users-services`). */
  accountUsers: {
    path: "/public/v1/accounts/account-users",
    params: [],
    model: "AccountUser",
    ops: ["collection", "get", "create", "delete"],
    actions: {
      acceptInvite: postAction("accept-invite"),
      resendInvite: postAction("resend-invite"),
      sendNewInvite: postAction("send-new-invite"),
    },
    children: {
      /** OpenAPI only: add (`create`), replace (`update`) and remove (`delete`) the user's groups. */
      groups: userGroups(
        "/public/v1/accounts/account-users/{accountUserId}/groups",
        "accountUserId",
        "AccountUser",
      ),
    },
  },
  /** Platform's next surface (Python branch `feature/MPT-24263/add-accounts-account-users-services`). */
  services: {
    path: "/public/v1/accounts/services",
    params: [],
    model: "ServiceIdentity",
    ops: READ,
  },
  /** OpenAPI only (tag AccountUsers): the users of one account, `/accounts/{accountId}/users`. */
  usersOf: {
    path: "/public/v1/accounts/{accountId}/users",
    params: ["accountId"],
    accessor: "method",
    model: "AccountsUser",
    ops: ["collection", "get", "create", "delete"],
    actions: {
      acceptInvite: { ...postAction("accept-invite"), model: "AccountUser" },
      resendInvite: { ...postAction("resend-invite"), model: "AccountUser" },
      sendNewInvite: { ...postAction("send-new-invite"), model: "AccountUser" },
    },
    children: {
      groups: userGroups("/public/v1/accounts/{accountId}/users/{userId}/groups", "userId", "AccountsUser"),
    },
  },
});
