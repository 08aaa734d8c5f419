/**
 * Catalogue rows of the `notifications` group: one row per service of the Python client's
 * `Notifications` group, with its endpoint, operations, actions and nested services.
 */
import { CRUD, postAction, READ } from "../catalogue/shapes.js";
import { defineGroup } from "../catalogue/types.js";

export const notifications = defineGroup({
  accounts: {
    path: "/public/v1/notifications/accounts/{accountId}/categories/{categoryId}/contacts",
    params: ["accountId", "categoryId"],
    accessor: "method",
    model: "NotificationContact",
    ops: ["collection"],
  },
  batches: {
    path: "/public/v1/notifications/batches",
    params: [],
    model: "Batch",
    ops: ["collection", "get", "create"],
    upload: { dataKey: "batch", fileKey: "attachment", on: ["create"] },
    actions: {
      downloadAttachment: {
        method: "GET",
        path: "attachments/{attachmentId}",
        params: ["attachmentId"],
        returns: "file",
      },
      getAttachment: {
        method: "GET",
        path: "attachments/{attachmentId}",
        params: ["attachmentId"],
        returns: "model",
        model: "BatchAttachment",
        accept: "application/json",
      },
    },
  },
  categories: {
    path: "/public/v1/notifications/categories",
    params: [],
    model: "NotificationCategory",
    ops: CRUD,
    actions: {
      publish: postAction("publish"),
      unpublish: postAction("unpublish"),
    },
  },
  contacts: {
    path: "/public/v1/notifications/contacts",
    params: [],
    model: "Contact",
    ops: CRUD,
    actions: {
      block: postAction("block"),
      unblock: postAction("unblock"),
    },
  },
  messages: {
    path: "/public/v1/notifications/messages",
    params: [],
    model: "Message",
    ops: READ,
  },
  subscribers: {
    path: "/public/v1/notifications/subscribers",
    params: [],
    model: "Subscriber",
    ops: CRUD,
    actions: {
      disable: postAction("disable"),
      enable: postAction("enable"),
    },
  },
  /** Platform's next surface (Python branch `feature/MPT-24265/add-notifications-services-directories-footers-webhooks`). */
  directories: {
    path: "/public/v1/notifications/directories",
    params: [],
    model: "Directory",
    ops: READ,
  },
  /** Platform's next surface (Python branch `feature/MPT-24265/add-notifications-services-directories-footers-webhooks`). */
  footers: {
    path: "/public/v1/notifications/footers",
    params: [],
    model: "Footer",
    ops: CRUD,
  },
  /** Platform's next surface (Python branch `feature/MPT-24265/add-notifications-services-directories-footers-webhooks`). */
  webhooks: {
    path: "/public/v1/notifications/webhooks",
    params: [],
    model: "Webhook",
    ops: CRUD,
    actions: {
      disable: postAction("disable"),
      enable: postAction("enable"),
    },
  },
  /** Platform's next surface (Python branch `feature/MPT-24266/add-notifications-templates-template-variants-services`). */
  templates: {
    path: "/public/v1/notifications/templates",
    params: [],
    model: "NotificationTemplate",
    ops: CRUD,
    actions: {
      activate: postAction("activate"),
      disable: postAction("disable"),
    },
    children: {
      variants: {
        path: "/public/v1/notifications/templates/{templateId}/variants",
        params: ["templateId"],
        model: "TemplateVariant",
        ops: CRUD,
        actions: {
          activate: postAction("activate"),
          disable: postAction("disable"),
        },
      },
    },
  },
});
