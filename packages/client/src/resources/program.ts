/**
 * Catalogue rows of the `program` group: one row per service of the Python client's
 * `Program` group, with its endpoint, operations, actions and nested services, plus the services
 * and actions only the platform's OpenAPI spec documents (client README, "Beyond the Python client").
 */
import { CRUD, fileAction, postAction, textAction } from "../catalogue/shapes.js";
import { defineGroup } from "../catalogue/types.js";

export const program = defineGroup({
  certificates: {
    path: "/public/v1/program/certificates",
    params: [],
    model: "Certificate",
    ops: CRUD,
    actions: {
      render: textAction("render"),
      terminate: postAction("terminate"),
    },
  },
  enrollments: {
    path: "/public/v1/program/enrollments",
    params: [],
    model: "Enrollment",
    ops: CRUD,
    actions: {
      complete: postAction("complete"),
      fail: postAction("fail"),
      process: postAction("process"),
      query: postAction("query"),
      render: textAction("render"),
      submit: postAction("submit"),
      validate: postAction("validate"),
      /** OpenAPI only: `POST /program/enrollments/validate` checks an enrollment that is not created yet. */
      validateDraft: {
        method: "POST",
        path: "validate",
        scope: "collection",
        body: "required",
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
    ops: CRUD,
    upload: { dataKey: "program", fileKey: "icon", on: ["create", "update"] },
    actions: {
      downloadIcon: fileAction("icon"),
      publish: postAction("publish"),
      unpublish: postAction("unpublish"),
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
          publish: postAction("publish"),
          unpublish: postAction("unpublish"),
        },
      },
      media: {
        path: "/public/v1/program/programs/{programId}/media",
        params: ["programId"],
        model: "ProgramMedia",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "media", fileKey: "file", on: ["create"] },
        actions: {
          downloadImage: fileAction("image"),
          publish: postAction("publish"),
          unpublish: postAction("unpublish"),
        },
      },
      parameterGroups: {
        path: "/public/v1/program/programs/{programId}/parameter-groups",
        params: ["programId"],
        model: "ProgramParameterGroup",
        ops: CRUD,
      },
      parameters: {
        path: "/public/v1/program/programs/{programId}/parameters",
        params: ["programId"],
        model: "ProgramParameter",
        ops: CRUD,
      },
      templates: {
        path: "/public/v1/program/programs/{programId}/templates",
        params: ["programId"],
        model: "ProgramTemplate",
        ops: CRUD,
      },
      terms: {
        path: "/public/v1/program/programs/{programId}/terms",
        params: ["programId"],
        model: "ProgramTerm",
        ops: CRUD,
        actions: {
          publish: postAction("publish"),
          unpublish: postAction("unpublish"),
        },
        children: {
          variants: {
            path: "/public/v1/program/programs/{programId}/terms/{termId}/variants",
            params: ["termId"],
            model: "ProgramTermVariant",
            ops: ["collection", "get", "create", "update", "delete", "download"],
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
});
