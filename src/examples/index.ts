/** The built-in demos, in teaching order. */
import type { Demo } from "./demo";
import { seedRecompile } from "./demos/seed-recompile";
import { upgradeCodeChange } from "./demos/upgrade-code-change";
import { recompileUpgradeRestart } from "./demos/recompile-upgrade-restart";
import { modulesDontOwnProcesses } from "./demos/modules-dont-own-processes";
import { loopsAndPurge } from "./demos/loops-and-purge";
import { removedFunction } from "./demos/removed-function";
import { supervisorCrash } from "./demos/supervisor-crash";
import { linksMonitors } from "./demos/links-monitors";
import { callTimeout } from "./demos/call-timeout";
import { selectiveReceive } from "./demos/selective-receive";

export type { Demo } from "./demo";

export const demos: Demo[] = [seedRecompile, upgradeCodeChange, recompileUpgradeRestart, modulesDontOwnProcesses, loopsAndPurge, removedFunction, supervisorCrash, linksMonitors, selectiveReceive, callTimeout];

export function findDemo(id: string): Demo | undefined {
  return demos.find((d) => d.id === id);
}
