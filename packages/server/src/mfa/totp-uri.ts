/**
 * The `otpauth://totp/…` URI authenticator apps scan (as a QR code) to add an account: the issuer
 * (application name) and the account name label it; SHA-1, 6 digits, 30 s are the parameters
 * the server verifies with.
 *
 * @example
 * totpUri({ secret: "JBSWY3DPEHPK3PXP", issuer: "Acme", accountName: "ada@example.com" });
 * // "otpauth://totp/Acme:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme&algorithm=SHA1&digits=6&period=30"
 */
export function totpUri(input: { secret: string; issuer: string; accountName: string }): string {
  const label = `${encodeURIComponent(input.issuer)}:${encodeURIComponent(input.accountName)}`;
  const query = new URLSearchParams({
    secret: input.secret,
    issuer: input.issuer,
    algorithm: "SHA1",
    digits: "6",
    period: "30",
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}
