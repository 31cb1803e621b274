import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { precompressPlugin } from "../../tools/precompress.mjs";

const api = process.env.API_URL ?? "http://127.0.0.1:4000";
// The API's routes go through the dev server, so the session cookie stays first-party exactly as
// in production, where the API serves this build at /portal from the same origin.
const proxied = ["/graphql", "/portal/auth", "/healthz"];

export default defineConfig({
  base: "/portal/",
  // Brotli and gzip copies of every text file, which the API sends to browsers that accept them.
  plugins: [react(), precompressPlugin()],
  server: {
    port: Number(process.env.PORTAL_DEV_PORT ?? 5174),
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: api, changeOrigin: false }])),
  },
  build: {
    outDir: "dist",
    // No source maps in the production build: they would publish the source next to the app.
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 50 },
            { name: "mui", test: /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group|react-is|clsx|prop-types|stylis|hoist-non-react-statics)[\\/]/, priority: 40 },
            { name: "apollo", test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|zen-observable|@graphql-typed-document-node)[\\/]/, priority: 40 },
            { name: "i18n", test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 40 },
            { name: "router", test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/, priority: 40 },
          ],
        },
      },
    },
  },
});
