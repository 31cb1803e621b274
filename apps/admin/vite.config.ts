import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { precompressPlugin } from "../../tools/precompress.mjs";

const api = process.env.API_URL ?? "http://127.0.0.1:4000";
// Everything the API serves besides the admin itself goes through the dev server to the API,
// so cookies stay first-party exactly as in production (one origin).
const proxied = ["/graphql", "/auth", "/bulk-jobs", "/portal", "/healthz", "/webhooks"];

export default defineConfig({
  base: "/admin/",
  // Brotli and gzip copies of every text file, which the API sends to browsers that accept them.
  plugins: [react(), precompressPlugin()],
  server: {
    port: Number(process.env.ADMIN_DEV_PORT ?? 5173),
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: api, changeOrigin: false }])),
  },
  build: {
    outDir: "dist",
    // No source maps in the production build: they would publish the source next to the app.
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries that every page needs get their own long-cached chunks. MUI, the data grid and
        // the charts are deliberately not grouped: a group takes every matching module and the
        // modules they import, so the sign-in page would download the grid. Left alone, rolldown
        // puts the MUI modules the shell needs in the entry and the rest in the lazy chunks.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 50 },
            { name: "apollo", test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|zen-observable|@graphql-typed-document-node)[\\/]/, priority: 40 },
            { name: "i18n", test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 40 },
            { name: "router", test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/, priority: 40 },
          ],
        },
      },
    },
  },
});
