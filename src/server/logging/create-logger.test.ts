import {Writable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {createLogger} from './create-logger';
import {jobsLogOf} from './jobs-log-of';

const collector = (isTTY: boolean) => {
	const chunks: string[] = [];
	const stream = Object.assign(
		new Writable({
			write(chunk, _encoding, done) {
				chunks.push(String(chunk));
				done();
			},
		}),
		{isTTY},
	);
	return {stream, text: () => chunks.join('')};
};

describe('createLogger', () => {
	it('writes one JSON object per line with a level name, an ISO time and the fields; the level filters', () => {
		const out = collector(false);
		const log = jobsLogOf(createLogger({level: 'info', destination: out.stream}));
		log('job vid_1: stage voicing took 12 ms', {jobId: 'vid_1', stage: 'voicing', durationMs: 12});
		log('hidden', {level: 'debug'});
		log('careful', {level: 'warn', apiKey: 'sk-secret'});
		const lines = out
			.text()
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l) as Record<string, unknown>);
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatchObject({
			level: 'info',
			jobId: 'vid_1',
			stage: 'voicing',
			durationMs: 12,
			msg: 'job vid_1: stage voicing took 12 ms',
		});
		expect(new Date(String(lines[0]!.time)).toISOString()).toBe(lines[0]!.time);
		expect(lines[1]).toMatchObject({level: 'warn', apiKey: '[redacted]'});
	});

	it('writes readable lines on a terminal (auto) or when asked (pretty)', async () => {
		for (const [isTTY, format] of [
			[true, 'auto'],
			[false, 'pretty'],
		] as const) {
			const out = collector(isTTY);
			createLogger({format, destination: out.stream}).info({jobId: 'vid_2'}, 'job vid_2: done');
			await new Promise((r) => setImmediate(r));
			// Colours on a terminal; the words are the same.
			const text = out.text().replace(/\x1b\[[0-9;]*m/g, '');
			expect(text, format).toMatch(/INFO.*job vid_2: done/);
			expect(text).toMatch(/jobId: "vid_2"/);
			expect(() => JSON.parse(text.split('\n')[0]!)).toThrow();
		}
	});
});
