/**
 * A token goes M hops round a ring of N processes; the process that receives 0 logs "done".
 * Two user styles, both in SPEC §3: a `while` loop, and the Erlang way (a function that
 * receives, then calls itself in tail position), which must run in constant memory.
 * The ring is built at time 0 (inside `Session.start`); the token is sent at 1 ms, so the
 * timed `advance(1)` measures message passing only.
 */
import type { Snippet } from "../../src/share/snippetTypes";

export type RingStyle = "while" | "tail";

const relays: Record<RingStyle, string> = {
  while: `async function relay(next: Pid) {
  while (true) {
    const k: number = await receive();
    if (k === 0) return log("done");
    send(next, k - 1);
  }
}`,
  tail: `async function relay(next: Pid): Promise<void> {
  const k: number = await receive();
  if (k === 0) return log("done");
  send(next, k - 1);
  return relay(next);
}`,
};

export function ringSnippet(n: number, m: number, style: RingStyle): Snippet {
  const main = `import { spawn, send, receive, self, log, Process } from "otp";

type Pid = ReturnType<typeof self>;
const N = ${n};
const M = ${m};

${relays[style]}

async function ring() {
  // Each new process forwards to the one spawned before it; the first forwards to us.
  let next = self();
  for (let i = 0; i < N - 1; i++) {
    const to = next;
    next = spawn(() => relay(to));
  }
  await Process.sleep(1);
  send(next, M);
  await relay(next);
}

export function start() {
  spawn(ring);
}
`;
  return { title: `ring ${n} x ${m} (${style})`, files: { "Main.ts": main }, main: "Main" };
}
