/**
 * M GenServer casts to one counter server, then one call that waits for all of them (the
 * server handles its mailbox in order). The client logs the count, which the bench checks.
 */
import type { Snippet } from "../../src/share/snippetTypes";

const counter = `import { GenServer } from "otp";

export function start_link(initial: number) {
  return GenServer.start_link(__MODULE__, initial);
}

export function init(initial: number) {
  return ["ok", initial];
}

export function handle_cast(_msg: "inc", n: number) {
  return ["noreply", n + 1];
}

export function handle_call(_msg: "get", _from: unknown, n: number) {
  return ["reply", n, n];
}
`;

export function castSnippet(m: number): Snippet {
  const main = `import { GenServer, spawn, log, Process } from "otp";
import * as Counter from "Counter";

const M = ${m};

async function client() {
  const [, pid] = await Counter.start_link(0);
  await Process.sleep(1);
  for (let i = 0; i < M; i++) GenServer.cast(pid, "inc");
  const n = await GenServer.call(pid, "get");
  log(\`count \${n}\`);
}

export function start() {
  spawn(client);
}
`;
  return { title: `cast ${m}`, files: { "Counter.ts": counter, "Main.ts": main }, main: "Main" };
}
