import { escapeHtml } from "./escape-html.js";

/** Why a verification code is sent. */
export type VerificationPurpose = "sign_up" | "sign_in" | "verify_email";

/** A rendered email, ready to store and send. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Minutes a verification code stays valid, as the email states it. */
export const VERIFICATION_CODE_TTL_MINUTES = 10;

const ACTIONS: Record<VerificationPurpose, (app: string) => string> = {
  sign_up: (app) => `finish creating your ${app} account`,
  sign_in: (app) => `sign in to ${app}`,
  verify_email: (app) => `verify this email address for ${app}`,
};

/**
 * Renders the verification-code email in our own wording: subject, plain text and a small,
 * self-contained HTML body (inline styles, no external assets).
 *
 * @example
 * const email = renderVerificationCodeEmail({ code: "123456", purpose: "sign_up", appName: "Acme" });
 * email.subject; // "Your verification code is 123456"
 */
export function renderVerificationCodeEmail(input: {
  code: string;
  purpose: VerificationPurpose;
  appName: string;
}): RenderedEmail {
  const { code, appName } = input;
  const action = ACTIONS[input.purpose](appName);
  const minutes = VERIFICATION_CODE_TTL_MINUTES;
  const subject = `Your verification code is ${code}`;
  const text = [
    `Your verification code is ${code}`,
    "",
    `Enter it to ${action}. It expires in ${minutes} minutes.`,
    "",
    "Never share this code. If you did not ask for it, you can ignore this email.",
    "",
  ].join("\n");
  const e = escapeHtml;
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(subject)}</title>
</head>
<body style="margin:0;padding:24px;background:#f6f6f7;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328">
<main style="max-width:480px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px">
<h1 style="margin:0 0 16px;font-size:20px">${e(appName)}</h1>
<p style="margin:0 0 8px">Your verification code is</p>
<p style="margin:0 0 16px;font-size:32px;font-weight:700;letter-spacing:6px;font-family:ui-monospace,monospace">${e(code)}</p>
<p style="margin:0 0 16px">Enter it to ${e(action)}. It expires in ${minutes} minutes.</p>
<p style="margin:0;color:#59636e;font-size:13px">Never share this code. If you did not ask for it, you can ignore this email.</p>
</main>
</body>
</html>
`;
  return { subject, text, html };
}
