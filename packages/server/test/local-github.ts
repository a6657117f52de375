import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A GitHub account known to the local GitHub. */
export interface LocalGithubUser {
  id: number;
  login: string;
  name: string | null;
  avatarUrl?: string;
  emails: { email: string; primary: boolean; verified: boolean }[];
}

/** A running local GitHub: its endpoints, a way to mint codes, and `close`. */
export interface LocalGithub {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  clientId: string;
  clientSecret: string;
  /** Endpoints for `githubConnection({ endpoints })`. */
  endpoints: { authorization: string; token: string; user: string; emails: string };
  /** An authorization code for `login`, as if they had approved the app; it works once. */
  issueCode(login: string, options: { redirectUri: string; codeChallenge?: string }): string;
  close(): Promise<void>;
}

/**
 * A stand-in for GitHub's OAuth and REST endpoints, for tests, on a free loopback port:
 * `POST /login/oauth/access_token` (form or JSON body; JSON answers when asked, form-encoded
 * otherwise; errors as HTTP 200 with `error`, as GitHub does), `GET /user` and `GET /user/emails`
 * with a Bearer token. Refresh tokens are issued and accepted once each.
 *
 * @example
 * const github = await startLocalGithub({ users: [{ id: 1, login: "ada", name: "Ada Lovelace", emails: [] }] });
 * const code = github.issueCode("ada", { redirectUri });
 * await github.close();
 */
export async function startLocalGithub(options: {
  users: LocalGithubUser[];
  clientId?: string;
  clientSecret?: string;
}): Promise<LocalGithub> {
  const clientId = options.clientId ?? "Iv1.localgithub";
  const clientSecret = options.clientSecret ?? randomBytes(20).toString("hex");
  const codes = new Map<string, { login: string; redirectUri: string; codeChallenge?: string }>();
  const accessTokens = new Map<string, string>();
  const refreshTokens = new Map<string, string>();
  const byLogin = new Map(options.users.map((user) => [user.login, user]));

  const issueTokens = (login: string) => {
    const accessToken = `gho_${randomBytes(18).toString("hex")}`;
    const refreshToken = `ghr_${randomBytes(18).toString("hex")}`;
    accessTokens.set(accessToken, login);
    refreshTokens.set(refreshToken, login);
    return {
      access_token: accessToken,
      token_type: "bearer",
      scope: "read:user,user:email",
      expires_in: 28800,
      refresh_token: refreshToken,
      refresh_token_expires_in: 15897600,
    };
  };

  const tokenAnswer = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    const raw = await readBody(req);
    const params: Record<string, string> = (req.headers["content-type"] ?? "").includes(
      "application/json",
    )
      ? (JSON.parse(raw) as Record<string, string>)
      : Object.fromEntries(new URLSearchParams(raw));
    if (params.client_id !== clientId || params.client_secret !== clientSecret) {
      return {
        error: "incorrect_client_credentials",
        error_description: "The client_id and/or client_secret passed are incorrect.",
      };
    }
    if (params.grant_type === "refresh_token") {
      const login = refreshTokens.get(params.refresh_token ?? "");
      if (login === undefined)
        return {
          error: "bad_refresh_token",
          error_description: "The refresh token passed is incorrect or expired.",
        };
      refreshTokens.delete(params.refresh_token ?? "");
      return issueTokens(login);
    }
    const code = codes.get(params.code ?? "");
    codes.delete(params.code ?? "");
    const badCode = {
      error: "bad_verification_code",
      error_description: "The code passed is incorrect or expired.",
    };
    if (code === undefined) return badCode;
    if (params.redirect_uri !== undefined && params.redirect_uri !== code.redirectUri) {
      return {
        error: "redirect_uri_mismatch",
        error_description:
          "The redirect_uri MUST match the registered callback URL for this application.",
      };
    }
    if (code.codeChallenge !== undefined) {
      const verifier = params.code_verifier ?? "";
      if (createHash("sha256").update(verifier).digest("base64url") !== code.codeChallenge)
        return badCode;
    }
    return issueTokens(code.login);
  };

  const userOf = (req: IncomingMessage) => {
    const auth = req.headers.authorization ?? "";
    const token = /^(?:Bearer|token) (\S+)$/i.exec(auth)?.[1];
    const login = token === undefined ? undefined : accessTokens.get(token);
    return login === undefined ? undefined : byLogin.get(login);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://local").pathname;
    if (req.method === "POST" && path === "/login/oauth/access_token") {
      const answer = await tokenAnswer(req);
      if ((req.headers.accept ?? "").includes("application/json")) {
        sendJson(res, 200, answer);
      } else {
        res.writeHead(200, { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" });
        res.end(
          new URLSearchParams(Object.entries(answer).map(([k, v]) => [k, String(v)])).toString(),
        );
      }
      return;
    }
    if (req.method === "GET" && (path === "/user" || path === "/user/emails")) {
      const user = userOf(req);
      if (user === undefined) {
        sendJson(res, 401, {
          message: "Bad credentials",
          documentation_url: "https://docs.github.com/rest",
          status: "401",
        });
        return;
      }
      if (path === "/user/emails") {
        sendJson(
          res,
          200,
          user.emails.map((entry) => ({ ...entry, visibility: entry.primary ? "private" : null })),
        );
        return;
      }
      sendJson(res, 200, {
        login: user.login,
        id: user.id,
        node_id: `U_${user.id}`,
        avatar_url: user.avatarUrl ?? `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
        type: "User",
        name: user.name,
        email: user.emails.find((entry) => entry.primary)?.email ?? null,
      });
      return;
    }
    sendJson(res, 404, { message: "Not Found", status: "404" });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { message: "local github failed" });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    clientId,
    clientSecret,
    endpoints: {
      authorization: `${origin}/login/oauth/authorize`,
      token: `${origin}/login/oauth/access_token`,
      user: `${origin}/user`,
      emails: `${origin}/user/emails`,
    },
    issueCode(login, { redirectUri, codeChallenge }) {
      if (!byLogin.has(login)) throw new Error(`local github: no user ${login}`);
      const code = randomBytes(10).toString("hex");
      codes.set(code, { login, redirectUri, ...(codeChallenge ? { codeChallenge } : {}) });
      return code;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
