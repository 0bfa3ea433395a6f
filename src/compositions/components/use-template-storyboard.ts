import {useMemo} from 'react';
import type {z} from 'zod';
import {
	computeTimeline,
	parseTemplateOptions,
	storyboardSchema,
	themePalette,
	type Palette,
	type Storyboard,
	type StoryboardInput,
	type Timeline,
} from '../storyboard';

export type TemplateStoryboard<O> = {
	storyboard: Storyboard;
	timeline: Timeline;
	/** The theme's palette with the brand colours over it. */
	palette: Palette;
	/** The template's own options, defaults applied; options of other templates ignored. */
	options: O;
};

/**
 * What every template starts from: the parsed storyboard, its timeline, its palette (brand
 * colours win) and the template's own options. A bad option value throws with its path.
 */
export const useTemplateStoryboard = <S extends z.ZodObject>(
	props: StoryboardInput,
	templateId: string,
	optionsSchema: S,
): TemplateStoryboard<z.output<S>> => {
	const storyboard = useMemo(() => storyboardSchema.parse(props), [props]);
	return useMemo(() => {
		const parsed = parseTemplateOptions({schema: optionsSchema, templateId, options: storyboard.templateOptions});
		if (parsed.issues.length > 0)
			throw new Error(`Invalid options for template "${templateId}": ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
		return {storyboard, timeline: computeTimeline(storyboard), palette: themePalette(storyboard.theme), options: parsed.options};
	}, [storyboard, optionsSchema, templateId]);
};
