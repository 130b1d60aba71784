/**
 * Pointer gestures on the timeline: pressing or dragging on the time axis travels to the time under
 * the pointer; a plain drag on the lanes pans the time window (a click that did not move still
 * selects). Both use pointer capture, so a drag that leaves the element goes on.
 */
import { useEffect, useRef } from "react";
import { travelTo } from "../app/travel";

type Geometry = { head: number; width: number; t0: number; t1: number };

/** Drag on the axis to travel; returns a ref to put on the axis element. */
export function useAxisScrub(geometry: () => Geometry, onStart: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current!;
    let dragging = false;
    const timeAt = (clientX: number) => {
      const g = geometry();
      const x = clientX - el.getBoundingClientRect().left;
      return g.t0 + (Math.min(g.width, Math.max(0, x)) / g.width) * (g.t1 - g.t0);
    };
    const down = (e: PointerEvent) => {
      if (e.button !== 0 || (e.target as HTMLElement).closest("button, .swap-flag")) return; // a swap flag has its own click
      dragging = true;
      el.setPointerCapture(e.pointerId);
      onStart();
      travelTo(timeAt(e.clientX));
    };
    const move = (e: PointerEvent) => {
      if (dragging) travelTo(timeAt(e.clientX));
    };
    const up = () => {
      dragging = false;
    };
    el.addEventListener("pointerdown", down);
    el.addEventListener("pointermove", move);
    el.addEventListener("pointerup", up);
    el.addEventListener("pointercancel", up);
    return () => {
      el.removeEventListener("pointerdown", down);
      el.removeEventListener("pointermove", move);
      el.removeEventListener("pointerup", up);
      el.removeEventListener("pointercancel", up);
    };
  }, []);
  return ref;
}

/** A plain drag on the lanes pans by the time it covers; the click after a drag is swallowed. */
export function useDragPan(el: React.RefObject<HTMLDivElement | null>, geometry: () => Geometry, panBy: (deltaMs: number) => void) {
  useEffect(() => {
    const box = el.current!;
    let start: { x: number; last: number; id: number } | null = null;
    let moved = false;
    const down = (e: PointerEvent) => {
      if (e.button !== 0 || e.pointerType === "touch") return; // touch scrolls the rows natively
      const x = e.clientX - box.getBoundingClientRect().left;
      if (x < geometry().head) return; // the headers select and scroll; only the tracks pan
      start = { x: e.clientX, last: e.clientX, id: e.pointerId };
      moved = false;
    };
    const move = (e: PointerEvent) => {
      if (!start) return;
      if (!moved && Math.abs(e.clientX - start.x) < 4) return;
      if (!moved) {
        moved = true;
        box.setPointerCapture(start.id);
        box.classList.add("panning");
      }
      const g = geometry();
      panBy(((start.last - e.clientX) / g.width) * (g.t1 - g.t0));
      start.last = e.clientX;
    };
    const up = () => {
      start = null;
      box.classList.remove("panning");
    };
    const click = (e: MouseEvent) => {
      if (moved) {
        e.stopPropagation();
        e.preventDefault();
        moved = false;
      }
    };
    box.addEventListener("pointerdown", down);
    box.addEventListener("pointermove", move);
    box.addEventListener("pointerup", up);
    box.addEventListener("pointercancel", up);
    box.addEventListener("click", click, true);
    return () => {
      box.removeEventListener("pointerdown", down);
      box.removeEventListener("pointermove", move);
      box.removeEventListener("pointerup", up);
      box.removeEventListener("pointercancel", up);
      box.removeEventListener("click", click, true);
    };
  }, []);
}
