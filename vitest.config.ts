import {defineConfig} from 'vitest/config';

/**
 * Test files that render with Remotion, start servers or run the CLI as a child process. They run
 * one at a time in forked processes; every other file runs one at a time in a worker thread, beside
 * them. Two lanes keep both of CI's 2 cores busy without two renders fighting over them.
 */
const HEAVY = [
	'test/**/*.test.ts',
	'src/server/**/*.test.ts',
	'src/pipeline/render/**/*.test.ts',
	'src/**/*.render.test.ts',
	'src/cli/**/*.test.ts',
	'src/pipeline/output/**/*.test.ts',
];

export default defineConfig({
	test: {
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 300_000,
		projects: [
			{
				extends: true,
				test: {name: 'heavy', include: HEAVY, pool: 'forks', globalSetup: ['test/global-setup.ts']},
			},
			{
				extends: true,
				test: {name: 'light', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], exclude: HEAVY, pool: 'threads'},
			},
		],
	},
});
