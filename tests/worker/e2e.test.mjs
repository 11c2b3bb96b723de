// End-to-end test of the example Worker (examples/worker) under `wrangler dev` (local workerd,
// local KV and Durable Objects) against the WeChat API emulator on loopback. Run through
// tests/worker/e2e.sh, which installs the tools and builds the Worker and the emulator first.
//
// Everything stays on 127.0.0.1. The message crypto of safe mode is written here again with
// Node's crypto, so the round trip also checks the Rust side against an independent implementation.

import { spawn } from "node:child_process";
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createSign, createVerify, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const example = join(root, "examples", "worker");
const wrangler = join(example, "node_modules", ".bin", "wrangler");
const emulatorBin = join(root, "target", "debug", "wechat-emulator");
const READY_TIMEOUT_MS = Number(process.env.WORKER_READY_TIMEOUT_MS ?? 240_000);

const APPID = "wx0000000000emu001"; // the emulator's demo app
const SECRET = "emulator-demo-app-secret";
const TOKEN = "e2eCallbackToken";
const AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
const ADMIN_KEY = "e2e-admin-key";
const CORPID = "ww0000000000emu001"; // the emulator's demo WeCom app
const CORPSECRET = "emulator-demo-corp-secret";
const AGENTID = "1000002";
// The emulator's demo WeChat Pay merchant and WeChat Pay public key (tests/emulator/keys: test keys).
const PAY_KEYS = join(root, "tests", "emulator", "keys");
const payKey = (name) => readFileSync(join(PAY_KEYS, name), "utf8");
const MCHID = "1900000109";
const MERCHANT_SERIAL = "5E1D8A0C3F7B2964A1B0C9D8E7F6A5B4C3D2E1F0";
const APIV3_KEY = "emulatorDemoApiV3Key0123456789ab";
const PUB_KEY_ID = "PUB_KEY_ID_0112345678901234567890";

const children = [];
let base; // the Worker
let emu; // the emulator
let devLog = "";
const persistDirs = [];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function start(cmd, args, opts) {
  const child = spawn(cmd, args, { detached: true, stdio: ["ignore", "pipe", "pipe"], ...opts });
  child.exitCode = null;
  child.on("exit", (code, signal) => (child.exitCode = code ?? signal));
  children.push(child);
  return child;
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, "SIGKILL"); } catch {}
      resolve();
    }, 10_000);
    child.once("exit", () => { clearTimeout(timer); resolve(); });
    try { process.kill(-child.pid, "SIGTERM"); } catch { clearTimeout(timer); resolve(); }
  });
}

async function waitFor(url, child, what) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${devLog}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} not ready after ${READY_TIMEOUT_MS} ms:\n${devLog}`);
}

async function control(path, body) {
  const res = await fetch(`${emu}/__emulator/${path}`, body === undefined
    ? {}
    : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return res.json();
}

async function tokenFetches() {
  const stats = await control("stats?requests=0");
  return Object.values(stats.token_fetches[APPID] ?? {}).reduce((a, b) => a + b, 0);
}

// ----- the message crypto of safe mode, independently -------------------------------------------

const sha1 = (...parts) => createHash("sha1").update(parts.sort().join("")).digest("hex");
const aesKey = Buffer.from(AES_KEY + "=", "base64");

function encrypt(message, receiverId) {
  const msg = Buffer.from(message);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  let plain = Buffer.concat([randomBytes(16), len, msg, Buffer.from(receiverId)]);
  const pad = 32 - (plain.length % 32);
  plain = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
  const cipher = createCipheriv("aes-256-cbc", aesKey, aesKey.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString("base64");
}

function decrypt(b64) {
  const decipher = createDecipheriv("aes-256-cbc", aesKey, aesKey.subarray(0, 16)).setAutoPadding(false);
  let plain = Buffer.concat([decipher.update(Buffer.from(b64, "base64")), decipher.final()]);
  const pad = plain[plain.length - 1];
  assert.ok(pad >= 1 && pad <= 32, `padding ${pad}`);
  plain = plain.subarray(0, plain.length - pad);
  const len = plain.readUInt32BE(16);
  return {
    message: plain.subarray(20, 20 + len).toString(),
    receiverId: plain.subarray(20 + len).toString(),
  };
}

const field = (xml, name) => {
  const m = xml.match(new RegExp(`<${name}>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</${name}>`));
  return m ? m[1] : undefined;
};

// Every message its own MsgId: the Worker handles each push once, by MsgId for user messages.
let lastMsgId = BigInt(Date.now()) * 1000n;
function textMessage(content, msgId = String(++lastMsgId)) {
  return `<xml><ToUserName><![CDATA[gh_e2e]]></ToUserName><FromUserName><![CDATA[oUser1]]></FromUserName>` +
    `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
    `<Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId></xml>`;
}

