/**
 * The peer SDKs the benchmarks compare against, pointed at the loopback API with retries off:
 * openai-node (fetch-based) and stripe-node (its node:http client with a keep-alive agent). Both
 * are dev dependencies of the bench only. Single objects go through their generic request
 * methods; lists through their own cursor pagers over `/v1/products`.
 */
import OpenAI from "openai";
import { CursorPage } from "openai/pagination";
import Stripe from "stripe";
import { TOKEN } from "./lib.js";

interface Product {
  id: string;
}

export interface Peers {
  openai: OpenAI;
  stripe: Stripe;
}

export function peers(url: string): Peers {
  const { hostname, port, protocol } = new URL(url);
  return {
    openai: new OpenAI({ apiKey: TOKEN, baseURL: url, maxRetries: 0 }),
    stripe: new Stripe(TOKEN, {
      host: hostname,
      port: Number(port),
      protocol: protocol === "https:" ? "https" : "http",
      maxNetworkRetries: 0,
    }),
  };
}

/** One product through openai-node's generic GET. */
export function openaiGet(p: Peers, id: string): Promise<unknown> {
  return p.openai.get(`/public/v1/catalog/products/${id}`);
}

/** One product through stripe-node's raw request. */
export function stripeGet(p: Peers, id: string): Promise<unknown> {
  return p.stripe.rawRequest("GET", `/public/v1/catalog/products/${id}`);
}

/** Every product through openai-node's cursor pager; returns the count. */
export async function openaiIterate(p: Peers, limit: number, each: (id: string) => void): Promise<number> {
  let n = 0;
  for await (const record of p.openai.getAPIList<Product, CursorPage<Product>>("/v1/products", CursorPage, {
    query: { limit },
  })) {
    each(record.id);
    n++;
  }
  return n;
}

/** Every product through stripe-node's auto-pagination; returns the count. */
export async function stripeIterate(p: Peers, limit: number, each: (id: string) => void): Promise<number> {
  let n = 0;
  for await (const record of p.stripe.products.list({ limit })) {
    each(record.id);
    n++;
  }
  return n;
}
