// End-to-end test of the example Worker under `wrangler dev` (local workerd,
// local KV and Durable Objects). Run through tests/worker/e2e.sh, which
// installs the tools and builds first; run alone, wrangler builds it through
// the `[build]` command.
//
// Everything stays on loopback: the Worker listens on 127.0.0.1, and the
// upstream its fetch client calls is a server in this process on 127.0.0.1.

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const example = join(root, "examples", "worker");
const wrangler = join(example, "node_modules", ".bin", "wrangler");
const READY_TIMEOUT_MS = Number(process.env.WORKER_READY_TIMEOUT_MS ?? 240_000);

let dev; // the wrangler dev child, leader of its own process group
let devLog = "";
let devExit = null;
let base; // http://127.0.0.1:PORT of the Worker
let upstream; // loopback server the Worker's fetch client talks to
let persistDir;

const seen = []; // requests the upstream received
let upstreamMode = "echo";

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

function startUpstream() {
  const srv = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      seen.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      if (upstreamMode === "redirect") {
        res.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" });
        res.end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ echo: Buffer.concat(chunks).toString("utf8") }));
    });
  });
  return new Promise((resolve) => srv.listen(0, "127.0.0.1", () => resolve(srv)));
}

function stopDev() {
  if (!dev || devExit !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-dev.pid, "SIGKILL");
      } catch {}
      resolve();
    }, 10_000);
    dev.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      // The whole group: npx/wrangler, its node child and workerd.
      process.kill(-dev.pid, "SIGTERM");
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

async function waitReady() {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (devExit !== null) {
      throw new Error(`wrangler dev exited (${devExit}) before it was ready:\n${devLog}`);
    }
    try {
      const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`wrangler dev not ready after ${READY_TIMEOUT_MS} ms:\n${devLog}`);
}

before(async () => {
  assert.ok(existsSync(wrangler), `${wrangler} is missing: run scripts/install-worker-tools.sh`);
  upstream = await startUpstream();
  const upstreamUrl = `http://127.0.0.1:${upstream.address().port}`;
  const port = await freePort();
  const inspectorPort = await freePort();
  base = `http://127.0.0.1:${port}`;
  // Fresh local KV and Durable Object storage for every run.
  persistDir = mkdtempSync(join(tmpdir(), "wechat-worker-e2e-"));

  dev = spawn(
    wrangler,
    [
      "dev",
      "--ip", "127.0.0.1",
      "--port", String(port),
      "--inspector-port", String(inspectorPort),
      "--persist-to", persistDir,
      "--var", `DEMO_UPSTREAM:${upstreamUrl}`,
      "--show-interactive-dev-session=false",
    ],
    {
      cwd: example,
      detached: true, // own process group, so teardown reaches workerd too
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        CI: "true",
        WRANGLER_SEND_METRICS: "false",
        // No request for workers.cloudflare.com/cf.json: there is no network.
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
        NO_COLOR: "1",
      },
    },
  );
  dev.stdout.on("data", (d) => (devLog += d));
  dev.stderr.on("data", (d) => (devLog += d));
  dev.on("exit", (code, signal) => (devExit = code ?? signal));
  await waitReady();
});

after(async () => {
  await stopDev();
  upstream?.close();
  if (persistDir) rmSync(persistDir, { recursive: true, force: true });
  if (process.env.WORKER_E2E_LOG) console.log(devLog);
});

test("GET /health answers 200 ok", async () => {
  const res = await fetch(`${base}/health`);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), "ok");
});

test("unknown routes are 404", async () => {
  const res = await fetch(`${base}/nope`);
  assert.equal(res.status, 404);
  await res.arrayBuffer();
});

test("the Durable Object counts calls and KV stores them (TTL 1 s clamped to 60 s)", async () => {
  const first = await (await fetch(`${base}/demo/authority`, { method: "POST" })).json();
  const second = await (await fetch(`${base}/demo/authority`, { method: "POST" })).json();

  assert.equal(first.calls, 1, JSON.stringify(first));
  assert.equal(second.calls, 2, JSON.stringify(second));
  // KV rejects expirationTtl < 60: reading the value back shows the clamp worked.
  assert.equal(first.kv, "1");
  assert.equal(second.kv, "2");
  // Clock: Date.now() in the Worker, Unix milliseconds.
  for (const r of [first, second]) {
    assert.ok(Math.abs(r.now_ms - Date.now()) < 5 * 60_000, `now_ms ${r.now_ms}`);
    assert.match(r.random, /^[0-9a-f]{32}$/);
  }
  // Web Crypto randomness.
  assert.notEqual(first.random, second.random);
});

test("the fetch client sends method, headers and body, and returns the response", async () => {
  upstreamMode = "echo";
  seen.length = 0;
  const res = await fetch(`${base}/demo/fetch`);
  const body = await res.json();
  assert.equal(res.status, 200, JSON.stringify(body));
  assert.equal(body.status, 200);
  assert.equal(body.content_type, "application/json");
  assert.deepEqual(JSON.parse(body.body), { echo: "ping" });

  assert.equal(seen.length, 1);
  assert.equal(seen[0].method, "POST");
  assert.equal(seen[0].url, "/echo");
  assert.equal(seen[0].headers["x-demo"], "wechat-worker");
  assert.equal(seen[0].headers["content-type"], "text/plain");
  assert.equal(seen[0].body, "ping");
});

test("the fetch client does not follow redirects", async () => {
  upstreamMode = "redirect";
  seen.length = 0;
  try {
    const body = await (await fetch(`${base}/demo/fetch`)).json();
    assert.equal(body.status, 302, JSON.stringify(body));
    assert.equal(seen.length, 1);
  } finally {
    upstreamMode = "echo";
  }
});

test("latency under wrangler dev", async (t) => {
  const samples = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    const res = await fetch(`${base}/demo/authority`, { method: "POST" });
    assert.equal(res.status, 200);
    await res.arrayBuffer();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const ms = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1);
  t.diagnostic(`POST /demo/authority (DO + KV write + KV read) over 20 calls: p50 ${ms(0.5)} ms, p95 ${ms(0.95)} ms`);
});
