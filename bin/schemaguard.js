#!/usr/bin/env node
// Thin launcher for the bundled CLI (dist/bundle/, made by scripts/bundle.js). CommonJS (see bin/package.json)
// because an ES module entry costs every hook run ~6 ms of ESM loader start-up. A check goes to the repository's
// resident server when one listens (src/server/); otherwise, or when that fails, the CLI runs here.
const argv = process.argv.slice(2);
require('../dist/bundle/client.cjs')
  .runViaServer(argv)
  .then((outcome) => {
    if ('exitCode' in outcome) process.exitCode = outcome.exitCode;
    else return require('../dist/bundle/cli.cjs').main(argv, outcome.stdin);
  });
