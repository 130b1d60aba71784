/**
 * M ping-pong round trips between two processes, Erlang style: `{ping, self()}` and a `pong`
 * back. Both processes exist at time 0; the first ping goes at 1 ms (the timed window).
 */
import type { Snippet } from "../../src/share/snippetTypes";

export function pingpongSnippet(m: number): Snippet {
  const main = `import { spawn, send, receive, self, log, Process } from "otp";

type Pid = ReturnType<typeof self>;
const M = ${m};

async function ponger() {
  while (true) {
    const [, from] = await receive() as ["ping", Pid];
    send(from, "pong");
  }
}

async function pinger(pong: Pid) {
  await Process.sleep(1);
  for (let i = 0; i < M; i++) {
    send(pong, ["ping", self()]);
    await receive();
  }
  log(\`done \${M}\`);
}

export function start() {
  const pong = spawn(ponger);
  spawn(() => pinger(pong));
}
`;
  return { title: `ping-pong ${m}`, files: { "Main.ts": main }, main: "Main" };
}
