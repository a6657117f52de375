import { describe, expect, it } from "vitest";
import { TEST_SECRET_KEY, useTestInstance } from "../../../../test/test-instance.js";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
const GIF = new Uint8Array([...new TextEncoder().encode("GIF89a"), 1, 0, 1, 0]);

for (const overHttp of [false, true]) {
  describe(`profile images ${overHttp ? "over HTTP" : "in process"}`, () => {
    const instance = useTestInstance({ overHttp });

    const upload = (userId: string, bytes: Uint8Array, name = "avatar.png", type = "image/png") => {
      const form = new FormData();
      form.set("file", new Blob([new Uint8Array(bytes)], { type }), name);
      return instance.fetch(`/v1/users/${userId}/profile_image`, {
        method: "POST",
        headers: { Authorization: `Bearer ${TEST_SECRET_KEY}` },
        body: form,
      });
    };

    async function newUser(): Promise<{ id: string; image_url: string }> {
      return (await instance.call("POST", "/v1/users", { body: {} })).body;
    }

    it("stores the uploaded bytes and serves them at image_url with their type", async () => {
      const user = await newUser();
      const response = await upload(user.id, PNG);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json");
      const body = await response.json();
      expect(body.has_image).toBe(true);
      expect(body.image_url).toMatch(new RegExp(`^${instance.baseUrl}/v1/images/img_`));
      expect(body.profile_image_url).toBe(body.image_url);
      const image = await fetchPath(body.image_url);
      expect(image.status).toBe(200);
      expect(image.headers.get("content-type")).toBe("image/png");
      expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);

      const replaced = await (await upload(user.id, GIF, "a.gif", "image/gif")).json();
      expect(replaced.image_url).not.toBe(body.image_url);
      expect((await fetchPath(body.image_url)).status).toBe(404);
      expect((await fetchPath(replaced.image_url)).headers.get("content-type")).toBe("image/gif");

      const removed = await instance.call("DELETE", `/v1/users/${user.id}/profile_image`);
      expect(removed.body).toMatchObject({ has_image: false });
      expect(removed.body.image_url).toMatch(/\/v1\/images\/default$/);
      expect((await fetchPath(replaced.image_url)).status).toBe(404);
    });

    it("serves a placeholder avatar for users without an image", async () => {
      const user = await newUser();
      const avatar = await fetchPath(user.image_url);
      expect(avatar.status).toBe(200);
      expect(avatar.headers.get("content-type")).toBe("image/svg+xml");
      expect(await avatar.text()).toContain("<svg");
    });

    it("rejects non-images (by content, not by claimed type), a missing file and a wrong key", async () => {
      const user = await newUser();
      const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
      const fake = await upload(user.id, html, "x.png", "image/png");
      expect(fake.status).toBe(422);
      expect((await fake.json()).errors[0]).toMatchObject({
        code: "form_param_format_invalid",
        meta: { param_name: "file" },
      });
      const empty = await instance.fetch(`/v1/users/${user.id}/profile_image`, {
        method: "POST",
        headers: { Authorization: `Bearer ${TEST_SECRET_KEY}` },
        body: new FormData(),
      });
      expect((await empty.json()).errors[0].code).toBe("form_param_missing");
      const form = new FormData();
      form.set("file", new Blob([PNG], { type: "image/png" }), "a.png");
      const unauthorised = await instance.fetch(`/v1/users/${user.id}/profile_image`, {
        method: "POST",
        body: form,
      });
      expect(unauthorised.status).toBe(401);
      expect((await instance.call("GET", `/v1/users/${user.id}`)).body.has_image).toBe(false);
      const missing = await upload("user_missing", PNG);
      expect(missing.status).toBe(404);
    });

    function fetchPath(url: string): Promise<Response> {
      return instance.fetch(new URL(url).pathname);
    }
  });
}
