/**
 * Progress output of long commands. On a TTY: one live bar per stage on stderr. Otherwise: one
 * plain line per stage. With --json: one JSON event per line on stdout, nothing else on stdout.
 */
export type ProgressEvent = {stage: string; progress: number};

export type Reporter = {
	progress(e: ProgressEvent): void;
	warn(message: string): void;
	info(message: string): void;
	done(files: Record<string, string>, extra?: Record<string, unknown>): void;
	error(code: string, message: string, issues?: unknown): void;
};

export type ReporterMode = 'json' | 'tty' | 'plain';

export const reporterMode = (json: boolean, stream: NodeJS.WriteStream = process.stderr): ReporterMode =>
	json ? 'json' : stream.isTTY ? 'tty' : 'plain';

const bar = (p: number, width = 24) => {
	const filled = Math.round(Math.max(0, Math.min(1, p)) * width);
	return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
};

export const createReporter = (
	mode: ReporterMode,
	out: NodeJS.WritableStream = process.stdout,
	err: NodeJS.WriteStream = process.stderr,
): Reporter => {
	const started = new Map<string, number>();
	let current: string | null = null;
	const lastJson = new Map<string, number>();

	const finishLine = () => {
		if (mode === 'tty' && current) err.write('\n');
		current = null;
	};

	return {
		progress({stage, progress}) {
			if (!started.has(stage)) started.set(stage, performance.now());
			if (mode === 'json') {
				// Throttle to whole percents so a long render does not flood the consumer.
				const pct = Math.floor(progress * 100);
				if (lastJson.get(stage) === pct) return;
				lastJson.set(stage, pct);
				out.write(`${JSON.stringify({type: 'progress', stage, progress: Math.round(progress * 1000) / 1000})}\n`);
				return;
			}
			if (mode === 'plain') {
				if (current !== stage) {
					current = stage;
					err.write(`• ${stage}…\n`);
				}
				return;
			}
			if (current !== stage) finishLine();
			current = stage;
			const secs = ((performance.now() - (started.get(stage) ?? 0)) / 1000).toFixed(1);
			err.write(`\r  ${stage.padEnd(10)} ${bar(progress)} ${String(Math.round(progress * 100)).padStart(3)}%  ${secs}s`);
		},
		warn(message) {
			if (mode === 'json') {
				out.write(`${JSON.stringify({type: 'warning', message})}\n`);
				return;
			}
			finishLine();
			err.write(`⚠ ${message}\n`);
		},
		info(message) {
			if (mode === 'json') return;
			finishLine();
			err.write(`${message}\n`);
		},
		done(files, extra = {}) {
			if (mode === 'json') {
				out.write(`${JSON.stringify({type: 'done', files, ...extra})}\n`);
				return;
			}
			finishLine();
			err.write('✔ done\n');
			for (const [name, path] of Object.entries(files)) out.write(`  ${name.padEnd(11)} ${path}\n`);
		},
		error(code, message, issues) {
			if (mode === 'json') {
				out.write(`${JSON.stringify({type: 'error', code, message, ...(issues ? {issues} : {})})}\n`);
				return;
			}
			finishLine();
			err.write(`✖ ${message}\n`);
		},
	};
};
