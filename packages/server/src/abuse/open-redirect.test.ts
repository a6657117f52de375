/**
 * Abuse: open redirects. Every `redirect_url` / `action_complete_redirect_url` the Frontend API
 * takes must stay on an allowed origin, judged the way a browser resolves it against the app's
 * page (tabs and newlines dropped, backslashes read as slashes, leading blanks trimmed).
 */
import { describe, expect, it } from "vitest";
import { useTestInstance } from "../../test/test-instance.js";

/** Values a browser would follow off the app (allowed: `http://localhost:3000`). */
const FOREIGN = [
  "https://evil.example/after",
  "//evil.example/after",
  "/\\evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  " //evil.example",
  "\t//evil.example",
  "javascript:alert(document.cookie)",
  "JavaScript:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "https://localhost:3000.evil.example/",
  "http://localhost:3000.evil.example/",
  "http://localhost:3000@evil.example/",
  "http://evil.example\\@localhost:3000/",
  "http://localhost:3001/",
  "https://localhost:3000/",
  "http://127.0.0.1:3000/",
  "http:evil.example",
  "ftp://evil.example/",
];

/** Values that stay on the app. */
const SAME_ORIGIN = [
  "http://localhost:3000/dashboard",
  "HTTP://LOCALHOST:3000/x?y=1#z",
  "/dashboard",
  "/sign-in#/factor-one",
];

const FIELDS = ["redirect_url", "action_complete_redirect_url"] as const;
const ROUTES = ["/v1/client/sign_ins", "/v1/client/sign_ups"] as const;

describe("abuse: open redirects through the Frontend API", () => {
  const instance = useTestInstance();

  it.each(ROUTES)(
    "%s refuses every foreign redirect target with redirect_url_invalid",
    async (path) => {
      for (const field of FIELDS) {
        for (const target of FOREIGN) {
          const browser = instance.browser();
          const answer = await browser.call("POST", path, { form: { [field]: target } });
          const context = `${path} ${field}=${JSON.stringify(target)}`;
          expect(answer.status, context).toBe(422);
          expect(answer.body.errors[0], context).toMatchObject({
            code: "redirect_url_invalid",
            meta: { param_name: field },
          });
          // Refused before anything was made: the browser got no client.
          expect(browser.cookies.has("__client"), context).toBe(false);
        }
      }
    },
  );

  it("refuses a foreign target in PATCH /v1/client/sign_ups/{id} too", async () => {
    const browser = instance.browser();
    const created = await browser.call("POST", "/v1/client/sign_ups", {
      form: { email_address: "redirect@example.com" },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    for (const target of FOREIGN) {
      const answer = await browser.call(
        "PATCH",
        `/v1/client/sign_ups/${created.body.response.id}`,
        {
          form: { redirect_url: target },
        },
      );
      expect(answer.status, JSON.stringify(target)).toBe(422);
      expect(answer.body.errors[0].code).toBe("redirect_url_invalid");
    }
  });

  it("accepts targets on the app's own origin", async () => {
    for (const target of SAME_ORIGIN) {
      const answer = await instance.browser().call("POST", "/v1/client/sign_ins", {
        form: { redirect_url: target },
      });
      expect(answer.status, `${JSON.stringify(target)}: ${JSON.stringify(answer.body)}`).toBe(200);
    }
  });
});
