import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The dashboard's client: built into dist/dashboard/, which the `ui` server serves. Every asset is local
// (no CDN, no web fonts), so the dashboard works offline from the npm package.
const clientRoot = fileURLToPath(new URL("./src/ui/client", import.meta.url));
const outputFolder = fileURLToPath(new URL("./dist/dashboard", import.meta.url));

export default defineConfig({
  root: clientRoot,
  base: "./",
  logLevel: "warn",
  publicDir: false,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: outputFolder,
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
  },
});
