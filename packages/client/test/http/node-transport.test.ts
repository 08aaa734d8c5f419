/**
 * The two transports: which one a client picks (node:http on Node unless `fetch` or `transport`
 * says otherwise), and behaviour both must share on a real loopback server: gzip/deflate/br
 * decoding, keep-alive reuse, kept-alive sockets the server closed (an idempotent request goes
 * again at once, a POST never twice), backpressure on an open stream, token requests of an
 * authentication provider going through the Node transport.
 */
import assert from "node:assert/strict";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { BearerTokenAuthentication } from "../../src/auth/index.js";
import { MPTClient } from "../../src/client.js";
import { MPTConnectionError, MPTError } from "../../src/errors.js";
import { createTransport } from "../../src/http/transport.js";
import { eachTransport } from "../support/transports.js";
import { rejection, withServer } from "./support.js";

describe("transport selection", () => {
  const baseUrl = "http://127.0.0.1:9";

  test("on Node the node:http transport is the default; `fetch` or `transport` pick fetch", () => {
    assert.equal(createTransport({ baseUrl }).kind, "node");
    const authentication = new BearerTokenAuthentication("idt:TKN-0000-0000:test");
    assert.equal(new MPTClient({ baseUrl, authentication }).transport.kind, "node");
    assert.equal(createTransport({ baseUrl, fetch: globalThis.fetch }).kind, "fetch");
    assert.equal(createTransport({ baseUrl, transport: "fetch" }).kind, "fetch");
    assert.equal(createTransport({ baseUrl, transport: "node" }).kind, "node");
  });

  test("contradictory or unknown transport options are clear errors", () => {
    assert.throws(
      () => createTransport({ baseUrl, transport: "node", fetch: globalThis.fetch }),
      (error: unknown) => error instanceof MPTError && /drop one of them/.test(error.message),
    );
    assert.throws(
      () => createTransport({ baseUrl, transport: "undici" as "node" }),
      (error: unknown) => error instanceof MPTError && /"fetch", "node"/.test(error.message),
    );
    assert.throws(
      () => createTransport({ baseUrl, fetch: globalThis.fetch, agent: {} }),
      (error: unknown) =>
        error instanceof MPTError && /agent: it applies to the Node transport/.test(error.message),
    );
    assert.throws(
      () => createTransport({ baseUrl, transport: "fetch", tls: { rejectUnauthorized: false } }),
      (error: unknown) =>
        error instanceof MPTError && /tls: it applies to the Node transport/.test(error.message),
    );
  });

  test("a custom agent carries every request of the Node transport", async () => {
    const agent = new http.Agent({ keepAlive: true });
    let released = 0;
    agent.on("free", () => released++);
    await withServer(
      (_req, res) => res.end("{}"),
      async (server) => {
        const transport = createTransport({ baseUrl: server.url, agent });
        await transport.request({ method: "GET", path: "/public/v1/x" });
        const value = { name: "Zürich" };
        await transport.request({ method: "POST", path: "/public/v1/x", body: { kind: "json", value } });
        assert.equal(released, 2);
        const post = server.received[1];
        assert.equal(post?.headers["content-length"], String(Buffer.byteLength(JSON.stringify(value))));
        assert.equal(post?.headers.host, new URL(server.url).host);
      },
    );
    agent.destroy();
  });
});

eachTransport((kind) => {
  const PAYLOAD = { id: "PRD-1", text: "é".repeat(5_000) };

  test("gzip, deflate and br bodies are decoded", async () => {
    const encoders: Record<string, (b: Buffer) => Buffer> = {
      gzip: (b) => zlib.gzipSync(b),
      deflate: (b) => zlib.deflateSync(b),
      br: (b) => zlib.brotliCompressSync(b),
    };
    await withServer(
      (req, res) => {
        const coding = (req.url ?? "").split("/").pop() ?? "";
        const encode = encoders[coding];
        const body = Buffer.from(JSON.stringify(PAYLOAD));
        res.writeHead(200, { "content-type": "application/json", "content-encoding": coding });
        res.end(encode ? encode(body) : body);
      },
      async (server) => {
        const transport = createTransport({ baseUrl: server.url, transport: kind, retries: 0 });
        for (const coding of Object.keys(encoders)) {
          const res = await transport.request({ method: "GET", path: `/public/v1/enc/${coding}` });
          assert.deepEqual(res.json(), PAYLOAD, coding);
        }
        const accepted = String(server.received[0]?.headers["accept-encoding"]);
        assert.match(accepted, /gzip/);
        assert.match(accepted, /deflate/);
      },
    );
  });

  test("the wire headers: Host with the port, Content-Length of each body, no chunked encoding", async () => {
    await withServer(
      (_req, res) => res.end("{}"),
      async (server) => {
        const transport = createTransport({ baseUrl: server.url, transport: kind, retries: 0 });
        const value = { name: "Zürich – 東京" };
        const json = JSON.stringify(value);
        await transport.request({ method: "POST", path: "/public/v1/json", body: { kind: "json", value } });
        await transport.request({ method: "POST", path: "/public/v1/empty" });
        await transport.request({ method: "GET", path: "/public/v1/get", headers: { "X-Trace": "t-1" } });
        const [post, empty, get] = server.received;
        assert.equal(post?.headers.host, new URL(server.url).host);
        assert.equal(post?.headers["content-length"], String(Buffer.byteLength(json)));
        assert.equal(post?.headers["transfer-encoding"], undefined);
        assert.equal(post?.body.toString(), json);
        assert.equal(empty?.headers["content-length"], "0");
        assert.equal(get?.headers["content-length"], undefined);
        assert.equal(get?.headers["x-trace"], "t-1");
        assert.equal(get?.headers.connection, "keep-alive");
      },
    );
  });

  test("sequential requests reuse one kept-alive connection", async () => {
    const sockets = new Set<unknown>();
    await withServer(
      (req, res) => {
        sockets.add(req.socket);
        res.end("{}");
      },
      async (server) => {
        const transport = createTransport({ baseUrl: server.url, transport: kind });
        for (let i = 0; i < 10; i++) await transport.request({ method: "GET", path: "/public/v1/x" });
        assert.equal(server.received.length, 10);
        // undici opens a second connection while the first is being returned to its pool
        assert.ok(sockets.size <= (kind === "node" ? 1 : 2), `${sockets.size} connections for 10 requests`);
      },
    );
  });

  test("an open stream applies backpressure: the server stalls while the reader waits", async () => {
    const CHUNK = Buffer.alloc(64 * 1024, 0x61);
    let written = 0;
    let stalled!: () => void;
    const stall = new Promise<void>((resolve) => {
      stalled = resolve;
    });
    await withServer(
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/octet-stream" });
        const pump = () => {
          for (let i = 0; i < 4_096 && !res.destroyed; i++) {
            written += CHUNK.length;
            if (!res.write(CHUNK)) {
              stalled();
              res.once("drain", pump);
              return;
            }
          }
          res.end();
        };
        pump();
      },
      async (server) => {
        const transport = createTransport({ baseUrl: server.url, transport: kind });
        const res = await transport.stream({ method: "GET", path: "/public/v1/file" });
        const reader = res.body.getReader();
        await reader.read();
        await stall;
        // socket buffers and one stream chunk, not the 256 MB the server would send
        assert.ok(written < 32 * 1024 * 1024, `${written} bytes written before the server stalled`);
        await res.cancel();
      },
    );
  });
});

