/** Options of the Node transport, typed without Node's own types (the shared bundle has none). */

type Pem = string | Uint8Array;

/** TLS settings of the https agent the Node transport creates (as `https.Agent` takes them). */
export interface NodeTlsOptions {
  /** Trusted CA certificates (PEM); replaces Node's default list. */
  ca?: Pem | readonly Pem[] | undefined;
  /** Client certificate chain (PEM), for mutual TLS. */
  cert?: Pem | readonly Pem[] | undefined;
  /** Private key of the client certificate (PEM). */
  key?: Pem | readonly Pem[] | undefined;
  passphrase?: string | undefined;
  /** PFX / PKCS#12 bundle instead of `cert` + `key`. */
  pfx?: Pem | readonly Pem[] | undefined;
  /** Default true: `false` accepts any certificate (tests against self-signed servers only). */
  rejectUnauthorized?: boolean | undefined;
  /** Server name for SNI and certificate checks when it differs from the host. */
  servername?: string | undefined;
  minVersion?: "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3" | undefined;
}

export interface NodeWireOptions {
  /** An `http.Agent` / `https.Agent` (or compatible, e.g. a proxy agent) for every request. */
  agent?: object | undefined;
  tls?: NodeTlsOptions | undefined;
}
