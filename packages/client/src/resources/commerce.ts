/**
 * Catalogue rows of the `commerce` group: one row per service of the Python client's
 * `Commerce` group, with its endpoint, operations, actions and nested services.
 */
import { defineGroup } from "../catalogue/types.js";

export const commerce = defineGroup({
  agreements: {
    path: "/public/v1/commerce/agreements",
    params: [],
    model: "Agreement",
    ops: ["collection", "get", "create", "update", "delete"],
    actions: {
      render: { method: "GET", path: "render", returns: "text" },
      template: { method: "GET", path: "template", returns: "text" },
    },
    children: {
      attachments: {
        path: "/public/v1/commerce/agreements/{agreementId}/attachments",
        params: ["agreementId"],
        model: "AgreementAttachment",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "attachment", fileKey: "file", on: ["create"] },
      },
    },
  },
  assets: {
    path: "/public/v1/commerce/assets",
    params: [],
    model: "Asset",
    ops: ["collection", "get", "create", "update"],
    actions: {
      render: { method: "GET", path: "render", returns: "text" },
      terminate: {
        method: "POST",
        path: "terminate",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
    },
  },
  orders: {
    path: "/public/v1/commerce/orders",
    params: [],
    model: "Order",
    ops: ["collection", "get", "create", "update", "delete"],
    actions: {
      complete: {
        method: "POST",
        path: "complete",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
      fail: { method: "POST", path: "fail", body: "optional", returns: "model", accept: "application/json" },
      notify: { method: "POST", path: "notify", body: "required", returns: "none" },
      process: {
        method: "POST",
        path: "process",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
      query: {
        method: "POST",
        path: "query",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
      quote: {
        method: "POST",
        path: "quote",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
      render: { method: "GET", path: "render", returns: "text" },
      template: { method: "GET", path: "template", returns: "text" },
      validate: {
        method: "POST",
        path: "validate",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
    },
    children: {
      assets: {
        path: "/public/v1/commerce/orders/{orderId}/assets",
        params: ["orderId"],
        model: "OrdersAsset",
        ops: ["collection", "get", "create", "update", "delete"],
        actions: {
          render: { method: "GET", path: "render", returns: "text" },
        },
      },
      subscriptions: {
        path: "/public/v1/commerce/orders/{orderId}/subscriptions",
        params: ["orderId"],
        model: "OrderSubscription",
        ops: ["collection", "get", "create", "update", "delete"],
      },
    },
  },
  subscriptions: {
    path: "/public/v1/commerce/subscriptions",
    params: [],
    model: "Subscription",
    ops: ["collection", "get", "create", "update"],
    actions: {
      render: { method: "GET", path: "render", returns: "text" },
      terminate: {
        method: "POST",
        path: "terminate",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
    },
  },
});
