import { createServer, type Socket } from "node:net";

/** A message the test server accepted. */
export interface ReceivedMessage {
  mailFrom: string;
  rcptTo: string[];
  /** The raw message (headers and MIME body), dot-stuffing undone. */
  data: string;
  /** Credentials the client authenticated with, if it did. */
  auth: { username: string; password: string } | null;
}

/** Options of {@link startSmtpTestServer}. */
export interface SmtpTestServerOptions {
  /** Required credentials; without them AUTH is not offered. */
  credentials?: { username: string; password: string };
  /** Answer RCPT TO with 550. */
  rejectRecipients?: boolean;
  /** On failed AUTH, echo what the client sent (to prove the client redacts it). */
  echoFailedAuth?: boolean;
}

/** A tiny SMTP listener on 127.0.0.1: just enough of RFC 5321 for nodemailer to send to it. */
export interface SmtpTestServer {
  port: number;
  messages: ReceivedMessage[];
  close(): Promise<void>;
}

const fromBase64 = (text: string) => Buffer.from(text, "base64").toString("utf8");

function handle(socket: Socket, options: SmtpTestServerOptions, messages: ReceivedMessage[]) {
  let buffer = "";
  let mode: "command" | "data" | "login-user" | "login-password" = "command";
  let loginUser = "";
  let auth: ReceivedMessage["auth"] = null;
  let envelope: { mailFrom: string; rcptTo: string[] } = { mailFrom: "", rcptTo: [] };
  let dataLines: string[] = [];
  const reply = (line: string) => socket.write(`${line}\r\n`);

  const checkAuth = (username: string, password: string, raw: string) => {
    const expected = options.credentials;
    if (expected && expected.username === username && expected.password === password) {
      auth = { username, password };
      reply("235 2.7.0 Authentication successful");
    } else {
      reply(`535 5.7.8 Authentication failed${options.echoFailedAuth ? ` for ${raw}` : ""}`);
    }
  };

  const onLine = (line: string) => {
    if (mode === "data") {
      if (line === ".") {
        messages.push({ ...envelope, data: dataLines.join("\r\n"), auth });
        envelope = { mailFrom: "", rcptTo: [] };
        dataLines = [];
        mode = "command";
        reply("250 2.0.0 Ok: queued");
      } else {
        dataLines.push(line.startsWith("..") ? line.slice(1) : line);
      }
      return;
    }
    if (mode === "login-user") {
      loginUser = fromBase64(line);
      mode = "login-password";
      reply("334 UGFzc3dvcmQ6");
      return;
    }
    if (mode === "login-password") {
      mode = "command";
      checkAuth(loginUser, fromBase64(line), `${loginUser} ${line}`);
      return;
    }
    const [verb = "", ...rest] = line.split(" ");
    const argument = rest.join(" ");
    switch (verb.toUpperCase()) {
      case "EHLO":
        socket.write("250-localhost\r\n");
        if (options.credentials) socket.write("250-AUTH PLAIN LOGIN\r\n");
        reply("250 8BITMIME");
        return;
      case "HELO":
        reply("250 localhost");
        return;
      case "AUTH": {
        const [method = "", initial] = argument.split(" ");
        if (method.toUpperCase() === "PLAIN" && initial !== undefined) {
          const [, username = "", password = ""] = fromBase64(initial).split("\u0000");
          checkAuth(username, password, initial);
        } else if (method.toUpperCase() === "LOGIN") {
          mode = "login-user";
          reply("334 VXNlcm5hbWU6");
        } else {
          reply("504 5.5.4 Unrecognized authentication type");
        }
        return;
      }
      case "MAIL":
        if (options.credentials && auth === null) {
          reply("530 5.7.0 Authentication required");
          return;
        }
        envelope.mailFrom = argument.replace(/^FROM:\s*/i, "").split(" ")[0] ?? "";
        reply("250 2.1.0 Ok");
        return;
      case "RCPT":
        if (options.rejectRecipients) {
          reply("550 5.1.1 Mailbox unavailable");
          return;
        }
        envelope.rcptTo.push(argument.replace(/^TO:\s*/i, ""));
        reply("250 2.1.5 Ok");
        return;
      case "DATA":
        mode = "data";
        reply("354 End data with <CR><LF>.<CR><LF>");
        return;
      case "RSET":
        envelope = { mailFrom: "", rcptTo: [] };
        reply("250 2.0.0 Ok");
        return;
      case "NOOP":
        reply("250 2.0.0 Ok");
        return;
      case "QUIT":
        reply("221 2.0.0 Bye");
        socket.end();
        return;
      default:
        reply("502 5.5.2 Command not recognized");
    }
  };

  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    buffer += chunk;
    let index = buffer.indexOf("\r\n");
    while (index !== -1) {
      const line = buffer.slice(0, index);
      buffer = buffer.slice(index + 2);
      onLine(line);
      index = buffer.indexOf("\r\n");
    }
  });
  socket.on("error", () => {});
  reply("220 localhost ESMTP test");
}

/**
 * Starts the SMTP test server on a free port of 127.0.0.1.
 *
 * @example
 * const server = await startSmtpTestServer({ credentials: { username: "u", password: "p" } });
 * // … send to smtp://u:p@127.0.0.1:${server.port} …
 * await server.close();
 */
export async function startSmtpTestServer(
  options: SmtpTestServerOptions = {},
): Promise<SmtpTestServer> {
  const messages: ReceivedMessage[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    handle(socket, options, messages);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    port: address.port,
    messages,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
