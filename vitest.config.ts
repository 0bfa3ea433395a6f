import {defineConfig} from 'vitest/config';

/**
 * Test files that render with Remotion in the test process or start servers in it. They run one
 * at a time in forked processes (lane "renders").
 */
const RENDERS = [
	'test/**/*.test.ts',
	'src/server/**/*.test.ts',
	'src/pipeline/render/**/*.test.ts',
	'src/**/*.render.test.ts',
	'src/cli/**/*.test.ts',
	'src/pipeline/output/**/*.test.ts',
];

/**
 * Files of test/ whose work happens in child processes (the CLI, `promptreel serve`): they join
 * the other lane, so its length comes close to the renders' lane.
 */
const CHILD_PROCESSES = [
	'test/cli.test.ts',
	'test/fakes/online-generate.test.ts',
	'test/scaling/multi-server.test.ts',
	'test/lambda/lambda-cli.test.ts',
	'test/template-scaffold.test.ts',
	'test/user-templates.test.ts',
	'test/render-worker.test.ts',
];

/**
 * Two lanes, each one file at a time: vitest runs its pools side by side, so both of CI's 2 cores
 * are busy while no two in-process renders ever share them. Every other file runs in a worker
 * thread (lane "others").
 */
export default defineConfig({
	test: {
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 300_000,
		projects: [
			{
				extends: true,
				test: {name: 'renders', include: RENDERS, exclude: CHILD_PROCESSES, pool: 'forks', globalSetup: ['test/global-setup.ts']},
			},
			{
				extends: true,
				test: {
					name: 'others',
					include: ['src/**/*.test.ts', 'src/**/*.test.tsx', ...CHILD_PROCESSES],
					// Only src/ globs: the files of test/ this lane runs are named one by one above.
					exclude: RENDERS.filter((glob) => glob.startsWith('src/')),
					pool: 'threads',
				},
			},
		],
	},
});
