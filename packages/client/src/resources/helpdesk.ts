/**
 * Catalogue rows of the `helpdesk` group: one row per service of the Python client's
 * `Helpdesk` group, with its endpoint, operations, actions and nested services.
 */
import { CRUD, postAction } from "../catalogue/shapes.js";
import { defineGroup } from "../catalogue/types.js";

export const helpdesk = defineGroup({
  cases: {
    path: "/public/v1/helpdesk/cases",
    params: [],
    model: "Case",
    ops: ["collection", "get", "create", "update"],
    actions: {
      complete: postAction("complete"),
      process: postAction("process"),
      query: postAction("query"),
    },
  },
  channels: {
    path: "/public/v1/helpdesk/channels",
    params: [],
    model: "Channel",
    ops: CRUD,
    children: {
      messages: {
        path: "/public/v1/helpdesk/channels/{channelId}/messages",
        params: ["channelId"],
        model: "ChatMessage",
        ops: ["collection"],
      },
    },
  },
  chats: {
    path: "/public/v1/helpdesk/chats",
    params: [],
    model: "Chat",
    ops: ["collection", "get", "create", "update"],
    children: {
      answers: {
        path: "/public/v1/helpdesk/chats/{chatId}/answers",
        params: ["chatId"],
        model: "ChatAnswer",
        ops: CRUD,
        actions: {
          accept: postAction("accept"),
          query: postAction("query"),
          submit: postAction("submit"),
          validate: postAction("validate"),
        },
      },
      attachments: {
        path: "/public/v1/helpdesk/chats/{chatId}/attachments",
        params: ["chatId"],
        model: "AttachmentModel",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "attachment", fileKey: "file", on: ["create"] },
      },
      links: {
        path: "/public/v1/helpdesk/chats/{chatId}/links",
        params: ["chatId"],
        model: "ChatLink",
        ops: ["collection", "create", "update", "delete"],
      },
      messages: {
        path: "/public/v1/helpdesk/chats/{chatId}/messages",
        params: ["chatId"],
        model: "ChatMessage",
        ops: ["collection", "create", "update", "delete"],
      },
      participants: {
        path: "/public/v1/helpdesk/chats/{chatId}/participants",
        params: ["chatId"],
        model: "ChatParticipant",
        ops: ["collection", "create", "update", "delete"],
        bulkCreate: true,
      },
    },
  },
  forms: {
    path: "/public/v1/helpdesk/forms",
    params: [],
    model: "Form",
    ops: CRUD,
    actions: {
      publish: postAction("publish"),
      unpublish: postAction("unpublish"),
    },
  },
  parameterGroups: {
    path: "/public/v1/helpdesk/parameter-groups",
    params: [],
    model: "HelpdeskParameterGroup",
    ops: CRUD,
    children: {
      parameters: {
        path: "/public/v1/helpdesk/parameter-groups/{groupId}/parameters",
        params: ["groupId"],
        model: "ParameterGroupParameter",
        ops: CRUD,
      },
    },
  },
  parameters: {
    path: "/public/v1/helpdesk/parameters",
    params: [],
    model: "HelpdeskParameter",
    ops: CRUD,
  },
  queues: {
    path: "/public/v1/helpdesk/queues",
    params: [],
    model: "Queue",
    ops: CRUD,
    actions: {
      activate: postAction("activate"),
      disable: postAction("disable"),
    },
  },
});
