// In development no email leaves the machine: the instance keeps every message in its mailbox.
// The link is rendered on the server, so it appears only when the app runs with `next dev`.
export function DevMailboxLink() {
  const apiUrl = process.env.CLERK_API_URL;
  if (process.env.NODE_ENV !== "development" || !apiUrl) return null;
  return (
    <p className="notice">
      Development: verification codes are not emailed. Read them in the{" "}
      <a href={`${apiUrl}/__dev/mailbox`} target="_blank" rel="noreferrer">
        development mailbox
      </a>
      .
    </p>
  );
}
