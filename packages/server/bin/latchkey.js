#!/usr/bin/env node
// The `latchkey` command. A file of its own, in git, so that `pnpm install` links the command
// before the first build (a bin that names dist/ would be skipped on a fresh clone, and
// `pnpm dev` could not run `latchkey dev`); it runs the built CLI.
import "../dist/cli.js";
