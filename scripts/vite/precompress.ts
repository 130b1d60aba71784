/**
 * Precompressed copies of the build's files (`x.br` and `x.gz` beside `x`) for a static host to
 * send by Accept-Encoding (scripts/serve.mjs does). Brotli at its best quality for what is under
 * 1 MB; quality 9 above (quality 11 takes over a minute on esbuild.wasm for 12% less). Results
 * are cached by content hash in node_modules/.cache, so a rebuild compresses only what changed
 * (Vite names assets by content hash; esbuild.wasm is the same build after build).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|wasm|ttf|txt|webmanifest)$/;
const MIN_BYTES = 1024;
const br = promisify(brotliCompress);
const gz = promisify(gzip);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function cached(cacheDir: string, key: string, make: () => Promise<Buffer>): Promise<Buffer> {
  const path = join(cacheDir, key);
  if (existsSync(path)) return readFileSync(path);
  const out = await make();
  writeFileSync(path, out);
  return out;
}

export async function precompressDir(outDir: string, cacheDir: string): Promise<{ files: number; bytes: number; brotli: number }> {
  mkdirSync(cacheDir, { recursive: true });
  const files = filesUnder(outDir).filter((f) => COMPRESSIBLE.test(f) && statSync(f).size >= MIN_BYTES);
  let bytes = 0;
  let brotli = 0;
  await Promise.all(
    files.map(async (file) => {
      const data = readFileSync(file);
      const hash = createHash("sha256").update(data).digest("hex");
      const quality = data.length < 1 << 20 ? 11 : 9;
      const [b, g] = await Promise.all([
        cached(cacheDir, `${hash}.q${quality}.br`, () =>
          br(data, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } })),
        cached(cacheDir, `${hash}.gz`, () => gz(data, { level: 9 })),
      ]);
      writeFileSync(`${file}.br`, b);
      writeFileSync(`${file}.gz`, g);
      bytes += data.length;
      brotli += b.length;
    }),
  );
  return { files: files.length, bytes, brotli };
}
