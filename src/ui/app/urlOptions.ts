/** The page's URL options (SPEC §6): `?autoplay=1`, `?speed=N` (0.1–100), `?embed=1`. */
export type UrlOptions = { autoplay: boolean; speed: number; embed: boolean };

export function readUrlOptions(search: string): UrlOptions {
  const q = new URLSearchParams(search);
  const flag = (name: string) => q.has(name) && q.get(name) !== "0" && q.get(name) !== "false";
  const raw = Number(q.get("speed"));
  const speed = q.has("speed") && Number.isFinite(raw) && raw > 0 ? Math.min(100, Math.max(0.1, raw)) : 1;
  return { autoplay: flag("autoplay"), speed, embed: flag("embed") };
}
