import { escapeHtml as e } from "../../../mail/escape-html.js";
import type { EmailRecord } from "../../../store/mail-store.js";

/**
 * The email's code (`data.otp_code`), or null when it carries none.
 *
 * @example
 * otpCode(email); // "123456"
 */
export function otpCode(email: EmailRecord): string | null {
  const code = email.data.otp_code;
  return typeof code === "string" ? code : null;
}

const STYLE = `
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328;background:#f6f8fa;line-height:1.5}
main{max-width:760px;margin:0 auto;padding:24px}
h1{font-size:1.5rem;margin:0 0 8px}
form{display:flex;gap:8px;align-items:center;margin:16px 0}
input{font:inherit;padding:4px 8px;min-width:18rem}
button{font:inherit;padding:4px 12px}
ol{list-style:none;padding:0;margin:0}
article{background:#fff;border:1px solid #d1d9e0;border-radius:8px;padding:16px;margin:0 0 16px}
h2{font-size:1.1rem;margin:0 0 8px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0 0 12px}
dt{font-weight:600}
dd{margin:0}
.code{font-family:ui-monospace,monospace;font-size:2rem;font-weight:700;letter-spacing:.3rem}
pre{white-space:pre-wrap;background:#f6f8fa;padding:12px;border-radius:6px;margin:0}
:focus-visible{outline:3px solid #0969da;outline-offset:2px}
`;

function renderEmail(email: EmailRecord): string {
  const code = otpCode(email);
  const sentAt = new Date(email.createdAt).toISOString();
  const headingId = `subject-${e(email.id)}`;
  const rows = [
    `<dt>To</dt><dd>${e(email.toEmailAddress)}${email.test ? " (test address: not delivered)" : ""}</dd>`,
    `<dt>Sent</dt><dd><time datetime="${sentAt}">${sentAt.replace("T", " ").replace(/\.\d+Z$/, " UTC")}</time></dd>`,
    `<dt>Status</dt><dd>${e(email.status)} via ${e(email.deliveredVia)}</dd>`,
    ...(code === null ? [] : [`<dt>Code</dt><dd><strong class="code">${e(code)}</strong></dd>`]),
  ];
  return `<li><article aria-labelledby="${headingId}" data-email-id="${e(email.id)}">
<h2 id="${headingId}">${e(email.subject)}</h2>
<dl>${rows.join("")}</dl>
<pre>${e(email.bodyText)}</pre>
</article></li>`;
}

/**
 * The dev mailbox as one self-contained HTML page: newest email first, each with its recipient,
 * time, code and plain-text body; a recipient filter. No scripts, no external assets.
 *
 * @example
 * const html = renderMailboxHtml(emails, { total: 12, to: "ada@example.com" });
 */
export function renderMailboxHtml(
  emails: readonly EmailRecord[],
  options: { total: number; to: string | undefined },
): string {
  const scope = options.to === undefined ? "" : ` to ${e(options.to)}`;
  const count = `${options.total} email${options.total === 1 ? "" : "s"}${scope}`;
  const shown = emails.length < options.total ? `, showing the newest ${emails.length}` : "";
  const list =
    emails.length === 0
      ? "<p>No emails yet.</p>"
      : `<ol aria-label="Emails, newest first">${emails.map(renderEmail).join("\n")}</ol>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Dev mailbox</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Dev mailbox</h1>
<p>Emails this development instance has sent: ${count}${shown}. Served in development mode only.</p>
<form method="get" role="search">
<label for="to">Recipient</label>
<input id="to" name="to" type="email" autocomplete="off" value="${e(options.to ?? "")}">
<button type="submit">Filter</button>
</form>
${list}
</main>
</body>
</html>
`;
}
