import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
		// Real renders and child processes: one file at a time keeps 2 cores honest.
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 300_000,
		globalSetup: ['test/global-setup.ts'],
	},
});
