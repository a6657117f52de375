/** `text` with every occurrence of `secret` replaced, so error messages never carry the key. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return text.split(secret).join("[redacted]");
}
