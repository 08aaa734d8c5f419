/**
 * Building blocks for catalogue rows, the TypeScript counterpart of the Python library's mixins:
 * the common operation sets and the common action shape (`POST {id}/<path>` with an optional
 * JSON body, answering the updated model).
 */

/** Collection, get, create, update and delete. */
export const CRUD = ["collection", "get", "create", "update", "delete"] as const;
/** Collection and get. */
export const READ = ["collection", "get"] as const;

/** `POST {endpoint}/{id}/<path>` with an optional JSON body, answering the model (`publish`, `enable`, ...). */
export function postAction<const P extends string>(path: P) {
  return { method: "POST", path, body: "optional", returns: "model", accept: "application/json" } as const;
}

/** `GET {endpoint}/{id}/<path>` answering a file (`downloadIcon`, `downloadImage`). */
export function fileAction<const P extends string>(path: P) {
  return { method: "GET", path, returns: "file" } as const;
}

/** `GET {endpoint}/{id}/<path>` answering text (`render`, `template`). */
export function textAction<const P extends string>(path: P) {
  return { method: "GET", path, returns: "text" } as const;
}
