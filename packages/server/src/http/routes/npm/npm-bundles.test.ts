import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useTestInstance } from "../../../../test/test-instance.js";
import { findBundlePackage, nodePackageResolver } from "./bundle-package.js";

// The real packages, installed as optional dependencies of @latchkey/server.
const clerkJs = findBundlePackage("@clerk/clerk-js", nodePackageResolver);
const clerkUi = findBundlePackage("@clerk/ui", nodePackageResolver);

/** A GET with the path sent as written (no URL normalisation of `..`), over HTTP or in process. */
function rawGet(baseUrl: string, fetchPath: (path: string) => Promise<Response>, path: string) {
  if (baseUrl === "http://localhost")
    return fetchPath(path).then(async (r) => ({ status: r.status, body: await r.text() }));
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(`${baseUrl}/`, { path }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("Clerk's browser bundles under /npm", () => {
  const instance = useTestInstance();

  it("finds both installed packages (clerk-js exports no package.json)", () => {
    expect(clerkJs?.version).toMatch(/^6\./);
    expect(clerkUi?.version).toMatch(/^1\./);
  });

  it("serves clerk.browser.js and ui.browser.js at the root and under the Frontend API prefix", async () => {
    if (clerkJs === null || clerkUi === null) throw new Error("bundles not installed");
    const script = readFileSync(join(clerkJs.distDir, "clerk.browser.js"));
    for (const base of ["", "/__clerk"]) {
      const answer = await instance.fetch(`${base}/npm/@clerk/clerk-js@6/dist/clerk.browser.js`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toBe("application/javascript; charset=utf-8");
      expect(answer.headers.get("content-length")).toBe(String(script.length));
      expect(answer.headers.get("cache-control")).toBe(
        "public, max-age=300, stale-while-revalidate=60",
      );
      expect(answer.headers.get("access-control-allow-origin")).toBe("*");
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("etag")).toMatch(/^"[\w-]+"$/);
      expect(answer.headers.getSetCookie()).toEqual([]);
      expect(Buffer.from(await answer.arrayBuffer()).equals(script)).toBe(true);
    }
    const ui = await instance.fetch("/npm/@clerk/ui@1/dist/ui.browser.js");
    expect(ui.status).toBe(200);
    expect(Buffer.from(await ui.arrayBuffer())).toEqual(
      readFileSync(join(clerkUi.distDir, "ui.browser.js")),
    );
    const latest = await instance.fetch("/__clerk/npm/@clerk/ui@latest/dist/ui.browser.js");
    expect(latest.status).toBe(200);
    await latest.body?.cancel();
  });

  it("serves the chunks the script loads from its dist/ at the exact version, cached for good", async () => {
    if (clerkJs === null) throw new Error("bundles not installed");
    // The script rewrites its public path to `/npm/@clerk/clerk-js@<exact version>/dist/`.
    const script = readFileSync(join(clerkJs.distDir, "clerk.browser.js"), "utf8");
    expect(script).toContain(`$1${clerkJs.version}$3`);
    const chunk = (await readdir(clerkJs.distDir)).find((name) =>
      /_clerk\.browser_.*\.js$/.test(name),
    );
    expect(chunk).toBeDefined();
    const answer = await instance.fetch(
      `/__clerk/npm/@clerk/clerk-js@${clerkJs.version}/dist/${chunk}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await answer.text()).toBe(readFileSync(join(clerkJs.distDir, chunk ?? ""), "utf8"));
  });

  it("answers HEAD without a body and If-None-Match with 304", async () => {
    const path = "/npm/@clerk/clerk-js@6/dist/clerk.browser.js";
    const get = await instance.fetch(path);
    const etag = get.headers.get("etag") ?? "";
    await get.body?.cancel();
    const head = await instance.fetch(path, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(get.headers.get("content-length"));
    expect(head.headers.get("etag")).toBe(etag);
    expect(await head.text()).toBe("");
    const again = await instance.fetch(path, { headers: { "If-None-Match": `W/${etag}, "x"` } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    // The same file at another version is the same bytes: the same validator.
    const exact = await instance.fetch(path.replace("@6/", `@${clerkJs?.version}/`), {
      headers: { "If-None-Match": etag },
    });
    expect(exact.status).toBe(304);
    const post = await instance.fetch(path, { method: "POST" });
    expect(post.status).toBe(404);
  });

  it("answers another major or tag 404 with a coded error naming the version", async () => {
    for (const version of ["5", "7.0.0", "next"]) {
      const answer = await instance.fetch(`/npm/@clerk/clerk-js@${version}/dist/clerk.browser.js`);
      expect(answer.status, version).toBe(404);
      const body = await answer.json();
      expect(body.errors[0]).toMatchObject({
        code: "resource_not_found",
        meta: { param_name: "version" },
      });
      expect(body.errors[0].long_message).toContain(clerkJs?.version);
    }
  });

  it.each([
    "/npm/@clerk/clerk-js@6/dist/../package.json",
    "/npm/@clerk/clerk-js@6/dist/%2e%2e/package.json",
    "/npm/@clerk/clerk-js@6/dist/..%2fpackage.json",
    "/npm/@clerk/clerk-js@6/dist/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json",
    "/npm/@clerk/clerk-js@6/dist//etc/passwd",
    "/npm/@clerk/clerk-js@6/dist/%2Fetc%2Fpasswd",
    "/npm/@clerk/clerk-js@6/dist/clerk.browser.js%00.map",
    "/__clerk/npm/@clerk/clerk-js@6/dist/../../../../../../etc/passwd",
    "/npm/@clerk/clerk-js@6/dist/types/index.d.ts",
    "/npm/@clerk/clerk-js@6/dist/types",
    "/npm/@clerk/clerk-js@6/dist/missing.js",
    "/npm/@clerk/backend@3/dist/index.js",
  ])("answers %s 404, serving nothing outside dist/", async (path) => {
    const answer = await rawGet(instance.baseUrl, (p) => instance.fetch(p), path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('"name": "@clerk/clerk-js"');
    expect(answer.body).not.toContain("root:");
    expect(JSON.parse(answer.body).errors[0].code).toBe("resource_not_found");
  });
});

describe("Clerk's browser bundles when the optional packages are not installed", () => {
  const instance = useTestInstance({
    resolvePackage: (specifier) => {
      throw Object.assign(new Error(`Cannot find module '${specifier}'`), {
        code: "MODULE_NOT_FOUND",
      });
    },
  });

  it("answers 404 package_not_installed, naming the package", async () => {
    for (const path of [
      "/npm/@clerk/clerk-js@6/dist/clerk.browser.js",
      "/__clerk/npm/@clerk/ui@1/dist/ui.browser.js",
    ]) {
      const answer = await instance.fetch(path);
      expect(answer.status).toBe(404);
      const body = await answer.json();
      const name = path.includes("/ui@") ? "@clerk/ui" : "@clerk/clerk-js";
      expect(body.errors[0]).toMatchObject({
        code: "package_not_installed",
        meta: { package: name },
      });
      expect(body.errors[0].long_message).toContain(`${name} is not installed`);
    }
  });
});
