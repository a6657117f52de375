/** The code every `+clerk_test` address accepts in development mode (Clerk's convention). */
export const TEST_VERIFICATION_CODE = "424242";

/**
 * True when the address's local part contains `+clerk_test` (case-insensitive), e.g.
 * `jane+clerk_test@example.com`. In development mode such addresses receive no mail and accept
 * {@link TEST_VERIFICATION_CODE}; in production they are ordinary addresses.
 *
 * @example
 * isTestEmailAddress("jane+clerk_test@example.com"); // true
 * isTestEmailAddress("jane@clerk_test.example.com"); // false
 */
export function isTestEmailAddress(address: string): boolean {
  const at = address.lastIndexOf("@");
  if (at <= 0) return false;
  return address.slice(0, at).toLowerCase().includes("+clerk_test");
}
