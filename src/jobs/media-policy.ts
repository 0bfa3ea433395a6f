import type {Storyboard} from '../compositions/storyboard';
import {ValidationError, type IssueDetail} from '../pipeline/errors';
import {bundledMusicIds} from '../pipeline/generate';
import {mediaRefsOf, privateHostOf} from '../pipeline/media';

const isHttps = (src: string) => /^https:\/\//i.test(src);

/** Every media reference of a storyboard with its dotted path (all fields: storyboard-media-refs.ts). */
const mediaFields = (sb: Storyboard): {path: string; src: string}[] => mediaRefsOf(sb).map((r) => ({path: r.path, src: r.src}));

/** Every media reference of a storyboard (visuals, icons, shots, narration audio, music, logo, font). */
export const mediaSourcesOf = (sb: Storyboard): string[] => mediaFields(sb).map((f) => f.src);

/**
 * A storyboard from the network may not name files on this machine: every media reference must
 * be an https URL or an uploaded asset (`asset:<id>`, rewritten to `assets/<id>.<ext>` before parsing). Throws a ValidationError naming each offending path (prefixed with `prefix`).
 */
export const assertRemoteMediaOnly = (
	sb: Storyboard,
	prefix = 'storyboard',
	isUploadedAsset: (src: string) => boolean = () => false,
): void => {
	const local = mediaFields(sb).filter((f) => !isHttps(f.src) && !isUploadedAsset(f.src));
	if (local.length === 0) return;
	const issues: IssueDetail[] = local.map((f) => ({
		path: `${prefix}.${f.path}`,
		message: `"${f.src}" is not an https URL. A storyboard sent to the server may not name local paths: host the file and use its https URL, or upload it with POST /v1/assets and use its asset:<id> ref.`,
	}));
	throw new ValidationError(
		`The storyboard names media that are not https URLs: ${local.map((f) => `${prefix}.${f.path} = "${f.src}"`).join(', ')}.`,
		issues,
	);
};

/**
 * Options from the network may not name files on this machine either: music must be auto, none
 * or a bundled track, and a voice-over file cannot be given (uploads come with POST /v1/assets).
 */
export const assertRemoteSafeOptions = async (options: {music: string; voiceover?: string | null | undefined}): Promise<void> => {
	const issues: IssueDetail[] = [];
	const tracks = await bundledMusicIds();
	if (!['auto', 'none', ...tracks].includes(options.music)) {
		issues.push({
			path: 'options.music',
			message: `"${options.music}" is not auto, none or a bundled track (${tracks.join(', ')}); the server does not read local files.`,
		});
	}
	if (options.voiceover) {
		issues.push({
			path: 'options.voiceover',
			message: 'A voice-over file path cannot be used over HTTP: the server does not read local files.',
		});
	}
	if (issues.length > 0) throw new ValidationError(`Invalid options: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
};

/**
 * Media URLs naming a loopback, private or link-local host directly (IP literal or localhost) are
 * refused at submit time; names resolving to such addresses are refused when the download connects.
 */
export const assertPublicMediaHosts = (sb: Storyboard, prefix = 'storyboard'): void => {
	const issues: IssueDetail[] = [];
	for (const f of mediaFields(sb)) {
		if (!isHttps(f.src)) continue;
		const host = privateHostOf(new URL(f.src));
		if (host) {
			issues.push({
				path: `${prefix}.${f.path}`,
				message: `${host} is a loopback, private or link-local address: the server does not fetch from those (PROMPTREEL_ALLOW_PRIVATE_URLS allows it).`,
			});
		}
	}
	if (issues.length > 0)
		throw new ValidationError(`Invalid media URLs: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
};
