#!/usr/bin/env node
// The `promptreel` command. dist/cli.mjs is built by `npm ci` / `npm run build`.
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
	process.stderr.write('promptreel is not built yet: run "npm run build" (npm ci does it for you).\n');
	process.exit(1);
}
await import(cli);
