/**
 * Catalogue rows of the `helpdesk` group: one row per service of the Python client's
 * `Helpdesk` group, with its endpoint, operations, actions and nested services.
 */
import { defineGroup } from "../catalogue/types.js";

export const helpdesk = defineGroup({
  cases: {
    path: "/public/v1/helpdesk/cases",
    params: [],
    model: "Case",
    ops: ["collection", "get", "create", "update"],
    actions: {
      complete: {
        method: "POST",
        path: "complete",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
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
    },
  },
  channels: {
    path: "/public/v1/helpdesk/channels",
    params: [],
    model: "Channel",
    ops: ["collection", "get", "create", "update", "delete"],
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
        ops: ["collection", "get", "create", "update", "delete"],
        actions: {
          accept: {
            method: "POST",
            path: "accept",
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
          submit: {
            method: "POST",
            path: "submit",
            body: "optional",
            returns: "model",
            accept: "application/json",
          },
          validate: {
            method: "POST",
            path: "validate",
            body: "optional",
            returns: "model",
            accept: "application/json",
          },
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
      },
    },
  },
  forms: {
    path: "/public/v1/helpdesk/forms",
    params: [],
    model: "Form",
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
  parameterGroups: {
    path: "/public/v1/helpdesk/parameter-groups",
    params: [],
    model: "HelpdeskParameterGroup",
    ops: ["collection", "get", "create", "update", "delete"],
    children: {
      parameters: {
        path: "/public/v1/helpdesk/parameter-groups/{groupId}/parameters",
        params: ["groupId"],
        model: "ParameterGroupParameter",
        ops: ["collection", "get", "create", "update", "delete"],
      },
    },
  },
  parameters: {
    path: "/public/v1/helpdesk/parameters",
    params: [],
    model: "HelpdeskParameter",
    ops: ["collection", "get", "create", "update", "delete"],
  },
  queues: {
    path: "/public/v1/helpdesk/queues",
    params: [],
    model: "Queue",
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
});
