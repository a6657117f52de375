import { type Clock, systemClock } from "../clock.js";
import { consoleLogger, type Logger } from "../logger.js";
import type { ClaimedWebhookDelivery, WebhookStore } from "../store/webhook-store.js";
import { DEFAULT_RETRY_DELAYS_MS, nextRetryAt } from "./retry-schedule.js";
import { sendWebhook } from "./send-webhook.js";

/** Options of {@link startWebhookWorker}. */
export interface WebhookWorkerOptions {
  /** The instance's store (its webhook verbs). One worker per process; any number of processes. */
  store: WebhookStore;
  clock?: Clock;
  fetch?: typeof fetch;
  logger?: Logger;
  /** Pause between polls when there was nothing left to send (default 1000); `null`: never poll, only {@link WebhookWorker.runOnce}. */
  pollIntervalMs?: number | null;
  /** Per-attempt timeout, answer included (default 15 s). */
  timeoutMs?: number;
  /** How long a claimed delivery stays reserved; must exceed `timeoutMs` (default `timeoutMs` + 60 s). */
  leaseMs?: number;
  /** Deliveries claimed and sent concurrently per cycle (default 20). */
  batchSize?: number;
  /** Delays between attempts (default Svix's: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). */
  retryDelaysMs?: readonly number[];
  userAgent?: string;
}

/** A running delivery worker. */
export interface WebhookWorker {
  /** One cycle: fans out new events, then claims, sends and records due deliveries. @returns how many were attempted */
  runOnce(): Promise<number>;
  /** Stops polling and resolves once the cycle in progress (its in-flight sends) has finished. */
  stop(): Promise<void>;
}

const FAN_OUT_BATCH = 100;
const DEFAULT_USER_AGENT = "Latchkey-Webhooks/1.0";

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/**
 * Starts the durable webhook delivery worker. Each cycle turns new outbox events into one delivery
 * per matching endpoint, claims due deliveries under a lease (`FOR UPDATE SKIP LOCKED`, no
 * transaction held during the HTTP call), POSTs them signed, and records the outcome: success,
 * a retry on the back-off schedule, or dead after the last attempt. Several processes may run one
 * each against the same database: every delivery is sent by exactly one of them at a time, and a
 * delivery whose process died is sent again once its lease expires.
 *
 * @example
 * const worker = startWebhookWorker({ store });
 * process.on("SIGTERM", () => void worker.stop());
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const send = options.fetch ?? fetch;
  const logger = options.logger ?? consoleLogger;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const leaseMs = options.leaseMs ?? timeoutMs + 60_000;
  const batchSize = options.batchSize ?? 20;
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const pollIntervalMs = options.pollIntervalMs === undefined ? 1000 : options.pollIntervalMs;

  const deliver = async (delivery: ClaimedWebhookDelivery): Promise<void> => {
    const fields = {
      deliveryId: delivery.id,
      eventId: delivery.eventId,
      endpointId: delivery.endpointId,
      attempt: delivery.attempt,
    };
    try {
      const result = await sendWebhook(delivery, {
        fetch: send,
        now: clock.now(),
        timeoutMs,
        userAgent,
      });
      const outcome = result.ok
        ? result
        : { ...result, retryAt: nextRetryAt(delivery.attempt, clock.now(), delays) };
      const held = await store.recordWebhookAttempt(delivery, outcome);
      if (!held) {
        logger.error("webhook lease lost before the attempt was recorded", fields);
      } else if (outcome.ok) {
        logger.info("webhook delivered", { ...fields, statusCode: outcome.statusCode });
      } else {
        logger.info(outcome.retryAt === null ? "webhook dead" : "webhook attempt failed", {
          ...fields,
          statusCode: outcome.statusCode,
          error: outcome.error,
          retryAt: outcome.retryAt,
        });
      }
    } catch (error) {
      // The lease expires and another cycle retries the delivery.
      logger.error("webhook attempt could not be recorded", { ...fields, error: errorName(error) });
    }
  };

  const cycle = async (): Promise<number> => {
    while ((await store.fanOutWebhookEvents(FAN_OUT_BATCH)) === FAN_OUT_BATCH) {
      // More events are waiting; keep fanning out.
    }
    const claimed = await store.claimWebhookDeliveries({
      limit: batchSize,
      leaseMs,
      maxAttempts: delays.length + 1,
    });
    await Promise.all(claimed.map(deliver));
    return claimed.length;
  };

  // Cycles never overlap within one worker: runOnce waits for the one in progress.
  let current: Promise<unknown> = Promise.resolve();
  const runOnce = (): Promise<number> => {
    const run = current.then(cycle);
    current = run.catch(() => {});
    return run;
  };

  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delayMs: number) => {
    if (stopped || pollIntervalMs === null) return;
    timer = setTimeout(tick, delayMs);
    timer.unref?.();
  };
  const tick = async () => {
    timer = undefined;
    let attempted = 0;
    try {
      attempted = await runOnce();
    } catch (error) {
      logger.error("webhook worker cycle failed", { error: errorName(error) });
    }
    schedule(attempted >= batchSize ? 0 : (pollIntervalMs ?? 0));
  };
  schedule(0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await current;
    },
  };
}
