// Runs in every test worker before any module loads.
process.env.NODE_ENV = "test";
process.env.LOG_LEVEL ??= "silent";
process.env.TZ = "UTC";
