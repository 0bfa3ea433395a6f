import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {limitX264Lookahead} from './x264-lookahead';

const encodeArgs = ['-r', '30', '-i', '-', '-c:v', 'libx264', '-preset', 'medium', '-crf', '18', '-y', 'out.mp4'];

describe('limitX264Lookahead', () => {
	it('puts the lookahead right after the preset, leaving the output last', () => {
		const args = limitX264Lookahead(10)({type: 'pre-stitcher', args: encodeArgs});
		expect(args.slice(6, 10)).toEqual(['-preset', 'medium', '-x264-params', 'rc-lookahead=10']);
		expect(args.at(-1)).toBe('out.mp4');
	});

	it('leaves a command without an x264 preset (a copy or audio step) or with its own x264 params alone', () => {
		const copy = ['-i', 'a.mp4', '-c:v', 'copy', 'b.mp4'];
		expect(limitX264Lookahead()({type: 'stitcher', args: copy})).toEqual(copy);
		const own = [...encodeArgs.slice(0, -2), '-x264-params', 'keyint=60', '-y', 'out.mp4'];
		expect(limitX264Lookahead()({type: 'stitcher', args: own})).toEqual(own);
	});

	it('makes arguments ffmpeg accepts: a real encode with them writes a video', () => {
		const dir = mkdtempSync(join(tmpdir(), 'promptreel-lookahead-'));
		try {
			const out = join(dir, 'out.mp4');
			const args = limitX264Lookahead(10)({
				type: 'pre-stitcher',
				args: ['-f', 'lavfi', '-i', 'testsrc2=s=320x180:r=30:d=1', '-c:v', 'libx264', '-preset', 'medium', '-crf', '23', '-y', out],
			});
			execFileSync('ffmpeg', ['-loglevel', 'error', ...args]);
			expect(statSync(out).size).toBeGreaterThan(1000);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
