/** The parts of an OpenAPI schema object the sandbox's generators read (one shape for both). */

/** The spec's `x-softwareone-rql` extension of a property. */
export interface RqlExtension {
  rqlType?: string;
  access?: string[];
  /** mpt-rql-net's `RqlProperty(IsCore = …)`: part of every default projection that has Core. */
  isCore?: boolean;
  /** `Embedded` (a value object) or `Referenced` (another entity); not used by the sandbox. */
  attributeType?: string;
  /** `Core` (= isCore), `Optional`, or `None`; not used by the sandbox. */
  constraints?: string[];
}

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  required?: string[];
  nullable?: boolean;
  "x-softwareone-rql"?: RqlExtension;
  [keyword: string]: unknown;
}
