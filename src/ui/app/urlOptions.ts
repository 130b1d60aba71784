/**
 * The page's URL options (SPEC §6): `?autoplay=1`, `?speed=N` (0.1–100), `?embed=1`, plus
 * `?readonly=1` (the code cannot be edited; embed mode is always read-only) and `?theme=light|dark`
 * (for an embed that must match the page around it; not remembered), and `?messages=1|0` (show
 * the message view or not, whatever the visitor last chose; not remembered either).
 */
export type UrlOptions = {
  autoplay: boolean;
  speed: number;
  embed: boolean;
  readOnly: boolean;
  theme: "light" | "dark" | null;
  messages: boolean | null;
};

export function readUrlOptions(search: string): UrlOptions {
  const q = new URLSearchParams(search);
  const flag = (name: string) => q.has(name) && q.get(name) !== "0" && q.get(name) !== "false";
  const raw = Number(q.get("speed"));
  const speed = q.has("speed") && Number.isFinite(raw) && raw > 0 ? Math.min(100, Math.max(0.1, raw)) : 1;
  const theme = q.get("theme");
  const embed = flag("embed");
  return {
    autoplay: flag("autoplay"), speed, embed, readOnly: embed || flag("readonly"),
    theme: theme === "light" || theme === "dark" ? theme : null,
    messages: q.has("messages") ? flag("messages") : null,
  };
}
