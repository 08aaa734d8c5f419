/**
 * Catalogue rows of the `catalog` group: one row per service of the Python client's
 * `Catalog` group, with its endpoint, operations, actions and nested services.
 */
import { defineGroup } from "../catalogue/types.js";

export const catalog = defineGroup({
  authorizations: {
    path: "/public/v1/catalog/authorizations",
    params: [],
    model: "Authorization",
    ops: ["collection", "get", "create", "update", "delete"],
  },
  items: {
    path: "/public/v1/catalog/items",
    params: [],
    model: "Item",
    ops: ["collection", "get", "create", "update", "delete"],
    actions: {
      publish: {
        method: "POST",
        path: "publish",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
      review: {
        method: "POST",
        path: "review",
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
  listings: {
    path: "/public/v1/catalog/listings",
    params: [],
    model: "Listing",
    ops: ["collection", "get", "create", "update", "delete"],
  },
  priceLists: {
    path: "/public/v1/catalog/price-lists",
    params: [],
    model: "PriceList",
    ops: ["collection", "get", "create", "update", "delete"],
    children: {
      items: {
        path: "/public/v1/catalog/price-lists/{priceListId}/items",
        params: ["priceListId"],
        model: "PriceListItem",
        ops: ["collection", "get", "update"],
      },
    },
  },
  pricingPolicies: {
    path: "/public/v1/catalog/pricing-policies",
    params: [],
    model: "PricingPolicy",
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
      attachments: {
        path: "/public/v1/catalog/pricing-policies/{pricingPolicyId}/attachments",
        params: ["pricingPolicyId"],
        model: "PricingPolicyAttachment",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "attachment", fileKey: "file", on: ["create"] },
      },
    },
  },
  products: {
    path: "/public/v1/catalog/products",
    params: [],
    model: "Product",
    ops: ["collection", "get", "create", "update", "delete"],
    upload: { dataKey: "product", fileKey: "icon", on: ["create", "update"] },
    actions: {
      publish: {
        method: "POST",
        path: "publish",
        body: "optional",
        returns: "model",
        accept: "application/json",
      },
      review: {
        method: "POST",
        path: "review",
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
        path: "/public/v1/catalog/products/{productId}/documents",
        params: ["productId"],
        model: "Document",
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
          review: {
            method: "POST",
            path: "review",
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
      itemGroups: {
        path: "/public/v1/catalog/products/{productId}/item-groups",
        params: ["productId"],
        model: "ItemGroup",
        ops: ["collection", "get", "create", "update", "delete"],
      },
      items: {
        path: "/public/v1/catalog/products/{productId}/items",
        params: ["productId"],
        model: "Item",
        ops: ["collection", "get"],
      },
      media: {
        path: "/public/v1/catalog/products/{productId}/media",
        params: ["productId"],
        model: "Media",
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
          review: {
            method: "POST",
            path: "review",
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
        path: "/public/v1/catalog/products/{productId}/parameter-groups",
        params: ["productId"],
        model: "ParameterGroup",
        ops: ["collection", "get", "create", "update", "delete"],
      },
      parameters: {
        path: "/public/v1/catalog/products/{productId}/parameters",
        params: ["productId"],
        model: "Parameter",
        ops: ["collection", "get", "create", "update", "delete"],
      },
      templates: {
        path: "/public/v1/catalog/products/{productId}/templates",
        params: ["productId"],
        model: "Template",
        ops: ["collection", "get", "create", "update", "delete"],
      },
      terms: {
        path: "/public/v1/catalog/products/{productId}/terms",
        params: ["productId"],
        model: "Term",
        ops: ["collection", "get", "create", "update", "delete"],
        actions: {
          publish: {
            method: "POST",
            path: "publish",
            body: "optional",
            returns: "model",
            accept: "application/json",
          },
          review: {
            method: "POST",
            path: "review",
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
            path: "/public/v1/catalog/products/{productId}/terms/{termId}/variants",
            params: ["termId"],
            model: "TermVariant",
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
              review: {
                method: "POST",
                path: "review",
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
  unitsOfMeasure: {
    path: "/public/v1/catalog/units-of-measure",
    params: [],
    model: "UnitOfMeasure",
    ops: ["collection", "get", "create", "update", "delete"],
  },
});
