import {createHash, randomBytes} from 'node:crypto';
import {copyFile, mkdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {WordTiming} from './voice-provider';

/** Bump when synthesis or post-processing changes what a cached entry would contain. */
export const VOICE_CACHE_VERSION = 1;

export type VoiceCacheKeyParts = {
	providerId: string;
	voice: string;
	rate: number;
	language: string;
	text: string;
	/** Audio container of the entry, e.g. ".mp3". */
	format: string;
};

export type CachedNarration = {audioFile: string; durationMs: number; words: WordTiming[]; warnings: string[]};

export const voiceCacheKey = (p: VoiceCacheKeyParts): string =>
	createHash('sha256')
		.update(JSON.stringify([VOICE_CACHE_VERSION, p.providerId, p.voice, p.rate, p.language, p.format, p.text]))
		.digest('hex');

const tempName = (file: string) => `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;

/** Writes by rename so a reader never sees half a file, even across processes. */
const atomically = async (file: string, write: (tmp: string) => Promise<void>): Promise<void> => {
	const tmp = tempName(file);
	try {
		await write(tmp);
		await rename(tmp, file);
	} catch (e) {
		await rm(tmp, {force: true}).catch(() => undefined);
		throw e;
	}
};

/**
 * Synthesised narration on disk, keyed by everything that changes the sound. An entry is its audio
 * plus a JSON of timings written last, so a present JSON means a complete entry.
 */
export const createVoiceCache = ({cacheDir}: {cacheDir: string}) => {
	const paths = (key: string, format: string) => {
		const dir = path.join(cacheDir, 'voice', key.slice(0, 2));
		return {dir, audio: path.join(dir, `${key}${format}`), meta: path.join(dir, `${key}.json`)};
	};
	return {
		async get(key: string): Promise<CachedNarration | null> {
			const {meta, dir} = paths(key, '');
			try {
				const entry = JSON.parse(await readFile(meta, 'utf8')) as Omit<CachedNarration, 'audioFile'> & {audio: string};
				const audioFile = path.join(dir, entry.audio);
				await stat(audioFile);
				return {audioFile, durationMs: entry.durationMs, words: entry.words, warnings: entry.warnings ?? []};
			} catch {
				return null;
			}
		},
		async put(key: string, entry: CachedNarration): Promise<CachedNarration> {
			const format = path.extname(entry.audioFile);
			const {dir, audio, meta} = paths(key, format);
			await mkdir(dir, {recursive: true});
			await atomically(audio, (tmp) => copyFile(entry.audioFile, tmp));
			const json = JSON.stringify({
				audio: path.basename(audio),
				durationMs: entry.durationMs,
				words: entry.words,
				warnings: entry.warnings,
			});
			await atomically(meta, (tmp) => writeFile(tmp, json));
			return {...entry, audioFile: audio};
		},
	};
};

export type VoiceCache = ReturnType<typeof createVoiceCache>;

/** Copies a file into place by rename, for callers that share the atomic-write rule. */
export const copyFileAtomic = (from: string, to: string): Promise<void> => atomically(to, (tmp) => copyFile(from, tmp));
