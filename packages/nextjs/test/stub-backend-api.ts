import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

/** A Backend API on a loopback port that knows one user (`user_2abc`) and records every call. */
export interface StubBackendApi {
  /** `METHOD /path Authorization` of each request, in order. */
  readonly calls: string[];
  /** Its URL (read inside tests: it is known once the server listens). */
  url(): string;
}

/**
 * Starts a {@link StubBackendApi} for the current test file and stops it after.
 *
 * @example
 * const bapi = stubBackendApiForFile();
 * isolateLatchkeyEnv(() => fixtureKeysEnv(bapi.url()));
 */
export function stubBackendApiForFile(): StubBackendApi {
  const calls: string[] = [];
  let server: Server | undefined;
  let url = "";
  beforeAll(async () => {
    const listening = createServer((req, res) => {
      calls.push(`${req.method} ${req.url} ${req.headers.authorization}`);
      if (req.url === "/v1/users/user_2abc") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(USER));
        return;
      }
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ code: "resource_not_found", message: "not found" }] }));
    });
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });
  return { calls, url: () => url };
}

/** The one user the stub knows, as the Backend API answers it. */
const USER = {
  object: "user",
  id: "user_2abc",
  first_name: "Ada",
  last_name: "Lovelace",
  username: null,
  image_url: "https://img.example.test/a.png",
  has_image: false,
  primary_email_address_id: null,
  primary_phone_number_id: null,
  primary_web3_wallet_id: null,
  password_enabled: false,
  two_factor_enabled: false,
  totp_enabled: false,
  backup_code_enabled: false,
  email_addresses: [],
  phone_numbers: [],
  web3_wallets: [],
  external_accounts: [],
  saml_accounts: [],
  public_metadata: {},
  private_metadata: {},
  unsafe_metadata: {},
  external_id: null,
  last_sign_in_at: null,
  banned: false,
  locked: false,
  lockout_expires_in_seconds: null,
  verification_attempts_remaining: null,
  created_at: 1,
  updated_at: 1,
  delete_self_enabled: true,
  create_organization_enabled: true,
  last_active_at: null,
  legal_accepted_at: null,
};
