import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A user of the local user pool, and what a right password gets: tokens or a challenge. */
export interface LocalCognitoUser {
  username: string;
  password: string;
  /** A challenge Cognito asks for after the password (`NEW_PASSWORD_REQUIRED`…); default none. */
  challenge?: string;
}

/**
 * What the local Cognito answers for a username instead of checking it: a 500, a 400
 * `TooManyRequestsException`, a 200 that is not JSON, a 200 of another shape, or no answer at all.
 */
export type LocalCognitoFault = "error" | "throttled" | "garbled" | "odd" | "hang";

/** One request the local Cognito received, as it arrived. */
export interface LocalCognitoRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  target: string | undefined;
  body: unknown;
}

/** A running local Cognito: its endpoint, its app client id, what it was asked, and `close`. */
export interface LocalCognito {
  /** `http://127.0.0.1:<port>/`, for `LATCHKEY_COGNITO_ENDPOINT`. */
  endpoint: string;
  userPoolId: string;
  clientId: string;
  requests: LocalCognitoRequest[];
  /** The `awscognito` digest Clerk's guide has an export hold for `username`. */
  digest(username: string): string;
  close(): Promise<void>;
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/x-amz-json-1.1" });
  res.end(JSON.stringify(body));
}

const error = (res: ServerResponse, status: number, type: string, message: string) =>
  answer(res, status, { __type: type, message });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * A stand-in for Cognito's user pools API on a free loopback port, for tests: `POST /` with
 * `X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth` and an
 * `application/x-amz-json-1.1` body, flow `USER_PASSWORD_AUTH` for its one public app client.
 * Answers as AWS documents: `AuthenticationResult` or `ChallengeName` for a right password, a 400
 * `NotAuthorizedException` for a wrong one, `UserNotFoundException` for an unknown user; a request
 * of another shape gets a 400 as well (`UnknownOperationException`, `InvalidParameterException`,
 * `ResourceNotFoundException` for another client).
 *
 * @example
 * const cognito = await startLocalCognito({ users: [{ username: "ada", password: "pw" }] });
 * vi.stubEnv("LATCHKEY_COGNITO_ENDPOINT", cognito.endpoint);
 * await cognito.close();
 */
export async function startLocalCognito(options: {
  users: LocalCognitoUser[];
  faults?: Record<string, LocalCognitoFault>;
}): Promise<LocalCognito> {
  const userPoolId = "eu-west-1_L0calPool";
  const clientId = randomBytes(13).toString("hex");
  const users = new Map(options.users.map((user) => [user.username, user]));
  const faults = new Map(Object.entries(options.faults ?? {}));
  const requests: LocalCognitoRequest[] = [];

  const server = createServer(async (req, res) => {
    const text = await readBody(req);
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // Recorded as null; refused below.
    }
    const contentType = req.headers["content-type"];
    const target = req.headers["x-amz-target"] as string | undefined;
    requests.push({ method: req.method ?? "", path: req.url ?? "", contentType, target, body });
    if (req.method !== "POST" || req.url !== "/") {
      return error(res, 404, "UnknownOperationException", "Not found");
    }
    if (
      contentType !== "application/x-amz-json-1.1" ||
      target !== "AWSCognitoIdentityProviderService.InitiateAuth"
    ) {
      return error(res, 400, "UnknownOperationException", "Unknown operation");
    }
    const request = body as {
      AuthFlow?: unknown;
      ClientId?: unknown;
      AuthParameters?: { USERNAME?: unknown; PASSWORD?: unknown };
    } | null;
    const username = request?.AuthParameters?.USERNAME;
    const password = request?.AuthParameters?.PASSWORD;
    if (
      request?.AuthFlow !== "USER_PASSWORD_AUTH" ||
      typeof username !== "string" ||
      typeof password !== "string"
    ) {
      return error(res, 400, "InvalidParameterException", "Missing required parameter");
    }
    if (request.ClientId !== clientId) {
      return error(res, 400, "ResourceNotFoundException", "User pool client does not exist.");
    }
    switch (faults.get(username)) {
      case "error":
        return error(res, 500, "InternalErrorException", "Internal error");
      case "throttled":
        return error(res, 400, "TooManyRequestsException", "Rate exceeded");
      case "garbled":
        res.writeHead(200, { "Content-Type": "text/html" });
        return res.end("<html>a proxy's page</html>");
      case "odd":
        return answer(res, 200, { Session: "x" });
      case "hang":
        return; // No answer until the server closes.
    }
    const user = users.get(username);
    if (user === undefined) return error(res, 400, "UserNotFoundException", "User does not exist.");
    if (user.password !== password) {
      return error(res, 400, "NotAuthorizedException", "Incorrect username or password.");
    }
    if (user.challenge !== undefined) {
      return answer(res, 200, {
        ChallengeName: user.challenge,
        ChallengeParameters: { USER_ID_FOR_SRP: username },
        Session: randomBytes(32).toString("base64"),
      });
    }
    return answer(res, 200, {
      AuthenticationResult: {
        AccessToken: randomBytes(32).toString("base64url"),
        ExpiresIn: 3600,
        IdToken: randomBytes(32).toString("base64url"),
        RefreshToken: randomBytes(32).toString("base64url"),
        TokenType: "Bearer",
      },
      ChallengeParameters: {},
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    userPoolId,
    clientId,
    requests,
    digest: (username) => `awscognito#${userPoolId}#${clientId}#${username}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
