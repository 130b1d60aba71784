/** The console's suggestion, from what is running (so it names a process that exists), in the snippet's language. */
import { elixirName, type DisplayLanguage } from "../format";
import type { Lane } from "../store/model";

/** Something worth typing for what is running: a named GenServer's state, else the process list. */
export function consoleHint(lanes: Iterable<Lane>, language: DisplayLanguage = "typescript"): string {
  let named: Lane | undefined;
  const elixir = language === "elixir";
  for (const lane of lanes) {
    if (lane.status === "dead" || !lane.name) continue;
    if (lane.kind === "gen_server") return elixir ? `:sys.get_state(${elixirName(lane.name)})` : `sys.get_state("${lane.name}")`;
    named ??= lane;
  }
  if (elixir) return named ? `Process.whereis(${elixirName(named.name!)}) |> Process.info()` : "Process.list()";
  return named ? `Process.info("${named.name}")` : "Process.list()";
}
