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

/** One key's place in the timeline: when it signs and until when it is published. */
export interface SigningKeyTimelineEntry<K> {
  key: K;
  /** Published from its `createdAt`; signs from `activeAt` until its successor's `activeAt`. */
  signsUntil: number | null;
  /** Dropped from the JWKS at this time (null: no successor yet, published for as long). */
  publishedUntil: number | null;
}

/**
 * The key timeline, ordered by `activeAt`. A key is published from its creation; it signs from its
 * `activeAt` until its successor's `activeAt`; after that it stays published until every token it
 * signed has expired (`successor.activeAt + longestLifetimeSeconds + retentionSkewMs`), then it
 * is dropped. A key whose successor is not active yet is always published.
 *
 * @example
 * signingKeyTimeline(keys, 60_000); // [{ key, signsUntil: 605_000, publishedUntil: 665_000 }, …]
 */
export function signingKeyTimeline<K extends ScheduledKey>(
  keys: readonly K[],
  retentionSkewMs: number,
): SigningKeyTimelineEntry<K>[] {
  const ordered = [...keys].sort((a, b) => a.activeAt - b.activeAt || a.createdAt - b.createdAt);
  return ordered.map((key, index) => {
    const successor = ordered[index + 1];
    return successor === undefined
      ? { key, signsUntil: null, publishedUntil: null }
      : {
          key,
          signsUntil: successor.activeAt,
          publishedUntil: successor.activeAt + key.longestLifetimeSeconds * 1000 + retentionSkewMs,
        };
  });
}

/**
 * Works out the key timeline ({@link signingKeyTimeline}) at `now`: the key that signs and the
 * keys that are published.
 *
 * @example
 * const { signing, published } = signingKeySchedule(keys, clock.now(), 60_000);
 */
export function signingKeySchedule<K extends ScheduledKey>(
  keys: readonly K[],
  now: number,
  retentionSkewMs: number,
): SigningKeySchedule<K> {
  const timeline = signingKeyTimeline(keys, retentionSkewMs);
  let signing: K | null = timeline[0]?.key ?? null;
  const published: K[] = [];
  for (const { key, publishedUntil } of timeline) {
    if (key.activeAt <= now) signing = key;
    if (publishedUntil === null || now < publishedUntil) published.push(key);
  }
  return { signing, published };
}
