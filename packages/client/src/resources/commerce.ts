/**
 * Catalogue rows of the `commerce` group: one row per service of the Python client's
 * `Commerce` group, with its endpoint, operations, actions and nested services, plus the services
 * and actions only the platform's OpenAPI spec documents (client README, "Beyond the Python client").
 */
import { CRUD, postAction, textAction } from "../catalogue/shapes.js";
import { defineGroup } from "../catalogue/types.js";

/** `POST {id}/<path>` with an optional `{ message }` body, answering 204 (request state changes). */
function messageAction<const P extends string>(path: P) {
  return { method: "POST", path, body: "optional", returns: "none" } as const;
}

/** `GET {id}/split`: the split billing of an agreement or subscription (OpenAPI only). */
function readSplit<const N extends string>(model: N) {
  return { method: "GET", path: "split", returns: "model", model, accept: "application/json" } as const;
}

/** `POST|PUT {id}/split` with the split billing as body, answering it. */
function writeSplit<const M extends "POST" | "PUT", const N extends string>(method: M, model: N) {
  return {
    method,
    path: "split",
    body: "required",
    returns: "model",
    model,
    accept: "application/json",
  } as const;
}

export const commerce = defineGroup({
  agreements: {
    path: "/public/v1/commerce/agreements",
    params: [],
    model: "Agreement",
    ops: CRUD,
    actions: {
      createSplit: writeSplit("POST", "SplitBillingAgreement"),
      getSplit: readSplit("SplitBillingAgreement"),
      render: textAction("render"),
      template: textAction("template"),
      updateSplit: writeSplit("PUT", "SplitBillingAgreement"),
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
        actions: {
          render: textAction("render"),
        },
      },
    },
  },
  /** OpenAPI only: requests (service requests to a vendor) with their attachments and messages. */
  requests: {
    path: "/public/v1/commerce/requests",
    params: [],
    model: "CommerceRequest",
    ops: ["collection", "get", "create", "update"],
    actions: {
      complete: messageAction("complete"),
      process: messageAction("process"),
      query: messageAction("query"),
      template: textAction("template"),
      validate: {
        method: "POST",
        path: "validate",
        returns: "model",
        model: "RequestValidation",
        accept: "application/json",
      },
    },
    children: {
      attachments: {
        path: "/public/v1/commerce/requests/{requestId}/attachments",
        params: ["requestId"],
        model: "RequestAttachment",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "attachment", fileKey: "file", on: ["create"] },
      },
      messages: {
        path: "/public/v1/commerce/requests/{requestId}/messages",
        params: ["requestId"],
        model: "RequestMessage",
        ops: ["collection", "get", "create"],
      },
    },
  },
  subscriptions: {
    path: "/public/v1/commerce/subscriptions",
    params: [],
    model: "Subscription",
    ops: ["collection", "get", "create", "update"],
    actions: {
      getSplit: readSplit("SplitBillingSubscription"),
      render: textAction("render"),
      terminate: postAction("terminate"),
      updateSplit: writeSplit("PUT", "SplitBillingSubscription"),
    },
  },
});
