import type { Server } from "node:http";
export declare function serveStatic(options?: { dir?: string; port?: number; host?: string }): Promise<{
  server: Server;
  stats: { bytes: number; requests: { path: string; bytes: number; encoding: string | null }[] };
  url: string;
}>;
