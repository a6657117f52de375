import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { chooseDevPorts, devPortSettings, isPortFree } from "./dev-ports.js";
import { DevSetupError } from "./dev-setup-error.js";

/** How the demo's `pnpm dev` names its env file and itself (INIT_CWD is the repository). */
const demo = { envFile: "apps/demo/.env.local", rerun: "pnpm dev" };

/** A fake port table: these ports are taken. */
function taken(...ports: number[]): (port: number) => Promise<boolean> {
  return async (port) => !ports.includes(port);
}

describe("devPortSettings", () => {
  it("defaults to 3000 and 4100", () => {
    const settings = devPortSettings({}, {});
    expect(settings.app).toEqual({ variable: "PORT", port: 3000, source: "default" });
    expect(settings.instance).toEqual({ variable: "LATCHKEY_PORT", port: 4100, source: "default" });
    expect(settings.notes).toEqual([]);
  });

  it("takes the env file's ports when the command line gives none", () => {
    const settings = devPortSettings({}, { PORT: "3005", LATCHKEY_PORT: "4105" }, demo);
    expect(settings.app).toMatchObject({ port: 3005, source: "env file" });
    expect(settings.instance).toMatchObject({ port: 4105, source: "env file" });
  });

  it("lets the command line win over a kept .env.local, and says they disagree", () => {
    const settings = devPortSettings(
      { PORT: "3001", LATCHKEY_PORT: "4200" },
      { PORT: "3005", LATCHKEY_PORT: "4100" },
      demo,
    );
    expect(settings.app).toMatchObject({ port: 3001, source: "command line" });
    expect(settings.instance).toMatchObject({ port: 4200, source: "command line" });
    expect(settings.notes).toEqual([
      "apps/demo/.env.local says PORT=3005; the command line's PORT=3001 wins.",
      "apps/demo/.env.local says LATCHKEY_PORT=4100; the command line's LATCHKEY_PORT=4200 wins.",
    ]);
  });

  it("refuses what is not a port, and one port for both", () => {
    expect(() => devPortSettings({ PORT: "three" }, {})).toThrow(DevSetupError);
    expect(() => devPortSettings({ PORT: "70000" }, {})).toThrow(/not a port/);
    expect(() => devPortSettings({ PORT: "70000" }, {})).toThrow(
      expect.objectContaining({ code: "port-invalid" }),
    );
    expect(() => devPortSettings({ PORT: "4100" }, {})).toThrow(/both 4100/);
    expect(() => devPortSettings({ PORT: "4100" }, {})).toThrow(
      expect.objectContaining({ code: "ports-clash" }),
    );
  });
});

describe("chooseDevPorts", () => {
  it("keeps free ports as they are", async () => {
    const chosen = await chooseDevPorts(devPortSettings({}, {}), taken());
    expect(chosen).toEqual({ appPort: 3000, instancePort: 4100, notes: [] });
  });

  it("moves a taken default to the next free port and says how to choose", async () => {
    const chosen = await chooseDevPorts(devPortSettings({}, {}, demo), taken(3000, 3001, 4100));
    expect(chosen.appPort).toBe(3002);
    expect(chosen.instancePort).toBe(4101);
    expect(chosen.notes).toEqual([
      "Port 4100 (LATCHKEY_PORT) is taken, so the instance uses 4101. To choose yourself: LATCHKEY_PORT=4101 pnpm dev",
      "Port 3000 (PORT) is taken, so the app uses 3002. To choose yourself: PORT=3002 pnpm dev",
    ]);
  });

  it("stops on a taken port that was asked for, naming it and a free one to use", async () => {
    const settings = devPortSettings({ PORT: "3000" }, {}, demo);
    const error = await chooseDevPorts(settings, taken(3000, 3001)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DevSetupError);
    expect(error).toMatchObject({ code: "port-taken" });
    expect((error as Error).message).toContain(
      "Port 3000 for the app (PORT, from the command line) is taken",
    );
    expect((error as Error).message).toContain("PORT=3002 pnpm dev");
  });

  it("reports both ports when both were asked for and both are taken", async () => {
    const settings = devPortSettings({}, { PORT: "3000", LATCHKEY_PORT: "4100" }, demo);
    const error = await chooseDevPorts(settings, taken(3000, 4100)).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /Port 4100 for the Latchkey instance \(LATCHKEY_PORT, from the apps\/demo\/\.env\.local\)/,
    );
    expect((error as Error).message).toMatch(/Port 3000 for the app/);
    expect((error as Error).message).toContain("LATCHKEY_PORT=4101 pnpm dev");
  });

  it("without wording, names .env.local and `latchkey dev`", async () => {
    const settings = devPortSettings({}, { PORT: "3000" });
    const error = await chooseDevPorts(settings, taken(3000)).catch((e: unknown) => e);
    expect((error as Error).message).toContain("(PORT, from the .env.local) is taken");
    expect((error as Error).message).toContain("PORT=3001 latchkey dev");
  });

  it("never gives the app the instance's port", async () => {
    const settings = devPortSettings({ LATCHKEY_PORT: "3001" }, {});
    const chosen = await chooseDevPorts(settings, taken(3000));
    expect(chosen.instancePort).toBe(3001);
    expect(chosen.appPort).toBe(3002);
  });
});

describe("isPortFree", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
    servers.length = 0;
  });

  it("tells a port something listens on from a free one", async () => {
    const server = createServer();
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    expect(await isPortFree(port)).toBe(false);
    await new Promise((done) => server.close(done));
    servers.length = 0;
    expect(await isPortFree(port)).toBe(true);
  });
});
