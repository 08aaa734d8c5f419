/** `EnvTokenAuthentication`: a bearer token read once from an environment variable. */
import { MPTError } from "../errors.js";
import { readEnv } from "../http/env.js";
import { BearerTokenAuthentication } from "./bearer.js";

export const TOKEN_ENV = "MPT_API_TOKEN";

/** Reads the token from `envVar` (default `MPT_API_TOKEN`) at construction. */
export class EnvTokenAuthentication extends BearerTokenAuthentication {
  readonly envVar: string;

  constructor(envVar: string = TOKEN_ENV) {
    const token = readEnv(envVar);
    if (token === undefined || token.trim() === "") {
      throw new MPTError(
        `The environment variable ${envVar} is not set or empty: set it to an MPT API token ` +
          `(idt:TKN-…) or pass { authentication: new BearerTokenAuthentication(token) }`,
      );
    }
    super(token);
    this.envVar = envVar;
  }
}
