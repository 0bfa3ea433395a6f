// Writes .env.example from the config schema (src/app/config.ts). Run: npm run env-example
// (vite-node scripts/update-env-example.ts); src/app/env-example.test.ts fails until it is run
// after a setting is added or its description changes.
import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {renderEnvExample} from '../src/app/env-example';
import {projectRoot} from '../src/pipeline/project-root';

const file = join(projectRoot(), '.env.example');
await writeFile(file, renderEnvExample());
process.stdout.write(`wrote ${file}\n`);
