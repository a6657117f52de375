import type { ConsoleInstanceFacts } from "./console-setup.js";

/** What console tests show of their instance. */
export const TEST_CONSOLE_FACTS: ConsoleInstanceFacts = {
  instanceType: "development",
  frontendApiUrl: "http://localhost/__clerk",
  publishableKey: "pk_test_bG9jYWxob3N0L19fY2xlcmsk",
  allowedOrigins: ["http://localhost:3000"],
  mailTransport: "Development mailbox",
};
