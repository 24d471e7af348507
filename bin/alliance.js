#!/usr/bin/env node
// The `alliance` command. Needs Node.js 22.18 or later (it runs the TypeScript sources directly).
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `alliance needs Node.js 22.18 or later; this is ${process.version}. Run it through npm (npx alliance …, npm start), which uses the project's own Node 24.`,
  );
  process.exit(1);
}
// Compiled modules are cached on disk (Node's compile cache), so later runs start faster.
const { shareCompileCache } = await import("../src/cli/compile-cache.ts");
shareCompileCache();
const { run } = await import("../src/cli/main.ts");
await run(process.argv.slice(2));
