/** The console's suggestion, from what is running (so it names a process that exists). */
import type { Lane } from "../store/model";

/** Something worth typing for what is running: a named GenServer's state, else the process list. */
export function consoleHint(lanes: Iterable<Lane>): string {
  let named: Lane | undefined;
  for (const lane of lanes) {
    if (lane.status === "dead" || !lane.name) continue;
    if (lane.kind === "gen_server") return `sys.get_state("${lane.name}")`;
    named ??= lane;
  }
  return named ? `Process.info("${named.name}")` : "Process.list()";
}
