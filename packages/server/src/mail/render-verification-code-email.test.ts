import { describe, expect, it } from "vitest";
import {
  renderVerificationCodeEmail,
  type VerificationPurpose,
} from "./render-verification-code-email.js";

describe("renderVerificationCodeEmail", () => {
  it("puts the code in the subject, the text and the HTML, with the 10-minute expiry", () => {
    const email = renderVerificationCodeEmail({
      code: "123456",
      purpose: "sign_in",
      appName: "Acme",
    });
    expect(email.subject).toBe("Your verification code is 123456");
    expect(email.text.split("\n")[0]).toBe("Your verification code is 123456");
    expect(email.text).toContain("Enter it to sign in to Acme. It expires in 10 minutes.");
    expect(email.html).toContain(">123456</p>");
    expect(email.html).toContain("It expires in 10 minutes.");
  });

  it("says what the code is for", () => {
    const texts = (["sign_up", "sign_in", "verify_email"] as VerificationPurpose[]).map(
      (purpose) => renderVerificationCodeEmail({ code: "1", purpose, appName: "Acme" }).text,
    );
    expect(texts[0]).toContain("finish creating your Acme account");
    expect(texts[1]).toContain("sign in to Acme");
    expect(texts[2]).toContain("verify this email address for Acme");
  });

  it("escapes the application name in HTML and loads nothing external", () => {
    const { html } = renderVerificationCodeEmail({
      code: "123456",
      purpose: "sign_up",
      appName: `<img src=x onerror="alert(1)"> & Co`,
    });
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co");
    const plain = renderVerificationCodeEmail({ code: "1", purpose: "sign_up", appName: "Acme" });
    expect(plain.html).not.toMatch(/\b(src|href)=|url\(|https?:|<link|<script/);
  });
});
