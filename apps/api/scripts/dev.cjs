// `pnpm dev` for the API: compile once, then recompile on change (tsc --watch) and restart the server
// whenever the output changes (node --watch). The Vite dev servers of the admin and the portal proxy
// to it (http://127.0.0.1:4000 unless PORT says otherwise).
const { spawn, spawnSync } = require("node:child_process");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const tsc = require.resolve("typescript/bin/tsc");
const first = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
if (first.status !== 0) process.exit(first.status ?? 1);

const children = [
  spawn(process.execPath, [tsc, "-p", "tsconfig.build.json", "--watch", "--preserveWatchOutput"], { cwd: root, stdio: "inherit" }),
  spawn(process.execPath, ["--watch-path=dist", "--watch-preserve-output", "dist/src/main.js", "--demo-if-empty"], {
    cwd: root,
    stdio: "inherit",
    // Readable log lines: turbo pipes this output, so the API would not see a terminal.
    env: { LOG_LEVEL: "info", LOG_FORMAT: "pretty", ...process.env },
  }),
];
const stop = (signal) => {
  for (const child of children) child.kill(signal);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
for (const child of children) child.on("exit", (code) => {
  stop("SIGTERM");
  process.exitCode = code ?? 0;
});
