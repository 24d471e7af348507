/** The import rule of docs/architecture.md: core ← store ← server/cli; web talks HTTP and imports types only. */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment: "src/core imports nothing of ours outside src/core and no Node built-ins (no I/O).",
      severity: "error",
      from: { path: "^src/core/" },
      to: { pathNot: "^src/core/", dependencyTypesNot: ["npm", "npm-dev", "type-only"] },
    },
    {
      name: "store-only-core",
      severity: "error",
      from: { path: "^src/store/" },
      to: { path: "^src/(server|cli)/" },
    },
    {
      name: "server-not-cli",
      severity: "error",
      from: { path: "^src/server/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "src-not-web",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^web/" },
    },
    {
      name: "web-types-only",
      comment: "web/ talks to the server over HTTP; from src/ it may import types only.",
      severity: "error",
      from: { path: "^web/" },
      to: { path: "^src/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true, dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(node_modules|dist)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
  },
};
