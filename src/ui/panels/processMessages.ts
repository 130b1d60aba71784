/**
 * The messages one process sent or received, newest first, for the inspector: a scan back from
 * the newest send (the model keeps at most MAX_SENDS), stopping once it has enough.
 */
import type { SentMessage } from "../store/model";

export function messagesOf(sends: SentMessage[], pid: string, max: number): SentMessage[] {
  const out: SentMessage[] = [];
  for (let i = sends.length - 1; i >= 0 && out.length < max; i--) {
    const m = sends[i];
    if (m.from === pid || m.to === pid) out.push(m);
  }
  return out;
}
