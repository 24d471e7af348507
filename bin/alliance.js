#!/usr/bin/env node
// The `alliance` command. Needs Node.js 22.18 or later (it runs the TypeScript sources directly).
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `alliance needs Node.js 22.18 or later; this is ${process.version}. Run it through npm (npx alliance …, npm start), which uses the project's own Node 24.`,
  );
  process.exit(1);
}
const { main } = await import("../src/cli/main.ts");
const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
