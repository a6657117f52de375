/**
 * Imported first by the jsdom tests: jsdom's window replaces `URL`, which the in-process
 * instance (server code: `fileURLToPath(new URL(…, import.meta.url))`) needs to be Node's. jsdom
 * itself never reads the global, so the page under test is unaffected.
 */
import { URL as NodeURL, URLSearchParams as NodeURLSearchParams } from "node:url";

globalThis.URL = NodeURL as unknown as typeof URL;
globalThis.URLSearchParams = NodeURLSearchParams as unknown as typeof URLSearchParams;