function signedQuery(extra = {}, timestamp = String(Math.floor(Date.now() / 1000))) {
  const nonce = randomBytes(6).toString("hex");
  return new URLSearchParams({ signature: sha1(TOKEN, timestamp, nonce), timestamp, nonce, openid: "oUser1", ...extra });
}

async function admin(headers = { authorization: `Bearer ${ADMIN_KEY}` }) {
  const res = await fetch(`${base}/api/ip`, { headers });
  return { status: res.status, body: await res.text() };
}

// ----- set-up ------------------------------------------------------------------------------------

/// Starts the example Worker under `wrangler dev` with these vars (fresh KV and Durable Objects);
/// resolves to its base URL once it answers.
async function startWorker(vars) {
  const port = await freePort();
  const inspectorPort = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "wechat-worker-e2e-"));
  persistDirs.push(dir);
  const dev = start(wrangler, [
    "dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspectorPort),
    "--persist-to", dir, "--show-interactive-dev-session=false",
    ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
  ], {
    cwd: example,
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_COLOR: "1" },
  });
  dev.stdout.on("data", (d) => (devLog += d));
  dev.stderr.on("data", (d) => (devLog += d));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/health`, dev, "wrangler dev");
  return url;
}

before(async () => {
  assert.ok(existsSync(wrangler), `${wrangler} is missing: run scripts/install-worker-tools.sh`);
  assert.ok(existsSync(emulatorBin), `${emulatorBin} is missing: cargo build -p wechat-emulator`);

  const emuPort = await freePort();
  emu = `http://127.0.0.1:${emuPort}`;
  const emuChild = start(emulatorBin, ["--port", String(emuPort)], {});
  emuChild.stderr.on("data", (d) => (devLog += d));
  await waitFor(`${emu}/__emulator/health`, emuChild, "the emulator");

  base = await startWorker({
    WECHAT_APPID: APPID, WECHAT_SECRET: SECRET, WECHAT_TOKEN: TOKEN, WECHAT_ENCODING_AES_KEY: AES_KEY,
    ADMIN_KEY, WECHAT_API_BASE: emu,
    WECHAT_PAY_MCHID: MCHID, WECHAT_PAY_SERIAL: MERCHANT_SERIAL, // The merchant key as PKCS#1 (`RSA PRIVATE KEY`): the Worker wraps it into PKCS#8 for Web Crypto.
    WECHAT_PAY_PRIVATE_KEY: createPrivateKey(payKey("merchant_key.pem")).export({ type: "pkcs1", format: "pem" }),
    WECHAT_PAY_APIV3_KEY: APIV3_KEY, WECHAT_PAY_PUBLIC_KEY: payKey("wechatpay_pubkey.pem"),
    WECHAT_PAY_PUBLIC_KEY_ID: PUB_KEY_ID,
  });
  await control("stats/reset", {});
});

after(async () => {
  await Promise.all(children.map(stop));
  for (const dir of persistDirs) rmSync(dir, { recursive: true, force: true });
  if (process.env.WORKER_E2E_LOG) console.log(devLog);
});

// ----- the admin API and the token authority (first: they count token fetches from zero) ------------------------------------------------------

test("/api/ip needs the admin key", async () => {
  assert.equal((await admin({})).status, 401);
  assert.equal((await admin({ authorization: "Bearer wrong" })).status, 401);
});

test("50 concurrent admin calls cause exactly one token fetch", async () => {
  assert.equal(await tokenFetches(), 0);
  const answers = await Promise.all(Array.from({ length: 50 }, () => admin()));
  for (const a of answers) {
    assert.equal(a.status, 200, a.body);
    assert.ok(Array.isArray(JSON.parse(a.body).ip_list), a.body);
  }
  assert.equal(await tokenFetches(), 1);
  const stats = await control("stats?requests=0");
  assert.equal(stats.calls["/cgi-bin/get_api_domain_ip"], 50);
});