describe("kept-alive sockets the server closed", () => {
  /** Answers, then drops the connection right after (no `Connection: close`): the client's pooled socket is stale. */
  const dropAfterAnswer = (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end("{}", () => setImmediate(() => req.socket.destroy()));
  };

  test("an idempotent request on a stale socket goes again at once, even with retries: 0", async () => {
    await withServer(dropAfterAnswer, async (server) => {
      const transport = createTransport({ baseUrl: server.url, transport: "node", retries: 0 });
      for (let i = 0; i < 6; i++) await transport.request({ method: "GET", path: "/public/v1/x" });
      assert.equal(server.count("/public/v1/x", "GET"), 6);
    });
  });

  test("a POST on a stale socket is never sent twice", async () => {
    await withServer(dropAfterAnswer, async (server) => {
      const transport = createTransport({ baseUrl: server.url, transport: "node", retries: 3 });
      let failed = 0;
      for (let i = 0; i < 6; i++) {
        const body = { kind: "json" as const, value: { n: i } };
        try {
          await transport.request({ method: "POST", path: "/public/v1/x", body });
        } catch (error) {
          assert.ok(error instanceof MPTConnectionError, String(error));
          failed++;
        }
      }
      const bodies = server.received.map((r) => r.body.toString());
      assert.equal(new Set(bodies).size, bodies.length, `a POST arrived twice: ${bodies.join(" ")}`);
      assert.equal(bodies.length + failed, 6);
    });
  });
});

test("an authentication provider's token request goes through the Node transport", async () => {
  const { ExtensionFrameworkAuthentication } = await import("../../src/auth/index.js");
  await withServer(
    (req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(req.url?.includes("/token") ? { token: "eyJ.e30.sig" } : { ok: true }));
    },
    async (server) => {
      const agent = new http.Agent({ keepAlive: true });
      let requests = 0;
      agent.on("free", () => requests++);
      const authentication = new ExtensionFrameworkAuthentication({ secret: "secret-value" });
      const transport = createTransport({ baseUrl: server.url, authentication, agent });
      await transport.request({ method: "GET", path: "/public/v1/x" });
      assert.equal(server.received.length, 2);
      assert.match(server.received[0]?.url ?? "", /\/installations\/-\/token/);
      assert.equal(requests, 2, "both requests went through the client's agent");
      agent.destroy();
    },
  );
});

describe("TLS options of the Node transport", () => {
  const fixture = (name: string) =>
    readFileSync(join(dirname(fileURLToPath(import.meta.url)), "fixtures", name), "utf8");
  // a self-signed certificate for 127.0.0.1 / localhost (test fixture, valid until 2125)
  const cert = fixture("localhost-cert.pem");
  const key = fixture("localhost-key.pem");

  async function withTlsServer(run: (url: string) => Promise<void>) {
    const server = https.createServer({ cert, key }, (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"secure":true}');
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      await run(`https://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  test("a server certificate signed by the given `ca` is trusted", async () => {
    await withTlsServer(async (url) => {
      const transport = createTransport({ baseUrl: url, tls: { ca: cert } });
      const res = await transport.request({ method: "GET", path: "/public/v1/x" });
      assert.deepEqual(res.json(), { secure: true });
    });
  });

  test("without it the self-signed certificate is refused at once, not retried", async () => {
    await withTlsServer(async (url) => {
      const transport = createTransport({ baseUrl: url, retries: 3, retryBaseDelay: 1 });
      const error = await rejection(transport.request({ method: "GET", path: "/public/v1/x" }));
      assert.ok(error instanceof MPTConnectionError, String(error));
      assert.match(error.message, /SELF_SIGNED|retrying cannot help/);
    });
  });
});
