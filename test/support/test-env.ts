import {join, resolve} from 'node:path';

export const ROOT = resolve(__dirname, '../..');
/** Data dir of the tests: bundles persist between local runs; CI starts from a clean clone. */
export const TEST_DATA_DIR = join(ROOT, '.cache/test-data');
export const CLI = join(ROOT, 'bin/promptreel.mjs');
export const SAMPLES_DIR = join(ROOT, 'src/compositions/templates/explainer/samples');
