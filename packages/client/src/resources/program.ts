/**
 * Catalogue rows of the `program` group: one row per service of the Python client's
 * `Program` group, with its endpoint, operations, actions and nested services.
 */
import { defineGroup } from "../catalogue/types.js";

export const program = defineGroup({
  certificates: {
    path: "/public/v1/program/certificates",
    params: [],
    model: "Certificate",
    ops: ["collection", "get", "create", "update", "delete"],
    actions: {
      terminate: {
        method: "POST",
        path: "terminate",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
    },
  },
  enrollments: {
    path: "/public/v1/program/enrollments",
    params: [],
    model: "Enrollment",
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
      render: { method: "GET", path: "render", returns: "text" },
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
    children: {
      attachments: {
        path: "/public/v1/program/enrollments/{enrollmentId}/attachments",
        params: ["enrollmentId"],
        model: "EnrollmentAttachment",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "attachment", fileKey: "file", on: ["create"] },
      },
    },
  },
  programs: {
    path: "/public/v1/program/programs",
    params: [],
    model: "Program",
    ops: ["collection", "get", "create", "update", "delete"],
    upload: { dataKey: "program", fileKey: "icon", on: ["create", "update"] },
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
      updateSettings: {
        method: "PUT",
        path: "settings",
        body: "required",
        returns: "model",
        accept: "application/json",
      },
    },
    children: {
      documents: {
        path: "/public/v1/program/programs/{programId}/documents",
        params: ["programId"],
        model: "ProgramDocument",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "document", fileKey: "file", on: ["create"] },
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
      media: {
        path: "/public/v1/program/programs/{programId}/media",
        params: ["programId"],
        model: "ProgramMedia",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "media", fileKey: "file", on: ["create"] },
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
        path: "/public/v1/program/programs/{programId}/parameter-groups",
        params: ["programId"],
        model: "ProgramParameterGroup",
        ops: ["collection", "get", "create", "update", "delete"],
      },
      parameters: {
        path: "/public/v1/program/programs/{programId}/parameters",
        params: ["programId"],
        model: "ProgramParameter",
        ops: ["collection", "get", "create", "update", "delete"],
      },
      templates: {
        path: "/public/v1/program/programs/{programId}/templates",
        params: ["programId"],
        model: "ProgramTemplate",
        ops: ["collection", "get", "create", "update", "delete"],
      },
      terms: {
        path: "/public/v1/program/programs/{programId}/terms",
        params: ["programId"],
        model: "ProgramTerm",
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
        children: {
          variants: {
            path: "/public/v1/program/programs/{programId}/terms/{termId}/variants",
            params: ["termId"],
            model: "ProgramTermVariant",
            ops: ["collection", "get", "create", "update", "delete", "download"],
            upload: { dataKey: "variant", fileKey: "file", on: ["create"] },
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
        },
      },
    },
  },
});
