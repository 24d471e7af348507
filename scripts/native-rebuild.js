// Builds better-sqlite3 for the Node.js this project brings (the `node` dev dependency).
// `npm install` may run under an older system Node with its own headers, producing an addon
// the project's Node cannot load; this rebuilds it against the project's Node headers, offline.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

function loads() {
  const probe = spawnSync(
    process.execPath,
    ["-e", "new (require('better-sqlite3'))(':memory:').close()"],
    { stdio: "ignore" },
  );
  return probe.status === 0;
}

const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  console.error(
    `alliance: running on Node ${process.version}; the project's Node 24 (devDependency "node") is missing. Run \`npm install\` again without --omit=dev.`,
  );
  process.exit(0);
}

if (loads()) process.exit(0);

let nodedir;
try {
  const nodePkg = require.resolve("node/package.json");
  const platformPkg = require.resolve(`node-${process.platform}-${process.arch}/package.json`, {
    paths: [path.dirname(nodePkg)],
  });
  nodedir = path.dirname(platformPkg);
} catch {
  nodedir = undefined;
}
if (!nodedir || !existsSync(path.join(nodedir, "include", "node"))) {
  console.error("alliance: cannot find the Node.js headers of the project's Node; better-sqlite3 was not rebuilt.");
  process.exit(1);
}

console.error(`alliance: building better-sqlite3 for Node ${process.version} (about a minute)…`);
execFileSync("npm", ["rebuild", "better-sqlite3", `--nodedir=${nodedir}`], { stdio: "inherit" });
if (!loads()) {
  console.error("alliance: better-sqlite3 still does not load after the rebuild.");
  process.exit(1);
}
