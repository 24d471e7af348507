#!/usr/bin/env node
// The `alliance` command. Needs Node.js 22.18 or later (it runs the TypeScript sources directly).
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `alliance needs Node.js 22.18 or later; this is ${process.version}. Run it through npm (npx alliance …, npm start), which uses the project's own Node 24.`,
  );
  process.exit(1);
}
// Compiled modules are cached on disk (Node's compile cache), so later runs start faster; worker threads
// (`alliance analyze` on many files) find the cache through the environment.
const { enableCompileCache } = await import("node:module");
const cache = enableCompileCache?.();
if (cache?.directory && process.env.NODE_COMPILE_CACHE === undefined)
  process.env.NODE_COMPILE_CACHE = cache.directory;
const { main } = await import("../src/cli/main.ts");
// Set, not exit: output still on its way to a pipe is written before the process ends.
process.exitCode = await main(process.argv.slice(2));
