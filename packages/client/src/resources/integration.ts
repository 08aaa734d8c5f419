/**
 * Catalogue rows of the `integration` group: one row per service of the Python client's
 * `Integration` group, with its endpoint, operations, actions and nested services.
 */
import { CRUD, postAction, READ } from "../catalogue/shapes.js";
import { defineGroup } from "../catalogue/types.js";

export const integration = defineGroup({
  categories: {
    path: "/public/v1/integration/categories",
    params: [],
    model: "IntegrationCategory",
    ops: CRUD,
  },
  extensions: {
    path: "/public/v1/integration/extensions",
    params: [],
    model: "Extension",
    ops: CRUD,
    upload: { dataKey: "extension", fileKey: "icon", on: ["create", "update"] },
    actions: {
      downloadIcon: { method: "GET", path: "icon", returns: "file" },
      publish: { method: "POST", path: "publish", returns: "model", accept: "application/json" },
      regenerate: { method: "POST", path: "regenerate", returns: "model", accept: "application/json" },
      token: { method: "POST", path: "token", returns: "model", accept: "application/json" },
      unpublish: { method: "POST", path: "unpublish", returns: "model", accept: "application/json" },
    },
    children: {
      documents: {
        path: "/public/v1/integration/extensions/{extensionId}/documents",
        params: ["extensionId"],
        model: "ExtensionDocument",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "document", fileKey: "file", on: ["create"] },
        actions: {
          publish: postAction("publish"),
          unpublish: postAction("unpublish"),
        },
      },
      installations: {
        path: "/public/v1/integration/extensions/{extensionId}/installations",
        params: ["extensionId"],
        model: "ExtensionInstallation",
        ops: READ,
      },
      instances: {
        path: "/public/v1/integration/extensions/{extensionId}/instances",
        params: ["extensionId"],
        model: "ExtensionInstance",
        ops: ["collection", "get", "create"],
      },
      media: {
        path: "/public/v1/integration/extensions/{extensionId}/media",
        params: ["extensionId"],
        model: "ExtensionMedia",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "media", fileKey: "file", on: ["create"] },
        actions: {
          publish: postAction("publish"),
          unpublish: postAction("unpublish"),
          uploadImage: {
            method: "PUT",
            path: "image",
            file: { key: "file", required: true },
            returns: "model",
          },
        },
      },
      terms: {
        path: "/public/v1/integration/extensions/{extensionId}/terms",
        params: ["extensionId"],
        model: "ExtensionTerm",
        ops: CRUD,
        actions: {
          publish: postAction("publish"),
          unpublish: postAction("unpublish"),
        },
        children: {
          variants: {
            path: "/public/v1/integration/extensions/{extensionId}/terms/{termId}/variants",
            params: ["termId"],
            model: "ExtensionTermVariant",
            ops: CRUD,
            upload: { dataKey: "variant", fileKey: "file", on: ["create"] },
            actions: {
              publish: postAction("publish"),
              unpublish: postAction("unpublish"),
            },
          },
        },
      },
    },
  },
  installations: {
    path: "/public/v1/integration/installations",
    params: [],
    model: "Installation",
    ops: CRUD,
    actions: {
      redeem: postAction("redeem"),
    },
  },
  installationsToken: {
    path: "/public/v1/integration/installations/-/token",
    params: [],
    accessor: "method",
    model: "InstallationsToken",
    ops: [],
    actions: {
      token: { method: "POST", path: "", scope: "collection", returns: "model", queryParam: "account.id" },
    },
  },
});
