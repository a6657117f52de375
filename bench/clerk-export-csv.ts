/**
 * A Clerk Dashboard export (CSV, the documented columns) of `count` users, for the benches:
 * bcrypt digests, two email addresses each, a phone number for every tenth, a TOTP secret for
 * every twentieth. User `n` is `user_2…n` with `bench<n>@example.com`, `First<n> Lâst<n>`.
 */
const HEADER =
  "id,first_name,last_name,username,primary_email_address,primary_phone_number,verified_email_addresses,unverified_email_addresses,verified_phone_numbers,unverified_phone_numbers,totp_secret,password_digest,password_hasher";
/** One bcrypt digest (cost 10) of "bench-password": digests are stored, not checked, on import. */
const DIGEST = "$2a$10$CwTycUXWue0Thq9StjUM0uJ8DPLKXt1FYC6bHnGtjqbBnl4hT5mBa";

export function clerkExportCsv(count: number): string {
  const lines = [HEADER];
  for (let n = 0; n < count; n++) {
    const id = `user_2${String(n).padStart(26, "0")}`;
    const email = `bench${n}@example.com`;
    const phone = n % 10 === 0 ? `+1555${String(n).padStart(7, "0")}` : "";
    const totp = n % 20 === 0 ? "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" : "";
    lines.push(
      [
        id,
        `First${n}`,
        `Lâst${n}`,
        "",
        email,
        phone,
        `${email}|alt${n}@example.com`,
        "",
        phone,
        "",
        totp,
        DIGEST,
        "bcrypt",
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}
