import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Adapter, AdapterPayload, Configuration, default as Provider } from "oidc-provider";

/** A person who can sign in at the local provider. */
export interface LocalOidcUser {
  sub: string;
  email: string;
  emailVerified: boolean;
  givenName: string;
  familyName: string;
}

/** An application registered at the local provider (`client_secret_basic` or `_post`). */
export interface LocalOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

/** A running local provider. */
export interface LocalOidcProvider {
  /** `http://<host>:<port>`; discovery at `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  close(): Promise<void>;
}

const INTERACTION = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;

/**
 * Starts an OpenID Connect provider on a loopback port, for development and tests: panva's
 * `oidc-provider` (a dev dependency, loaded on demand) with the code flow, PKCE required, scopes
 * `openid email profile offline_access`, RS256 ID tokens that carry the email and name claims,
 * refresh tokens for every client, http/loopback redirect URIs, and a one-field sign-in page
 * (label "Email address", button "Sign in") where any of `users` signs in by email; consent is
 * given without asking.
 *
 * @throws Error when `oidc-provider` is not installed, or the port is taken.
 * @example
 * const idp = await startLocalOidcProvider({
 *   clients: [{ clientId: "app", clientSecret: "secret", redirectUris: ["http://127.0.0.1:3000/cb"] }],
 *   users: [{ sub: "u1", email: "ada@example.com", emailVerified: true, givenName: "Ada", familyName: "Lovelace" }],
 * });
 * console.log(idp.issuer); // http://127.0.0.1:54012
 * await idp.close();
 */
export async function startLocalOidcProvider(options: {
  port?: number;
  host?: string;
  clients: LocalOidcClient[];
  users: LocalOidcUser[];
  /**
   * Email and name claims in the ID token (default), or, when false, only at the userinfo
   * endpoint, as some providers do.
   */
  claimsInIdToken?: boolean;
}): Promise<LocalOidcProvider> {
  let ProviderClass: typeof Provider;
  try {
    ProviderClass = (await import("oidc-provider")).default;
  } catch (cause) {
    throw new Error(
      "the local OpenID Connect provider needs the npm package oidc-provider: pnpm add -D oidc-provider",
      { cause },
    );
  }
  const host = options.host ?? "127.0.0.1";
  const users = new Map(options.users.map((user) => [user.sub, user]));
  let provider: Provider | undefined;

  const server = createServer((req, res) => {
    if (provider === undefined) {
      res.writeHead(503).end();
      return;
    }
    const match = INTERACTION.exec(new URL(req.url ?? "/", "http://local").pathname);
    if (match) {
      handleInteraction(provider, options.users, req, res, match[2] !== undefined).catch(
        (error) => {
          if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
          res.end(error instanceof Error ? error.message : "interaction failed");
        },
      );
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const configuration: Configuration = {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    jwks: {
      keys: [
        {
          ...privateKey.export({ format: "jwk" }),
          kid: randomBytes(8).toString("hex"),
          alg: "RS256",
          use: "sig",
        },
      ],
    } as Configuration["jwks"],
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    scopes: ["openid", "email", "profile", "offline_access"],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["given_name", "family_name", "name"],
    },
    // Email and name in the ID token itself, as Google and Microsoft send them.
    conformIdTokenClaims: options.claimsInIdToken === false,
    responseTypes: ["code"],
    pkce: { required: () => true },
    renderError: async (ctx, out) => {
      ctx.type = "html";
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head><body><main><h1>Sign-in error</h1><p>${escapeHtml(String(out.error))}: ${escapeHtml(String(out.error_description ?? ""))}</p></main></body></html>`;
    },
    features: { devInteractions: { enabled: false } },
    // Lifetimes and storage set here so oidc-provider has no defaults to warn about.
    adapter: memoryAdapter(),
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      ClientCredentials: 600,
      Grant: 14 * 24 * 3600,
      IdToken: 3600,
      Interaction: 3600,
      RefreshToken: 14 * 24 * 3600,
      Session: 14 * 24 * 3600,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    findAccount: async (_ctx, sub) => {
      const user = users.get(sub);
      if (user === undefined) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: user.email,
          email_verified: user.emailVerified,
          given_name: user.givenName,
          family_name: user.familyName,
          name: `${user.givenName} ${user.familyName}`,
        }),
      };
    },
  };
  provider = new ProviderClass(issuer, configuration);

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Keeps oidc-provider's records in memory for the life of one local provider. */
function memoryAdapter(): (name: string) => Adapter {
  const records = new Map<string, { payload: AdapterPayload; expiresAt: number | null }>();
  const live = (key: string) => {
    const record = records.get(key);
    if (record?.expiresAt != null && record.expiresAt <= Date.now()) {
      records.delete(key);
      return undefined;
    }
    return record?.payload;
  };
  return (name) => {
    const key = (id: string) => `${name}:${id}`;
    const findBy = async (field: "uid" | "userCode", value: string) => {
      for (const [id, record] of records) {
        if (id.startsWith(`${name}:`) && record.payload[field] === value) return live(id);
      }
      return undefined;
    };
    return {
      upsert: async (id, payload, expiresIn) => {
        records.set(key(id), {
          payload,
          expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null,
        });
      },
      find: async (id) => live(key(id)),
      findByUid: (uid) => findBy("uid", uid),
      findByUserCode: (userCode) => findBy("userCode", userCode),
      consume: async (id) => {
        const payload = live(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        records.delete(key(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const [id, record] of records)
          if (record.payload.grantId === grantId) records.delete(id);
      },
    };
  };
}

async function handleInteraction(
  provider: Provider,
  users: readonly LocalOidcUser[],
  req: IncomingMessage,
  res: ServerResponse,
  submitted: boolean,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === "consent") {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({
          accountId: details.session?.accountId,
          clientId: String(details.params.client_id),
        });
    if (grant === undefined) throw new Error("the grant of this sign-in is gone");
    const scope = details.prompt.details.missingOIDCScope;
    if (Array.isArray(scope)) grant.addOIDCScope(scope.join(" "));
    const claims = details.prompt.details.missingOIDCClaims;
    if (Array.isArray(claims)) grant.addOIDCClaims(claims as string[]);
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
    return;
  }
  if (!submitted || req.method !== "POST") {
    sendLoginPage(res, details.uid, null);
    return;
  }
  const email = new URLSearchParams(await readBody(req)).get("email")?.trim().toLowerCase() ?? "";
  const user = users.find((candidate) => candidate.email.toLowerCase() === email);
  if (user === undefined) {
    sendLoginPage(
      res,
      details.uid,
      email === "" ? "Type an email address." : `No user has the email ${email}.`,
    );
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.sub } },
    { mergeWithLastSubmission: false },
  );
}

function sendLoginPage(res: ServerResponse, uid: string, problem: string | null): void {
  const alert = problem === null ? "" : `<p role="alert" id="problem">${escapeHtml(problem)}</p>`;
  const described = problem === null ? "" : ' aria-describedby="problem" aria-invalid="true"';
  res.writeHead(problem === null ? 200 : 400, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
  });
  res.end(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in — local OpenID provider</title></head>
<body>
<main>
<h1>Sign in to the local OpenID provider</h1>
${alert}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="email">Email address</label>
<input id="email" name="email" type="email" autocomplete="email" required autofocus${described}>
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error("the sign-in form is too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
