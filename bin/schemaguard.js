#!/usr/bin/env node
// Thin launcher for the bundled CLI (dist/bundle/, made by scripts/bundle.js). CommonJS (see bin/package.json)
// because an ES module entry costs every hook run ~6 ms of ESM loader start-up.
require('../dist/bundle/cli.cjs').main(process.argv.slice(2));
