import { describe, expect, it } from "vitest";
import { renderTemplateClaims } from "./render-template-claims.js";

const data = {
  user: {
    id: "user_1",
    first_name: "Ada",
    last_name: null,
    public_metadata: { role: "admin", flags: { beta: true }, tags: ["a", "b"] },
    created_at: 1_767_225_600,
    email_verified: true,
  },
  org: { id: "org_1", role: "org:admin" },
};

describe("renderTemplateClaims", () => {
  it("keeps the JSON type of a value when the string is exactly one shortcode", () => {
    expect(
      renderTemplateClaims(
        {
          meta: "{{user.public_metadata}}",
          tags: "{{ user.public_metadata.tags }}",
          created: "{{user.created_at}}",
          verified: "{{user.email_verified}}",
        },
        data,
      ),
    ).toEqual({
      meta: data.user.public_metadata,
      tags: ["a", "b"],
      created: 1_767_225_600,
      verified: true,
    });
  });

  it("interpolates shortcodes inside longer strings", () => {
    expect(
      renderTemplateClaims(
        { label: "{{user.first_name}} ({{org.role}}) {{user.public_metadata.flags}}" },
        data,
      ),
    ).toEqual({ label: 'Ada (org:admin) {"beta":true}' });
  });

  it("renders missing values as null, or as nothing inside strings", () => {
    expect(
      renderTemplateClaims(
        {
          last: "{{user.last_name}}",
          unknown: "{{user.nope.deeper}}",
          noOrg: "{{session.actor}}",
          text: "x{{user.nope}}y",
        },
        data,
      ),
    ).toEqual({ last: null, unknown: null, noOrg: null, text: "xy" });
  });

  it("renders nested objects and arrays and keeps other values", () => {
    expect(
      renderTemplateClaims(
        { a: { b: ["{{user.id}}", 3, true, null, { c: "{{org.id}}" }] }, n: 1.5, plain: "text" },
        data,
      ),
    ).toEqual({ a: { b: ["user_1", 3, true, null, { c: "org_1" }] }, n: 1.5, plain: "text" });
  });

  it("picks the first present alternative of a || fallback", () => {
    expect(
      renderTemplateClaims(
        {
          name: "{{user.last_name || user.first_name}}",
          role: "{{user.public_metadata.missing || 'member'}}",
          count: "{{user.nope || 0}}",
          none: "{{user.nope || user.last_name}}",
        },
        data,
      ),
    ).toEqual({ name: "Ada", role: "member", count: 0, none: null });
  });

  it("does not read inherited properties", () => {
    expect(renderTemplateClaims({ x: "{{user.constructor}}", y: "{{toString}}" }, data)).toEqual({
      x: null,
      y: null,
    });
  });
});
