import type { Plugin } from "vite";

export interface PrecompressTotals {
  count: number;
  before: number;
  brotli: number;
  gzip: number;
}
export function precompressDir(dist: string): PrecompressTotals;
export function describe(dist: string, totals: PrecompressTotals): string;
export function precompressPlugin(): Plugin;
