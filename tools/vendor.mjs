// Copy the front-end libraries the pages load from node_modules/ (filled by `npm ci` from the
// npm registry) into graphsvc/static/vendor/, which the app serves and the wheel carries.
// The list is package.json's "vendor" map: served file name -> file inside node_modules/.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { vendor } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const target = join(root, "graphsvc", "static", "vendor");
mkdirSync(target, { recursive: true });
let missing = 0;
for (const [name, source] of Object.entries(vendor)) {
  const from = join(root, "node_modules", source);
  if (!existsSync(from)) {
    console.error(`vendor: ${from} is missing: run npm ci first`);
    missing += 1;
    continue;
  }
  copyFileSync(from, join(target, name));
}
process.exit(missing ? 1 : 0);