test("a rejected token is replaced once and the call recovers", async () => {
  const r = await control("tokens/reject", { account: APPID, kind: "stable" });
  assert.equal(r.rejected, true);
  const a = await admin();
  assert.equal(a.status, 200, a.body);
  assert.equal(await tokenFetches(), 2);
  // And the new token is shared: more calls, no more fetches.
  for (const b of await Promise.all(Array.from({ length: 10 }, () => admin()))) assert.equal(b.status, 200);
  assert.equal(await tokenFetches(), 2);
});

test("the emulator's faults give clear errors, and the Worker keeps serving", async () => {
  const path = "/cgi-bin/get_api_domain_ip";
  // -1 once: retried, then fine.
  await control("faults", { kind: "system_busy", path, times: 1 });
  assert.equal((await admin()).status, 200);
  // HTTP 503 every time: bounded retries, then 502 from the Worker.
  await control("faults", { kind: "http_status", status: 503, path, times: 10 });
  let a = await admin();
  assert.equal(a.status, 502, a.body);
  assert.match(JSON.parse(a.body).error, /503/);
  await control("faults/clear", {});
  // Malformed JSON: a decode error, not a crash.
  await control("faults", { kind: "malformed_json", path, times: 1 });
  a = await admin();
  assert.equal(a.status, 502, a.body);
  // Daily quota: reported, not retried.
  const before = (await control("stats?requests=0")).calls[path];
  await control("faults", { kind: "quota_exceeded", path });
  a = await admin();
  assert.equal(a.status, 502, a.body);
  assert.equal(JSON.parse(a.body).errcode, 45009);
  assert.equal((await control("stats?requests=0")).calls[path], before + 1);
  await control("faults/clear", {});
  // Token endpoint down while the token is rejected: an error, then recovery.
  await control("tokens/reject", { account: APPID, kind: "stable" });
  await control("faults", { kind: "http_status", status: 500, path: "/cgi-bin/stable_token", times: 5 });
  a = await admin();
  assert.equal(a.status, 502, a.body);
  assert.ok(!a.body.includes(SECRET), "no secret in errors");
  await control("faults/clear", {});
  assert.equal((await admin()).status, 200);
  assert.equal((await fetch(`${base}/health`)).status, 200);
});

// ----- the callback ------------------------------------------------------------------------------

test("URL verification echoes echostr after the signature check, and refuses a bad signature", async () => {
  const q = signedQuery({ echostr: "8392717163550118" });
  const ok = await fetch(`${base}/?${q}`);
  assert.equal(ok.status, 200);
  assert.equal(await ok.text(), "8392717163550118");

  q.set("signature", "0".repeat(40));
  const bad = await fetch(`${base}/?${q}`);
  assert.ok(bad.status >= 400 && bad.status < 500, `status ${bad.status}`);
  assert.ok(!(await bad.text()).includes("8392717163550118"));
});

test("a plain text message gets a text reply quoting it", async () => {
  const res = await fetch(`${base}/?${signedQuery()}`, { method: "POST", body: textMessage("hello plain") });
  const xml = await res.text();
  assert.equal(res.status, 200, xml);
  assert.equal(field(xml, "MsgType"), "text");
  assert.equal(field(xml, "Content"), "You said: hello plain");
  assert.equal(field(xml, "ToUserName"), "oUser1");
  assert.equal(field(xml, "FromUserName"), "gh_e2e");
});

