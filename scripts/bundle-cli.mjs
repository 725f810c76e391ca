#!/usr/bin/env node
// Bundles the CLI (and the check worker) into dist/bundle/: a few ESM files instead of hundreds of modules
// resolved at start-up. Split chunks keep what a command does not use (model providers, the MCP SDK, the
// task runner) in files that are loaded only by `import()`. `tsc` still builds dist/ for the library entries.
import { chmodSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const repository = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(repository, "dist", "bundle");
rmSync(outdir, { recursive: true, force: true });

// zod's namespace object re-exports its 60-odd locales, which every thread would load and compile; Specwright
// only ever uses English, which zod configures by importing it directly.
const englishOnlyZod = {
  name: "english-only-zod",
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${join("node_modules", "zod")}`)
        ? { path: "zod-locales", namespace: "english-only-zod" }
        : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: "english-only-zod" }, () => ({
      contents: 'export { default as en } from "zod/v4/locales/en.js";',
      resolveDir: repository,
    }));
  },
};

/**
 * `check` and `status` (main.ts imports `sole-command-program.js` for them) run from one file of their own,
 * built below without splitting: in the split build their modules sit in some seventy chunks shared with the
 * other commands, and resolving and linking each chunk cost those two commands tens of milliseconds a run.
 */
const soleCommandFile = {
  name: "sole-command-file",
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\/sole-command-program\.js$/ }, (args) =>
      args.importer.endsWith(join("src", "cli", "main.ts"))
        ? { path: "./specwright-check.js", external: true }
        : undefined,
    );
  },
};

const common = {
  absWorkingDir: repository,
  bundle: true,
  format: "esm",
  platform: "node",
  // ESM builds first: jsonc-parser's CommonJS build is UMD, whose require() calls esbuild cannot follow.
  mainFields: ["module", "main"],
  target: "node20.19",
  // CommonJS packages (picomatch, jsonc-parser…) call require() for Node built-ins, which ESM lacks.
  banner: {
    js: 'import { createRequire as __specwrightRequire } from "node:module"; const require = __specwrightRequire(import.meta.url);',
  },
  legalComments: "none",
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
  // `SPECWRIGHT_METAFILE=file npm run build` writes what each chunk holds and imports, to see what a command loads.
  metafile: process.env.SPECWRIGHT_METAFILE !== undefined,
};

const result = await build({
  ...common,
  entryPoints: { specwright: "src/cli/main.ts", "check-worker": "src/engine/check/check-worker.ts" },
  outdir,
  splitting: true,
  // Every chunk beside the entries, so `new URL("./check-worker.js", import.meta.url)` finds the worker
  // from whichever chunk holds the caller.
  chunkNames: "chunk-[hash]",
  plugins: [englishOnlyZod, soleCommandFile],
});
// The modules `check` and `status` import only on demand (zod, yaml, the approvals reader…) are in this file
// too, but evaluated only when imported: V8 compiles a function when it first runs, so they cost their parse.
const sole = await build({
  ...common,
  entryPoints: { "specwright-check": "src/cli/sole-command-program.ts" },
  outdir,
  splitting: false,
  plugins: [englishOnlyZod],
});
if (process.env.SPECWRIGHT_METAFILE) {
  const outputs = { ...result.metafile.outputs, ...sole.metafile.outputs };
  writeFileSync(process.env.SPECWRIGHT_METAFILE, JSON.stringify({ ...result.metafile, outputs }));
}

// `node dist/cli/main.js` (the README, CI, scripts) runs the bundle too: tsc's unbundled main.js is replaced.
const shim = join(repository, "dist", "cli", "main.js");
writeFileSync(
  shim,
  '#!/usr/bin/env node\n// The CLI is bundled (scripts/bundle-cli.mjs); this path stays for scripts that name it.\nimport "../bundle/specwright.js";\n',
);
chmodSync(shim, 0o755);
chmodSync(join(outdir, "specwright.js"), 0o755);
