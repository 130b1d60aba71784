/**
 * Lane order for the timeline: the supervision tree, depth-first, siblings in spawn order.
 * Processes spawned outside a tree sit under their parent. The shell's children are shown at the
 * top level (the shell is the IEx prompt, not part of the system) and the shell lanes go last.
 */
import type { Lane } from "./model";

export type Row = { lane: Lane; depth: number };

export function treeRows(lanes: Map<string, Lane>, hideDead = false): Row[] {
  const children = new Map<string | null, Lane[]>();
  const roots: Lane[] = [];
  const shells: Lane[] = [];
  for (const lane of lanes.values()) {
    if (lane.kind === "shell") shells.push(lane);
    const parent = lane.parent && lanes.has(lane.parent) ? lanes.get(lane.parent)! : null;
    if (lane.kind === "shell" || !parent) {
      if (lane.kind !== "shell") roots.push(lane);
      continue;
    }
    if (parent.kind === "shell") roots.push(lane);
    else {
      const list = children.get(parent.pid) ?? [];
      list.push(lane);
      children.set(parent.pid, list);
    }
  }
  const rows: Row[] = [];
  const visit = (lane: Lane, depth: number) => {
    if (!(hideDead && lane.status === "dead")) rows.push({ lane, depth });
    for (const child of children.get(lane.pid) ?? []) visit(child, depth + 1);
  };
  const byOrder = (a: Lane, b: Lane) => a.order - b.order;
  for (const list of children.values()) list.sort(byOrder);
  for (const root of roots.sort(byOrder)) visit(root, 0);
  for (const shell of shells.sort(byOrder)) if (!(hideDead && shell.status === "dead")) rows.push({ lane: shell, depth: 0 });
  return rows;
}
