import { readFileSync } from "node:fs";
const spec = JSON.parse(readFileSync("../shared/reference/mpt-openapi-4.0.2162.json","utf8"));
const want = process.argv.slice(2);
for (const [path, item] of Object.entries(spec.paths)) for (const [m, op] of Object.entries(item)) {
  if (!want.some(w => path.includes(w))) continue;
  const resp = Object.fromEntries(Object.entries(op.responses||{}).map(([s,r])=>[s, r.content? Object.fromEntries(Object.entries(r.content).map(([ct,c])=>[ct, JSON.stringify(c.schema).slice(0,200)])) : (r.description||"").slice(0,60)]));
  const body = op.requestBody? Object.fromEntries(Object.entries(op.requestBody.content||{}).map(([ct,c])=>[ct, JSON.stringify(c.schema).slice(0,200)])):null;
  console.log(m.toUpperCase(), path, op.operationId, "|", (op.summary||"").slice(0,80), "\n  params:", JSON.stringify((op.parameters||[]).map(p=>p.name||p.$ref)), "\n  body:", JSON.stringify(body), "\n  resp:", JSON.stringify(resp));
}
