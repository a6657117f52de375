import type { LocalOidcUser } from "../src/dev/local-oidc-provider.js";

/**
 * People at the local OpenID Connect provider in the social sign-in tests: `eve@` is an address
 * the provider never verified (it may not take over an account that has it).
 */
export const LOCAL_PROVIDER_PEOPLE: readonly LocalOidcUser[] = [
  {
    sub: "ada-1",
    email: "ada@local.test",
    emailVerified: true,
    givenName: "Ada",
    familyName: "Lovelace",
  },
  {
    sub: "bob-2",
    email: "bob@local.test",
    emailVerified: true,
    givenName: "Bob",
    familyName: "Byte",
  },
  {
    sub: "eve-3",
    email: "eve@local.test",
    emailVerified: false,
    givenName: "Eve",
    familyName: "Unverified",
  },
  {
    sub: "cat-4",
    email: "cat@local.test",
    emailVerified: true,
    givenName: "Cat",
    familyName: "Signup",
  },
];