test("an encrypted message gets an encrypted, signed reply", async () => {
  const encrypted = encrypt(textMessage("hello safe 你好"), APPID);
  const q = signedQuery({ encrypt_type: "aes" });
  q.set("msg_signature", sha1(TOKEN, q.get("timestamp"), q.get("nonce"), encrypted));
  const body = `<xml><ToUserName><![CDATA[gh_e2e]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
  const res = await fetch(`${base}/?${q}`, { method: "POST", body });
  const xml = await res.text();
  assert.equal(res.status, 200, xml);
  const enc = field(xml, "Encrypt");
  assert.ok(enc, xml);
  assert.equal(field(xml, "MsgSignature"), sha1(TOKEN, field(xml, "TimeStamp"), field(xml, "Nonce"), enc));
  assert.equal(field(xml, "TimeStamp"), q.get("timestamp"));
  assert.equal(field(xml, "Nonce"), q.get("nonce"));
  const { message, receiverId } = decrypt(enc);
  assert.equal(receiverId, APPID);
  assert.equal(field(message, "Content"), "You said: hello safe 你好");

  // A tampered body is refused.
  q.set("msg_signature", "1".repeat(40));
  const bad = await fetch(`${base}/?${q}`, { method: "POST", body });
  assert.ok(bad.status >= 400 && bad.status < 500, `status ${bad.status}`);
  await bad.arrayBuffer();
});

test("a subscribe event gets a welcome", async () => {
  const xml = `<xml><ToUserName><![CDATA[gh_e2e]]></ToUserName><FromUserName><![CDATA[oUser2]]></FromUserName>` +
    `<CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>`;
  const res = await fetch(`${base}/?${signedQuery()}`, { method: "POST", body: xml });
  const reply = await res.text();
  assert.equal(res.status, 200, reply);
  assert.match(field(reply, "Content"), /Welcome/);
});

test("a replayed push outside the timestamp window is refused with the reason; other methods get 405", async () => {
  const res = await fetch(`${base}/?${signedQuery({}, "1")}`, { method: "POST", body: textMessage("from 1970") });
  const text = await res.text();
  assert.equal(res.status, 403, text);
  assert.match(text, /timestamp 1 is more than 300 s away/);
  for (const method of ["PUT", "DELETE", "PATCH"]) {
    const other = await fetch(`${base}/`, { method });
    assert.equal(other.status, 405, method);
    assert.equal(other.headers.get("allow"), "GET, POST");
    await other.arrayBuffer();
  }
});

test("a push retried while the Worker is still working is handled once", async (t) => {
  const path = "/cgi-bin/message/custom/send";
  await new Promise((r) => setTimeout(r, 500)); // earlier pushes' follow-ups have finished
  const calls = async () => (await control("stats?requests=0")).calls[path] ?? 0;
  const before = await calls();
  // The follow-up (a customer service message) takes 2 s: the retries arrive while it runs.
  await control("faults", { kind: "delay", ms: 2000, path, times: 1 });
  const message = textMessage("only once");
  const deliver = async (i) => {
    const encrypted = encrypt(message, APPID); // new random bytes every time
    const q = signedQuery({ encrypt_type: "aes" }, String(Math.floor(Date.now() / 1000) + i));
    q.set("msg_signature", sha1(TOKEN, q.get("timestamp"), q.get("nonce"), encrypted));
    const res = await fetch(`${base}/?${q}`, {
      method: "POST",
      body: `<xml><ToUserName><![CDATA[gh_e2e]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`,
    });
    return { status: res.status, body: await res.text() };
  };
  const start = performance.now();
  const first = await deliver(0);
  const answered = performance.now() - start;
  assert.equal(first.status, 200, first.body);
  assert.equal(field(decrypt(field(first.body, "Encrypt")).message, "Content"), "You said: only once");
  assert.ok(answered < 1500, `answered after ${answered} ms, before the slow work ended`);
  t.diagnostic(`first copy answered in ${answered.toFixed(1)} ms while its 2 s follow-up ran`);
  for (let i = 1; i <= 3; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const retry = await deliver(i);
    assert.equal(retry.status, 200, retry.body);
    assert.equal(retry.body, "success");
  }
  const deadline = Date.now() + 10_000;
  while ((await calls()) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal((await calls()) - before, 1);
  // After the work: still handled once.
  assert.equal((await deliver(4)).body, "success");
});

test("latency under wrangler dev", async (t) => {
  const measure = async (name, call) => {
    const samples = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      const res = await call();
      assert.equal(res.status, 200);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const q = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))].toFixed(1);
    t.diagnostic(`${name}: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms over 30 calls`);
  };
  await measure("GET /api/ip (KV token hit + emulator call)", () => admin());
  await measure("POST / encrypted text (verify, decrypt, reply, encrypt)", async () => {
    const encrypted = encrypt(textMessage("latency"), APPID);
    const q = signedQuery({ encrypt_type: "aes" });
    q.set("msg_signature", sha1(TOKEN, q.get("timestamp"), q.get("nonce"), encrypted));
    const res = await fetch(`${base}/?${q}`, {
      method: "POST",
      body: `<xml><ToUserName><![CDATA[gh_e2e]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`,
    });
    await res.arrayBuffer();
    return res;
  });
});

// ----- WeChat Pay v3 ------------------------------------------------------------------------------

/// A payment notification as WeChat Pay sends it, made here with Node's crypto: the resource
/// encrypted with the APIv3 key, the body signed by `signingKey` under `PUB_KEY_ID`.
function payNotification(outTradeNo, signingKey) {
  const nonce = randomBytes(6).toString("hex");
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(APIV3_KEY), Buffer.from(nonce));
  cipher.setAAD(Buffer.from("transaction"));
  const resource = JSON.stringify({ mchid: MCHID, appid: APPID, out_trade_no: outTradeNo, transaction_id: "4200000000000000001",
    trade_type: "JSAPI", trade_state: "SUCCESS", trade_state_desc: "支付成功", amount: { total: 100000, currency: "CNY" } });
  const ciphertext = Buffer.concat([cipher.update(resource), cipher.final(), cipher.getAuthTag()]).toString("base64");
  const body = JSON.stringify({ id: `EV-${nonce}`, create_time: new Date().toISOString(), resource_type: "encrypt-resource",
    event_type: "TRANSACTION.SUCCESS", summary: "支付成功",
    resource: { original_type: "transaction", algorithm: "AEAD_AES_256_GCM", ciphertext, associated_data: "transaction", nonce } });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signNonce = randomBytes(16).toString("hex");
  const signature = createSign("RSA-SHA256").update(`${timestamp}\n${signNonce}\n${body}\n`).sign(signingKey, "base64");
  const headers = { "content-type": "application/json", "wechatpay-serial": PUB_KEY_ID, "wechatpay-timestamp": timestamp,
    "wechatpay-nonce": signNonce, "wechatpay-signature": signature };
  return { body, headers };
}

test("WeChat Pay: an order signed on Web Crypto, its payment notification verified, decrypted, recorded; forgeries refused", async () => {
  const auth = { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" };
  const paid = async (no) => {
    const res = await fetch(`${base}/pay/orders/${no}`, { headers: auth });
    return { status: res.status, body: await res.text() };
  };
  await control("pay/signing_key", { key: "public_key" });
  try {
    // The Worker places the order: its request signed with the merchant key, the answer verified.
    const outTradeNo = `E2E${Date.now()}`;
    const res = await fetch(`${base}/pay/orders`, { method: "POST", headers: auth,
      body: JSON.stringify({ out_trade_no: outTradeNo, description: "e2e", total: 1, openid: "oUser1" }) });
    const text = await res.text();
    assert.equal(res.status, 200, text);
    const { prepay_id: prepayId, pay_params: p } = JSON.parse(text);
    assert.equal(p.package, `prepay_id=${prepayId}`);
    assert.ok(createVerify("RSA-SHA256").update(`${p.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`)
      .verify(payKey("merchant_public.pem"), p.paySign, "base64"), "paySign verifies with Node's crypto");
    assert.equal((await paid(outTradeNo)).status, 404);

    // The emulator pays it and pushes the notification to the order's notify_url: the Worker.
    const pushed = await control("pay/orders/pay", { out_trade_no: outTradeNo });
    assert.equal(pushed.status, 204, JSON.stringify(pushed));
    const record = await paid(outTradeNo);
    assert.equal(record.status, 200, record.body);
    const t = JSON.parse(record.body);
    assert.equal(t.trade_state, "SUCCESS");
    assert.equal(t.transaction_id, pushed.resource.transaction_id);
    assert.equal(t.total, 1);
    assert.equal(t.out_trade_no, outTradeNo);

    // Forgeries: a body changed after signing, and a body signed by another key. Nothing recorded.
    const forged = `FORGED${Date.now()}`;
    const n = payNotification(forged, payKey("wechatpay_pubkey_private.pem"));
    const tampered = n.body.replace("支付成功", "支付成功!");
    const wrongKey = payNotification(forged, payKey("merchant_key.pem"));
    for (const [what, body, headers] of [["tampered", tampered, n.headers], ["wrong key", wrongKey.body, wrongKey.headers]]) {
      const r = await fetch(`${base}/pay/notify`, { method: "POST", headers, body });
      const answer = await r.text();
      assert.equal(r.status, 500, `${what}: ${answer}`);
      assert.equal(JSON.parse(answer).code, "FAIL");
      assert.match(JSON.parse(answer).message, /signature does not verify/);
    }
    assert.equal((await paid(forged)).status, 404);
  } finally {
    await control("pay/signing_key", { key: "certificate" });
  }
});

// ----- WeCom mode --------------------------------------------------------------------------------

describe("WeCom mode (WECHAT_PLATFORM=work)", () => {
  let work;
  before(async () => {
    work = await startWorker({
      WECHAT_PLATFORM: "work", WECHAT_CORPID: CORPID, WECHAT_CORPSECRET: CORPSECRET, WECHAT_AGENTID: AGENTID,
      WECHAT_TOKEN: TOKEN, WECHAT_ENCODING_AES_KEY: AES_KEY, ADMIN_KEY, WECHAT_API_BASE: emu,
    });
  });

  const wecomQuery = (encrypted) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(6).toString("hex");
    return new URLSearchParams({ msg_signature: sha1(TOKEN, timestamp, nonce, encrypted), timestamp, nonce });
  };
  const corpFetches = async () =>
    (await control("stats?requests=0")).token_fetches[`${CORPID}/${AGENTID}`]?.corp ?? 0;

  test("URL verification decrypts echostr; a bad signature is refused", async () => {
    const echostr = encrypt("1616140317555161061", CORPID);
    const q = wecomQuery(echostr);
    q.set("echostr", echostr);
    const ok = await fetch(`${work}/?${q}`);
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), "1616140317555161061");
    q.set("msg_signature", "0".repeat(40));
    const bad = await fetch(`${work}/?${q}`);
    assert.ok(bad.status >= 400 && bad.status < 500, `status ${bad.status}`);
    assert.ok(!(await bad.text()).includes("1616140317555161061"));
  });

  test("an encrypted text message gets an encrypted reply, then an app message through the corp token", async () => {
    const path = "/cgi-bin/message/send";
    const calls = async () => (await control("stats?requests=0")).calls[path] ?? 0;
    const before = await calls();
    const message = `<xml><ToUserName><![CDATA[${CORPID}]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName>` +
      `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
      `<Content><![CDATA[hello wecom 你好]]></Content><MsgId>${++lastMsgId}</MsgId><AgentID>${AGENTID}</AgentID></xml>`;
    const encrypted = encrypt(message, CORPID);
    const q = wecomQuery(encrypted);
    const body = `<xml><ToUserName><![CDATA[${CORPID}]]></ToUserName><AgentID><![CDATA[${AGENTID}]]></AgentID>` +
      `<Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
    const res = await fetch(`${work}/?${q}`, { method: "POST", body });
    const xml = await res.text();
    assert.equal(res.status, 200, xml);
    const enc = field(xml, "Encrypt");
    assert.equal(field(xml, "MsgSignature"), sha1(TOKEN, field(xml, "TimeStamp"), field(xml, "Nonce"), enc));
    const { message: reply, receiverId } = decrypt(enc);
    assert.equal(receiverId, CORPID);
    assert.equal(field(reply, "Content"), "You said: hello wecom 你好");
    assert.equal(field(reply, "ToUserName"), "zhangsan");

    const deadline = Date.now() + 10_000;
    while ((await calls()) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal((await calls()) - before, 1, "one app message sent after the answer");
    assert.equal(await corpFetches(), 1);
  });

  test("the admin route sends an app message through the cached corp token", async () => {
    const send = (headers, body) => fetch(`${work}/api/message`, { method: "POST", headers, body });
    const auth = { authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" };
    assert.equal((await send({}, "{}")).status, 401);
    assert.equal((await send(auth, "not json")).status, 400);
    const answers = await Promise.all(Array.from({ length: 10 }, () =>
      send(auth, JSON.stringify({ touser: "zhangsan", content: "from the admin route" }))));
    for (const a of answers) {
      const text = await a.text();
      assert.equal(a.status, 200, text);
      assert.ok("msgid" in JSON.parse(text), text);
    }
    assert.equal(await corpFetches(), 1, "the corp token is fetched once and shared");
    const ip = await fetch(`${work}/api/ip`, { headers: auth });
    assert.equal(ip.status, 404);
    await ip.arrayBuffer();
  });
});
