/** The build's precompiled built-in snippets (scripts/vite/precompiledLessons.ts), one chunk each. */
declare module "virtual:precompiled-lessons" {
  import type { PrecompiledTable } from "../../compiler/precompiled";
  export const tables: Record<string, () => Promise<{ default: PrecompiledTable }>>;
}
