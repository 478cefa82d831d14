// Live analyses (the editor's what-if, the threshold explorer) re-evaluate on every
// input event. Sending each would queue stale work behind the newest input, and a
// debounce would add its delay to every answer. Instead at most one request is in
// flight; inputs made meanwhile collapse into the newest, sent as soon as the answer is
// in. So an answer is one round trip behind the user, whatever the input rate, and its
// latency (input → answer) is measured where the input was made.

export interface LatestRequestHandlers<Q, A> {
  /** The answer to the newest query (answers superseded by a waiting query are dropped). */
  onAnswer(answer: A, query: Q, latencyMs: number): void;
  /** The newest query failed. */
  onError(error: unknown, query: Q, latencyMs: number): void;
  /** Whether a request is in flight or waiting. */
  onBusy(busy: boolean): void;
}

export interface LatestRequests<Q> {
  /** Sends `query` now, or as soon as the answer in flight is in (replacing any query waiting). */
  submit(query: Q): void;
  /** Forgets the query waiting and ignores the answer in flight (switched off, closed). */
  reset(): void;
}

export function latestRequests<Q, A>(
  send: (query: Q) => Promise<A>,
  handlers: LatestRequestHandlers<Q, A>,
  now: () => number = () => performance.now(),
): LatestRequests<Q> {
  // Bumped by `reset`: an answer from an older generation is dropped.
  let generation = 0;
  let inFlight = false;
  // The newest query not yet sent, and when it was made (the latency clock starts there).
  let pending: { query: Q; since: number } | null = null;

  const pump = async () => {
    if (inFlight || pending === null) return;
    const { query, since } = pending;
    pending = null;
    const mine = generation;
    inFlight = true;
    try {
      const answer = await send(query);
      // With a newer query waiting, its answer follows at once: showing this one would
      // only flicker, and its latency would not be the latest input's.
      if (mine === generation && pending === null) handlers.onAnswer(answer, query, now() - since);
    } catch (error) {
      if (mine === generation && pending === null) handlers.onError(error, query, now() - since);
    } finally {
      if (mine === generation) {
        inFlight = false;
        handlers.onBusy(pending !== null);
        void pump();
      }
    }
  };

  return {
    submit(query) {
      pending = { query, since: now() };
      handlers.onBusy(true);
      void pump();
    },
    reset() {
      generation++;
      inFlight = false;
      pending = null;
    },
  };
}
