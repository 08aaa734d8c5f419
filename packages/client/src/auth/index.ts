/** Public authentication providers and their contract. */
export { BearerTokenAuthentication } from "./bearer.js";
export { EnvTokenAuthentication } from "./env-token.js";
export {
  ExtensionFrameworkAuthentication,
  type ExtensionFrameworkAuthenticationOptions,
} from "./extension-framework.js";
export { type AuthContext, type Authentication, isAuthentication } from "./types.js";
