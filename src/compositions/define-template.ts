import type React from 'react';
import type {CalculateMetadataFunction} from 'remotion';
import type {z} from 'zod';
import {storyboardSchema, storyboardV2Schema, type Storyboard, type StoryboardInput} from './storyboard';

/** A box (px) a template draws a picture in. */
export type MediaBox = {width: number; height: number};

/**
 * A template: a typed composition that any storyboard can target. The component is reached only
 * through `lazyComponent`, so Node code (CLI, server) can import the registry for ids, schemas and
 * samples without loading React.
 */
export type TemplateDefinition = {
	id: string;
	title: string;
	description: string;
	/** Props schema for Remotion (an object schema: the version 2 storyboard). */
	schema: typeof storyboardV2Schema;
	/** The template's own options (`storyboard.templateOptions`): strict, every option with a default. */
	templateOptionsSchema: z.ZodObject;
	calculateMetadata: CalculateMetadataFunction<StoryboardInput>;
	/**
	 * The box each scene's pictures are drawn in at most, for a frame of this size (one per scene,
	 * in order); without it, the whole frame. The render makes clips and photos much larger than
	 * their box into copies at its size (docs/architecture.md, "Box-sized media"): a picture drawn
	 * in a card is then not shrunk at draw time, which both renderers do with different filters.
	 */
	mediaBoxes?: (storyboard: Storyboard, frame: MediaBox) => readonly MediaBox[];
	/** Sample storyboards by name (the first one is the composition's default props), parsed. */
	samples: Record<string, Storyboard>;
	lazyComponent: () => Promise<{default: React.ComponentType<StoryboardInput>}>;
};

/** What a template folder outside src/ declares: samples may be raw JSON (they are parsed here). */
export type TemplateDeclaration = Omit<TemplateDefinition, 'schema' | 'samples'> & {
	schema?: typeof storyboardV2Schema;
	samples: Record<string, unknown>;
};

/** Kebab-case ids, as `promptreel templates new` asks for. */
export const TEMPLATE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * The default export of a template folder in PROMPTREEL_TEMPLATES_DIR (docs/templates.md, "Templates
 * outside the project"): checks the id, parses every sample as a storyboard (a bad sample fails
 * with its name and zod path) and gives the props schema its default.
 */
export const defineTemplate = (declaration: TemplateDeclaration): TemplateDefinition => {
	if (!TEMPLATE_ID.test(declaration.id)) {
		throw new Error(`Template id "${declaration.id}" is not allowed: use lower-case letters and digits in words joined by "-".`);
	}
	if (Object.keys(declaration.samples).length === 0) {
		throw new Error(`Template "${declaration.id}" has no sample: give at least one storyboard (it is the composition's default props).`);
	}
	const samples = Object.fromEntries(
		Object.entries(declaration.samples).map(([name, sample]) => {
			const parsed = storyboardSchema.safeParse(sample);
			if (!parsed.success) {
				const issue = parsed.error.issues[0];
				throw new Error(
					`Sample "${name}" of template "${declaration.id}" is not a valid storyboard: ${issue?.path.join('.')}: ${issue?.message}`,
				);
			}
			return [name, parsed.data];
		}),
	);
	return {...declaration, schema: declaration.schema ?? storyboardV2Schema, samples};
};
