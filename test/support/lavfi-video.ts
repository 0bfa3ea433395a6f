import {execFileSync} from 'node:child_process';

/**
 * Writes a synthetic picture or video made by Debian's ffmpeg from a lavfi source (`testsrc2=...`,
 * with filters appended after a comma) to `file`; `args` go between the input and the file
 * (frame count, pixel format, colour tags, encoder). Returns `file`.
 */
export const lavfiVideo = (file: string, source: string, args: string[] = []): string => {
	execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', source, ...args, file]);
	return file;
};
