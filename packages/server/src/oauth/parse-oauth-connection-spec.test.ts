import { describe, expect, it } from "vitest";
import { parseOAuthConnectionSpec } from "./parse-oauth-connection-spec.js";

const SECRET = "s3cr3t:with@odd/chars";

describe("parseOAuthConnectionSpec", () => {
  it("reads google, github and microsoft specs", () => {
    expect(parseOAuthConnectionSpec(`google:123.apps.googleusercontent.com:${SECRET}`)).toEqual({
      strategy: "oauth_google",
      provider: "google",
      name: "Google",
      kind: "oidc",
      clientId: "123.apps.googleusercontent.com",
      clientSecret: SECRET,
      scopes: ["openid", "email", "profile"],
      issuer: "https://accounts.google.com",
    });
    const github = parseOAuthConnectionSpec("github:Iv1.abc:def");
    expect(github).toMatchObject({
      strategy: "oauth_github",
      provider: "github",
      kind: "github",
      clientId: "Iv1.abc",
      clientSecret: "def",
      scopes: ["read:user", "user:email"],
    });
    expect(github.endpoints?.token).toBe("https://github.com/login/oauth/access_token");
    expect(parseOAuthConnectionSpec("microsoft:app-id:pw")).toMatchObject({
      strategy: "oauth_microsoft",
      provider: "microsoft",
      issuer: "https://login.microsoftonline.com/common/v2.0",
    });
  });

  it("reads a custom OIDC provider with its issuer and scopes", () => {
    expect(
      parseOAuthConnectionSpec(
        `custom_okta:client:${SECRET}@https://acme.okta.com/oauth2?scopes=openid,email`,
      ),
    ).toEqual({
      strategy: "oauth_custom_okta",
      provider: "custom_okta",
      name: "okta",
      kind: "oidc",
      clientId: "client",
      clientSecret: SECRET,
      scopes: ["openid", "email"],
      issuer: "https://acme.okta.com/oauth2",
    });
    expect(parseOAuthConnectionSpec("github:id:secret?scopes=read:user").scopes).toEqual([
      "read:user",
    ]);
  });

  it.each([
    [`dropbox:id:${SECRET}`, /unknown provider/],
    ["google:client-id", /client secret is missing/],
    ["google:client-id:", /client secret is missing/],
    [`google::${SECRET}`, /client id is missing/],
    ["s3cr3t-only", /expected <provider>/],
    [`${SECRET}`, /unknown provider/],
    [`:id:${SECRET}`, /expected <provider>/],
    [`custom_okta:id:${SECRET}`, /issuer URL/],
    [`custom_okta:id:${SECRET}@ftp://x.example`, /issuer URL/],
    [`custom_Okta!:id:${SECRET}@https://x.example`, /unknown provider/],
    [`custom_${"a".repeat(33)}:id:${SECRET}@https://x.example`, /unknown provider/],
    [`github:id:${SECRET}?scopes=a,,b`, /scopes/],
    [`github:id:${SECRET}?scopes=a b`, /scopes/],
  ])("refuses %s, naming the bad part without the secret", (spec, message) => {
    let error: unknown;
    try {
      parseOAuthConnectionSpec(spec);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("s3cr3t");
  });
});
