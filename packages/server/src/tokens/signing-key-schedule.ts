/** What the schedule reads of a key. */
export interface ScheduledKey {
  createdAt: number;
  activeAt: number;
  longestLifetimeSeconds: number;
}

/** Which key signs now and which keys are published now. */
export interface SigningKeySchedule<K> {
  /** The key to sign with: the latest whose `activeAt` has come (or the oldest, if none has). */
  signing: K | null;
  /** Keys in the JWKS, oldest first. */
  published: K[];
}

/**
 * Works out the key timeline at `now`. A key is published from its creation; it signs from its
 * `activeAt` until its successor's `activeAt`; after that it stays published until every token it
 * signed has expired (`successor.activeAt + longestLifetimeSeconds + retentionSkewMs`), then it
 * is dropped. A key whose successor is not active yet is always published.
 *
 * @example
 * const { signing, published } = signingKeySchedule(keys, clock.now(), 60_000);
 */
export function signingKeySchedule<K extends ScheduledKey>(
  keys: readonly K[],
  now: number,
  retentionSkewMs: number,
): SigningKeySchedule<K> {
  const ordered = [...keys].sort((a, b) => a.activeAt - b.activeAt || a.createdAt - b.createdAt);
  let signing: K | null = ordered[0] ?? null;
  const published: K[] = [];
  ordered.forEach((key, index) => {
    if (key.activeAt <= now) signing = key;
    const successor = ordered[index + 1];
    const dropAt =
      successor === undefined
        ? Number.POSITIVE_INFINITY
        : successor.activeAt + key.longestLifetimeSeconds * 1000 + retentionSkewMs;
    if (now < dropAt) published.push(key);
  });
  return { signing, published };
}
