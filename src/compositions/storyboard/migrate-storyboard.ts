import {z} from 'zod';
import {knownKeysAt, unknownKeyMessage} from './known-keys';
import {STORYBOARD_VERSION, storyboardV2Schema} from './storyboard-schema';
import {stripUnknownKeys} from './strip-unknown-keys';

/** Something a reader of a storyboard should know but that did not stop it (for report.json). */
export type StoryboardWarning = {code: string; path: string; message: string};

export type StoryboardMigration = {
	/** Version 2 input (defaults not yet applied), or the input unchanged when it is not version 1. */
	input: unknown;
	/** 1 when the input was a version 1 file, null when it needed no upgrade. */
	migratedFrom: 1 | null;
	warnings: StoryboardWarning[];
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Upgrades a version 1 storyboard to version 2. Version 1 was lenient (unknown keys were dropped
 * silently), so unknown keys of a version 1 file are dropped again, each reported as a warning
 * with its full path; from version 2 on they are errors. The rules:
 * - `version` becomes 2;
 * - every scene's `durationSource` becomes "speech": version 1 durations were all set by our
 *   planners from the narration (read or measured), so they follow a new voicing;
 * - `narration.voicedText` and `narration.voice` stay null: which text made a version 1 audio file
 *   is unknown, so its audio is kept as is;
 * - caption preset "plain" is read as "classic" (as in version 2);
 * - new fields get their defaults (no shots, no data, no brand, no template options).
 * Any other input (version 2, no version, not an object) is returned unchanged.
 */
export const migrateStoryboard = (input: unknown): StoryboardMigration => {
	if (!isRecord(input) || input.version !== 1) return {input, migratedFrom: null, warnings: []};
	const upgraded: Record<string, unknown> = {...input, version: STORYBOARD_VERSION};
	if (Array.isArray(input.scenes)) {
		upgraded.scenes = input.scenes.map((scene) => (isRecord(scene) ? {durationSource: 'speech', ...scene} : scene));
	}
	const {value, removed} = stripUnknownKeys({input: upgraded, schema: storyboardV2Schema});
	const warnings: StoryboardWarning[] = removed.map((path) => {
		const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
		const key = String(parts.pop());
		return {
			code: 'UNKNOWN_KEY_IGNORED',
			path,
			message: `${unknownKeyMessage(key, knownKeysAt(storyboardV2Schema, parts))} Ignored in this version 1 file; version 2 refuses it.`,
		};
	});
	return {input: value, migratedFrom: 1, warnings};
};

/**
 * THE storyboard parser: reads version 2, and version 1 upgraded by `migrateStoryboard`, so
 * Studio, `npx remotion render --props=v1.json` and old output folders keep working. The parsed
 * type is version 2 only. Its JSON Schema (io "input") is version 2's: zod describes a pipe that
 * starts with a transform by its output side.
 */
export const storyboardSchema = z.preprocess((input) => migrateStoryboard(input).input, storyboardV2Schema);
