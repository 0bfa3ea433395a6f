import {z} from 'zod';
import {storyboardSchema, storyboardV2Schema} from '../../storyboard';

/**
 * The explainer renders any storyboard as is: its props are a storyboard (version 1 files are
 * upgraded by `storyboardSchema`). Remotion's `schema` prop must be an object schema, so Studio
 * gets `explainerPropsSchema` (version 2) while calculateMetadata and the component parse with
 * `explainerSchema`.
 */
export const explainerSchema = storyboardSchema;
export const explainerPropsSchema = storyboardV2Schema;

/** The explainer's own options (`storyboard.templateOptions`); every one has a default. */
export const explainerOptionsSchema = z
	.strictObject({
		titlePlacement: z
			.enum(['auto', 'top', 'bottom'])
			.default('auto')
			.describe('Where scene titles sit: auto keeps them away from the captions (top unless captions are at the top).'),
		titleStyle: z
			.enum(['underline', 'plain'])
			.default('underline')
			.describe('underline draws an accent bar under each scene title; plain shows the title alone.'),
	})
	.describe('Options of the explainer template.');

export type ExplainerOptions = z.output<typeof explainerOptionsSchema>;

/** Props as Remotion passes them (defaults not yet applied, maybe version 1): parse them with explainerSchema. */
export type ExplainerProps = z.input<typeof storyboardV2Schema>;
