// Types for tools/precompress.mjs, self-contained: tools/ has no node_modules to resolve vite from.
export interface PrecompressTotals {
  count: number;
  before: number;
  brotli: number;
  gzip: number;
}
export function precompressDir(dist: string): PrecompressTotals;
export function describe(dist: string, totals: PrecompressTotals): string;
/** A Vite plugin (structurally): writes the copies once the production build is on disk. */
export function precompressPlugin(): {
  name: string;
  apply: "build";
  configResolved(config: { root: string; build: { outDir: string } }): void;
  closeBundle: { order: "post"; sequential: true; handler(): void };
};
