import { describe, expect, it } from "vitest";

import { latestRequests } from "./latestRequests";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A backend whose answers the test releases by hand. */
function controlled() {
  const sent: number[] = [];
  const waiting: { resolve(v: string): void; reject(e: unknown): void }[] = [];
  const send = (q: number) => {
    sent.push(q);
    return new Promise<string>((resolve, reject) => waiting.push({ resolve, reject }));
  };
  return { sent, waiting, send };
}

describe("latest requests", () => {
  it("sends at once, collapses what comes meanwhile into the newest, and times from the input", async () => {
    const { sent, waiting, send } = controlled();
    const seen: [string, number, number][] = [];
    const busy: boolean[] = [];
    let clock = 0;
    const r = latestRequests(send, {
      onAnswer: (a, q, ms) => seen.push([a, q, ms]),
      onError: () => undefined,
      onBusy: (b) => busy.push(b),
    }, () => clock);
    r.submit(1);
    clock = 5;
    r.submit(2);
    clock = 7;
    r.submit(3);
    expect(sent).toEqual([1]);
    clock = 20;
    waiting.shift()?.resolve("one");
    await flush();
    expect(seen).toEqual([]); // superseded by 3, which goes next
    expect(sent).toEqual([1, 3]);
    clock = 30;
    waiting.shift()?.resolve("three");
    await flush();
    expect(seen).toEqual([["three", 3, 23]]);
    expect(busy.at(-1)).toBe(false);
  });

  it("reports the newest query's error, and after a reset ignores the answer in flight", async () => {
    const { sent, waiting, send } = controlled();
    const errors: [unknown, number][] = [];
    const answers: string[] = [];
    const r = latestRequests(send, {
      onAnswer: (a) => answers.push(a),
      onError: (e, q) => errors.push([e, q]),
      onBusy: () => undefined,
    });
    r.submit(1);
    waiting.shift()?.reject("bad");
    await flush();
    expect(errors).toEqual([["bad", 1]]);
    r.submit(2);
    r.reset();
    r.submit(3); // a new session sends at once, not after the abandoned request
    expect(sent).toEqual([1, 2, 3]);
    waiting.shift()?.resolve("two");
    waiting.shift()?.resolve("three");
    await flush();
    expect(answers).toEqual(["three"]);
  });
});
