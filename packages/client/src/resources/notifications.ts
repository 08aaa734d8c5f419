/**
 * Catalogue rows of the `notifications` group: one row per service of the Python client's
 * `Notifications` group, with its endpoint, operations, actions and nested services.
 */
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
    ops: ["collection", "get", "create", "update", "delete"],
    actions: {
      publish: {
        method: "POST",
        path: "publish",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
      unpublish: {
        method: "POST",
        path: "unpublish",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
    },
  },
  contacts: {
    path: "/public/v1/notifications/contacts",
    params: [],
    model: "Contact",
    ops: ["collection", "get", "create", "update", "delete"],
    actions: {
      block: {
        method: "POST",
        path: "block",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
      unblock: {
        method: "POST",
        path: "unblock",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
    },
  },
  messages: {
    path: "/public/v1/notifications/messages",
    params: [],
    model: "Message",
    ops: ["collection", "get"],
  },
  subscribers: {
    path: "/public/v1/notifications/subscribers",
    params: [],
    model: "Subscriber",
    ops: ["collection", "get", "create", "update", "delete"],
    actions: {
      disable: {
        method: "POST",
        path: "disable",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
      enable: {
        method: "POST",
        path: "enable",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
    },
  },
  /** Platform's next surface (Python branch `feature/MPT-24265/add-notifications-services-directories-footers-webhooks`). */
  directories: {
    path: "/public/v1/notifications/directories",
    params: [],
    model: "Directory",
    ops: ["collection", "get"],
  },
  /** Platform's next surface (Python branch `feature/MPT-24265/add-notifications-services-directories-footers-webhooks`). */
  footers: {
    path: "/public/v1/notifications/footers",
    params: [],
    model: "Footer",
    ops: ["collection", "get", "create", "update", "delete"],
  },
  /** Platform's next surface (Python branch `feature/MPT-24265/add-notifications-services-directories-footers-webhooks`). */
  webhooks: {
    path: "/public/v1/notifications/webhooks",
    params: [],
    model: "Webhook",
    ops: ["collection", "get", "create", "update", "delete"],
    actions: {
      disable: {
        method: "POST",
        path: "disable",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
      enable: {
        method: "POST",
        path: "enable",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
    },
  },
  /** Platform's next surface (Python branch `feature/MPT-24266/add-notifications-templates-template-variants-services`). */
  templates: {
    path: "/public/v1/notifications/templates",
    params: [],
    model: "NotificationTemplate",
    ops: ["collection", "get", "create", "update", "delete"],
    actions: {
      activate: {
        method: "POST",
        path: "activate",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
      disable: {
        method: "POST",
        path: "disable",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
    },
    children: {
      variants: {
        path: "/public/v1/notifications/templates/{templateId}/variants",
        params: ["templateId"],
        model: "TemplateVariant",
        ops: ["collection", "get", "create", "update", "delete"],
        actions: {
          activate: {
            method: "POST",
            path: "activate",
            body: "optional",
            returns: "model",
            accept: "application/json",
          },
          disable: {
            method: "POST",
            path: "disable",
            body: "optional",
            returns: "model",
            accept: "application/json",
          },
        },
      },
    },
  },
});
