/**
 * Catalogue rows of the `commerce` group: one row per service of the Python client's
 * `Commerce` group, with its endpoint, operations, actions and nested services.
 */
import { CRUD, postAction, textAction } from "../catalogue/shapes.js";
import { defineGroup } from "../catalogue/types.js";

export const commerce = defineGroup({
  agreements: {
    path: "/public/v1/commerce/agreements",
    params: [],
    model: "Agreement",
    ops: CRUD,
    actions: {
      render: textAction("render"),
      template: textAction("template"),
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
      render: textAction("render"),
      terminate: postAction("terminate"),
    },
  },
  orders: {
    path: "/public/v1/commerce/orders",
    params: [],
    model: "Order",
    ops: CRUD,
    actions: {
      complete: postAction("complete"),
      fail: postAction("fail"),
      notify: { method: "POST", path: "notify", body: "required", returns: "none" },
      process: postAction("process"),
      query: postAction("query"),
      quote: postAction("quote"),
      render: textAction("render"),
      template: textAction("template"),
      validate: postAction("validate"),
    },
    children: {
      assets: {
        path: "/public/v1/commerce/orders/{orderId}/assets",
        params: ["orderId"],
        model: "OrdersAsset",
        ops: CRUD,
        actions: {
          render: textAction("render"),
        },
      },
      subscriptions: {
        path: "/public/v1/commerce/orders/{orderId}/subscriptions",
        params: ["orderId"],
        model: "OrderSubscription",
        ops: CRUD,
      },
    },
  },
  subscriptions: {
    path: "/public/v1/commerce/subscriptions",
    params: [],
    model: "Subscription",
    ops: ["collection", "get", "create", "update"],
    actions: {
      render: textAction("render"),
      terminate: postAction("terminate"),
    },
  },
});
