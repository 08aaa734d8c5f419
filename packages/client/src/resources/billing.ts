/**
 * Catalogue rows of the `billing` group: one row per service of the Python client's
 * `Billing` group, with its endpoint, operations, actions and nested services, plus the services
 * and actions only the platform's OpenAPI spec documents (client README, "Beyond the Python client").
 */
import { CRUD, postAction, READ } from "../catalogue/shapes.js";
import { defineGroup } from "../catalogue/types.js";

export const billing = defineGroup({
  creditMemos: {
    path: "/public/v1/billing/credit-memos",
    params: [],
    model: "CreditMemo",
    ops: ["collection", "get", "create", "update"],
    children: {
      attachments: {
        path: "/public/v1/billing/credit-memos/{creditMemoId}/attachments",
        params: ["creditMemoId"],
        model: "CreditMemoAttachment",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "attachment", fileKey: "file", on: ["create"] },
      },
    },
  },
  customLedgers: {
    path: "/public/v1/billing/custom-ledgers",
    params: [],
    model: "CustomLedger",
    ops: CRUD,
    actions: {
      accept: postAction("accept"),
      queue: postAction("queue"),
      upload: {
        method: "POST",
        path: "upload",
        file: {
          key: "file",
          required: true,
          idPart: true,
          emptyDataPart: "_attachment_data",
          contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          defaultFilename: "uploaded_file.xlsx",
        },
        returns: "model",
      },
    },
    children: {
      attachments: {
        path: "/public/v1/billing/custom-ledgers/{customLedgerId}/attachments",
        params: ["customLedgerId"],
        model: "CustomLedgerAttachment",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "attachment", fileKey: "file", on: ["create"] },
      },
      charges: {
        path: "/public/v1/billing/custom-ledgers/{customLedgerId}/charges",
        params: ["customLedgerId"],
        model: "CustomLedgerCharge",
        ops: READ,
      },
    },
  },
  invoices: {
    path: "/public/v1/billing/invoices",
    params: [],
    model: "Invoice",
    ops: ["collection", "get", "create", "update"],
    children: {
      attachments: {
        path: "/public/v1/billing/invoices/{invoiceId}/attachments",
        params: ["invoiceId"],
        model: "InvoiceAttachment",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "attachment", fileKey: "file", on: ["create"] },
      },
    },
  },
  journals: {
    path: "/public/v1/billing/journals",
    params: [],
    model: "Journal",
    ops: CRUD,
    actions: {
      accept: postAction("accept"),
      enquiry: postAction("enquiry"),
      regenerate: postAction("regenerate"),
      submit: postAction("submit"),
      upload: {
        method: "POST",
        path: "upload",
        file: { key: "file", required: false, idPart: true, emptyDataPart: "_attachment_data" },
        returns: "model",
      },
      /** OpenAPI only: `POST {id}/upload/apim-test`, the platform's test upload of a journal file. */
      uploadApimTest: {
        method: "POST",
        path: "upload/apim-test",
        file: { key: "file", required: true },
        returns: "model",
      },
    },
    children: {
      attachments: {
        path: "/public/v1/billing/journals/{journalId}/attachments",
        params: ["journalId"],
        model: "JournalAttachment",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "attachment", fileKey: "file", on: ["create"] },
      },
      charges: {
        path: "/public/v1/billing/journals/{journalId}/charges",
        params: ["journalId"],
        model: "JournalCharge",
        ops: READ,
      },
      sellers: {
        path: "/public/v1/billing/journals/{journalId}/sellers",
        params: ["journalId"],
        model: "JournalSeller",
        ops: READ,
      },
    },
  },
  ledgers: {
    path: "/public/v1/billing/ledgers",
    params: [],
    model: "Ledger",
    ops: ["collection", "get", "create", "update"],
    actions: {
      accept: postAction("accept"),
      recalculate: postAction("recalculate"),
    },
    children: {
      attachments: {
        path: "/public/v1/billing/ledgers/{ledgerId}/attachments",
        params: ["ledgerId"],
        model: "LedgerAttachment",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "attachment", fileKey: "file", on: ["create"] },
      },
      charges: {
        path: "/public/v1/billing/ledgers/{ledgerId}/charges",
        params: ["ledgerId"],
        model: "LedgerCharge",
        ops: READ,
      },
    },
  },
  manualOverrides: {
    path: "/public/v1/billing/manual-overrides",
    params: [],
    model: "ManualOverride",
    ops: ["collection", "get", "create", "update"],
  },
  statements: {
    path: "/public/v1/billing/statements",
    params: [],
    model: "Statement",
    ops: ["collection", "get", "update"],
    actions: {
      cancel: postAction("cancel"),
      error: postAction("error"),
      issue: postAction("issue"),
      pending: postAction("pending"),
      queue: postAction("queue"),
      recalculate: postAction("recalculate"),
      retry: postAction("retry"),
    },
    children: {
      attachments: {
        path: "/public/v1/billing/statements/{statementId}/attachments",
        params: ["statementId"],
        model: "StatementAttachment",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "attachment", fileKey: "file", on: ["create"] },
      },
      charges: {
        path: "/public/v1/billing/statements/{statementId}/charges",
        params: ["statementId"],
        model: "StatementCharge",
        ops: ["collection", "get", "stream"],
        streamKind: "jsonl",
      },
    },
  },
});
