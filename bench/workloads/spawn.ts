/**
 * Spawn N processes that each wait in `receive`, as a user would write it in the playground.
 * The spawner sleeps 1 ms of virtual time first, so `Session.start` (which runs time 0) only
 * compiles and sets up: the timed `advance(1)` does the spawning and runs every new process
 * to its `receive`. Used both for spawn time and for bytes per idle process.
 */
import type { Snippet } from "../../src/share/snippetTypes";

export function spawnSnippet(n: number): Snippet {
  const main = `import { spawn, receive, log, Process } from "otp";

const N = ${n};

// An idle process: it waits for a message that never comes.
async function idle() {
  await receive();
}

async function spawner() {
  await Process.sleep(1);
  for (let i = 0; i < N; i++) spawn(idle);
  log(\`spawned \${N}\`);
}

export function start() {
  spawn(spawner);
}
`;
  return { title: `spawn ${n}`, files: { "Main.ts": main }, main: "Main" };
}
