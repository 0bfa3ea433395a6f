import type {CalculateMetadataFunction} from 'remotion';
import type {z} from 'zod';
import {computeTimeline, frameSize, parseTemplateOptions, storyboardSchema, type StoryboardInput} from '../storyboard';

/**
 * A template's calculateMetadata: size, frame rate and length all derived from the storyboard
 * through the one timing helper (computeTimeline), so every template lasts exactly what the
 * explainer would for the same storyboard. Remotion does not validate input props on server
 * renders, so they are parsed here (docs/architecture.md, "Parse, never cast"), the template's
 * options too: a bad option value fails before the first frame with its path.
 */
export const storyboardMetadata =
	({templateId, optionsSchema}: {templateId: string; optionsSchema: z.ZodObject}): CalculateMetadataFunction<StoryboardInput> =>
	({props}) => {
		const storyboard = storyboardSchema.parse(props);
		const {issues} = parseTemplateOptions({schema: optionsSchema, templateId, options: storyboard.templateOptions});
		if (issues.length > 0) {
			throw new Error(`Invalid options for template "${templateId}": ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
		}
		const {width, height} = frameSize(storyboard.format);
		return {width, height, fps: storyboard.format.fps, durationInFrames: computeTimeline(storyboard).durationInFrames, props: storyboard};
	};
