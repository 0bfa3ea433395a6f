import {readFile} from 'node:fs/promises';
import {z} from 'zod';
import {aspectSchema, type Aspect} from '../../src/compositions/storyboard';

export const panelPromptSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9-]+$/, 'Use lower-case letters, digits and -.'),
	kind: z.enum(['prose', 'outline', 'media']).default('prose'),
	/** The language the prompt is written in (the run detects it; the summary compares). */
	lang: z.string().min(2),
	aspect: aspectSchema,
	prompt: z.string().min(1),
	/** Files we made (repository paths), copied in order as a --media folder. */
	media: z.array(z.string().min(1)).default([]),
});
export type PanelPrompt = z.infer<typeof panelPromptSchema>;

export const panelPromptsFileSchema = z.strictObject({prompts: z.array(panelPromptSchema).min(1)});

/** One video of a panel run: a prompt at one aspect. */
export type PanelVideo = PanelPrompt & {
	/** Folder name under the output dir: `<id>-<aspect>` (16x9, 9x16, 1x1). */
	name: string;
};

/** Reads and checks bench/panel/prompts.json (or another panel file). */
export const readPanelPrompts = async (file: string): Promise<PanelPrompt[]> => {
	const parsed = panelPromptsFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
	if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
	const seen = new Set<string>();
	for (const p of parsed.data.prompts) {
		if (seen.has(p.id)) throw new Error(`${file}: the id "${p.id}" is used twice.`);
		seen.add(p.id);
	}
	return parsed.data.prompts;
};

const globToRegExp = (glob: string): RegExp =>
	new RegExp(
		`^${glob
			.replace(/[.+^${}()|[\]\\]/g, '\\$&')
			.replace(/\*/g, '.*')
			.replace(/\?/g, '.')}$`,
	);

/**
 * The videos of a run. `only`: patterns separated by commas, each a language code ("ja"), a kind
 * ("outline", "media") or a glob over ids ("en-*", "*-coffee"); a prompt matching any is kept.
 * `aspects`: render every kept prompt at each of these instead of its own aspect.
 */
export const selectPanelVideos = (
	prompts: readonly PanelPrompt[],
	o: {only?: string | null | undefined; aspects?: readonly Aspect[] | null | undefined},
): PanelVideo[] => {
	const patterns = (o.only ?? '')
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean);
	const kept = prompts.filter(
		(p) => patterns.length === 0 || patterns.some((pat) => pat === p.lang || pat === p.kind || globToRegExp(pat).test(p.id)),
	);
	return kept.flatMap((p) =>
		(o.aspects?.length ? o.aspects : [p.aspect]).map((aspect) => ({...p, aspect, name: `${p.id}-${aspect.replace(':', 'x')}`})),
	);
};
