import {spawn} from 'node:child_process';
import {CLI, TEST_DATA_DIR} from './test-env';

export type CliResult = {status: number | null; stdout: string; stderr: string};

/**
 * Runs the built `promptreel` command as a child process. Asynchronous on purpose: a blocking
 * spawnSync starves vitest's worker RPC during long renders.
 */
export const runCli = (args: string[], o: {cwd: string; env?: Record<string, string>; timeoutMs?: number}): Promise<CliResult> =>
	new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], {
			cwd: o.cwd,
			env: {...process.env, PROMPTREEL_DATA_DIR: TEST_DATA_DIR, ...o.env},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 300_000);
		child.on('error', reject);
		child.on('close', (status) => {
			clearTimeout(timer);
			resolve({status, stdout, stderr});
		});
	});
