// A user as Clerk's Dashboard export gives them (the documented columns, a bcrypt digest of a
// password we know), imported into the end-to-end instance by the global setup, as
// `latchkey import clerk --csv` would: the spec signs in with that password, keeping the id.

/** The imported person and their password (Clerk hashed it; we never see it in plain text). */
export const IMPORTED_USER = {
  id: "user_2MigratedFromClerkCloud0001",
  email: "imported-from-clerk@example.com",
  password: "imported-from-Clerk-42",
} as const;

/** The export: one row, bcrypt as Clerk's `password_hasher` names it. */
export const CLERK_EXPORT_CSV = [
  "id,first_name,last_name,username,primary_email_address,primary_phone_number,verified_email_addresses,unverified_email_addresses,verified_phone_numbers,unverified_phone_numbers,totp_secret,password_digest,password_hasher",
  `${IMPORTED_USER.id},Grete,Müller,,${IMPORTED_USER.email},,${IMPORTED_USER.email},,,,,$2b$10$B7t7jq5QioUybv6XiCrtKu/yFyU7Ks2NzfQSFa3MzABMY/gF90n4i,bcrypt`,
].join("\n");
