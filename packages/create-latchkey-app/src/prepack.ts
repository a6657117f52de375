// `prepack` of create-latchkey-app: puts the demo's current files into template/ so that the
// packed package can create apps without the repository (see write-packaged-template.ts).

import { writePackagedTemplate } from "./internal/write-packaged-template.js";
import { enclosingRepository, packageRoot } from "./template-source.js";

const repoRoot = enclosingRepository();
if (!repoRoot) {
  console.error("create-latchkey-app: prepack runs inside the Latchkey repository only.");
  process.exit(1);
}
const files = writePackagedTemplate(repoRoot, packageRoot());
console.log(`create-latchkey-app: template/ holds the demo's ${files.length} files.`);
