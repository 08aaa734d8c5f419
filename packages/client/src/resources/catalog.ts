/**
 * Catalogue rows of the `catalog` group: one row per service of the Python client's
 * `Catalog` group, with its endpoint, operations, actions and nested services, plus the services
 * and actions only the platform's OpenAPI spec documents (client README, "Beyond the Python client").
 */
import { CRUD, fileAction, postAction, READ } from "../catalogue/shapes.js";
import { defineGroup } from "../catalogue/types.js";

export const catalog = defineGroup({
  authorizations: {
    path: "/public/v1/catalog/authorizations",
    params: [],
    model: "Authorization",
    ops: CRUD,
  },
  items: {
    path: "/public/v1/catalog/items",
    params: [],
    model: "Item",
    ops: CRUD,
    actions: {
      publish: postAction("publish"),
      review: postAction("review"),
      unpublish: postAction("unpublish"),
    },
  },
  listings: {
    path: "/public/v1/catalog/listings",
    params: [],
    model: "Listing",
    ops: CRUD,
  },
  priceLists: {
    path: "/public/v1/catalog/price-lists",
    params: [],
    model: "PriceList",
    ops: CRUD,
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
    ops: CRUD,
    actions: {
      activate: postAction("activate"),
      disable: postAction("disable"),
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
    ops: CRUD,
    upload: { dataKey: "product", fileKey: "icon", on: ["create", "update"] },
    actions: {
      downloadIcon: fileAction("icon"),
      publish: postAction("publish"),
      review: postAction("review"),
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
        path: "/public/v1/catalog/products/{productId}/documents",
        params: ["productId"],
        model: "Document",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "document", fileKey: "file", on: ["create"] },
        actions: {
          publish: postAction("publish"),
          review: postAction("review"),
          unpublish: postAction("unpublish"),
        },
      },
      itemGroups: {
        path: "/public/v1/catalog/products/{productId}/item-groups",
        params: ["productId"],
        model: "ItemGroup",
        ops: CRUD,
      },
      items: {
        path: "/public/v1/catalog/products/{productId}/items",
        params: ["productId"],
        model: "Item",
        ops: READ,
      },
      media: {
        path: "/public/v1/catalog/products/{productId}/media",
        params: ["productId"],
        model: "Media",
        ops: ["collection", "get", "create", "update", "delete", "download"],
        upload: { dataKey: "media", fileKey: "file", on: ["create"] },
        actions: {
          downloadImage: fileAction("image"),
          publish: postAction("publish"),
          review: postAction("review"),
          unpublish: postAction("unpublish"),
        },
      },
      parameterGroups: {
        path: "/public/v1/catalog/products/{productId}/parameter-groups",
        params: ["productId"],
        model: "ParameterGroup",
        ops: CRUD,
      },
      parameters: {
        path: "/public/v1/catalog/products/{productId}/parameters",
        params: ["productId"],
        model: "Parameter",
        ops: CRUD,
      },
      templates: {
        path: "/public/v1/catalog/products/{productId}/templates",
        params: ["productId"],
        model: "Template",
        ops: CRUD,
      },
      terms: {
        path: "/public/v1/catalog/products/{productId}/terms",
        params: ["productId"],
        model: "Term",
        ops: CRUD,
        actions: {
          publish: postAction("publish"),
          review: postAction("review"),
          unpublish: postAction("unpublish"),
        },
        children: {
          variants: {
            path: "/public/v1/catalog/products/{productId}/terms/{termId}/variants",
            params: ["termId"],
            model: "TermVariant",
            ops: ["collection", "get", "create", "update", "delete", "download"],
            upload: { dataKey: "variant", fileKey: "file", on: ["create"] },
            actions: {
              publish: postAction("publish"),
              review: postAction("review"),
              unpublish: postAction("unpublish"),
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
    ops: CRUD,
  },
});
