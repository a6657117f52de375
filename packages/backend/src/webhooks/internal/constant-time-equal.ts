/**
 * Compares two byte strings without an early exit on the first difference.
 *
 * Only the length leaks; callers compare fixed-length HMAC outputs, where the length is public.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
