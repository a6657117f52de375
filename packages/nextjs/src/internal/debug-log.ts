/** Receives the middleware's decisions when `debug` is on. Details never hold secrets or tokens. */
export type DebugLogger = (message: string, details: Record<string, unknown>) => void;

const consoleLogger: DebugLogger = (message, details) => {
  console.info(`[latchkey] ${message}`, details);
};

const silent: DebugLogger = () => {};

/** The logger to use: `logger` when given, the console when `debug` is on, else a no-op. */
export function debugLoggerFor(
  debug: boolean | undefined,
  logger: DebugLogger | undefined,
): DebugLogger {
  if (!debug) return silent;
  return logger ?? consoleLogger;
}
