import * as oldServer from "/tmp/lk/old/packages/server/dist/index.js";
import * as newServer from "@latchkey/server";
const url = process.env.DATABASE_URL!;
const PASSWORD = "purple-Elephant-42-dances";
const schemas: string[] = [];
async function setup(mod: typeof newServer, tag: string) {
  const schema = `lk_ab_${tag}_${Date.now()}`; schemas.push(schema);
  const instance = await mod.startInstance({ databaseUrl: url, schema, port: 0, webhookWorker: false, logger: mod.silentLogger, env: {} });
  const base = instance.publicUrl;
  const created = await instance.handler(new Request(`${base}/v1/users`, { method: "POST", headers: { Authorization: `Bearer ${instance.secretKey}`, "Content-Type": "application/json" }, body: JSON.stringify({ email_address: [`ab-${tag}@bench.example`], password: PASSWORD }) }));
  const userId = ((await created.json()) as { id: string }).id;
  const signIn = await instance.handler(new Request(`${base}/__clerk/v1/client/sign_ins`, { method: "POST", headers: { Origin: "http://localhost:3000", "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ identifier: `ab-${tag}@bench.example`, password: PASSWORD }) }));
  const sid = ((await signIn.json()) as { response: { created_session_id: string } }).response.created_session_id;
  const cookie = signIn.headers.getSetCookie().map((l) => l.split(";")[0]).join("; ");
  return {
    instance,
    renew: async () => { const r = await instance.handler(new Request(`${base}/__clerk/v1/client/sessions/${sid}/tokens`, { method: "POST", headers: { Origin: "http://localhost:3000", Cookie: cookie } })); await r.arrayBuffer(); if (r.status !== 200) throw new Error(String(r.status)); },
    getUser: async () => { const r = await instance.handler(new Request(`${base}/v1/users/${userId}`, { headers: { Authorization: `Bearer ${instance.secretKey}` } })); await r.arrayBuffer(); if (r.status !== 200) throw new Error(String(r.status)); },
  };
}
const cpu = async (n: number, f: () => Promise<void>) => { const s = process.cpuUsage(); for (let i = 0; i < n; i++) await f(); const u = process.cpuUsage(s); return (u.user + u.system) / n; };
const a = await setup(oldServer as unknown as typeof newServer, "old");
const b = await setup(newServer, "new");
const res: Record<string, number[]> = { oldRenew: [], newRenew: [], oldGet: [], newGet: [] };
for (let round = -1; round < 10; round++) {
  const flip = round % 2 === 0;
  const og = flip ? await cpu(1000, a.getUser) : 0; const ng = await cpu(1000, b.getUser); const og2 = flip ? og : await cpu(1000, a.getUser);
  const or = flip ? await cpu(500, a.renew) : 0; const nr = await cpu(500, b.renew); const or2 = flip ? or : await cpu(500, a.renew);
  if (round >= 0) { res.oldGet!.push(og2); res.newGet!.push(ng); res.oldRenew!.push(or2); res.newRenew!.push(nr); }
}
const med = (v: number[]) => [...v].sort((x, y) => x - y)[v.length >> 1]!.toFixed(0);
console.log("getUser old/new µs:", med(res.oldGet!), med(res.newGet!), " renewal old/new µs:", med(res.oldRenew!), med(res.newRenew!));
await a.instance.close(); await b.instance.close();
const db = await newServer.openDatabase({ databaseUrl: url });
for (const s of schemas) await db.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
await db.close();
