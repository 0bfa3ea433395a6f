import type React from 'react';
import type {CalculateMetadataFunction} from 'remotion';
import type {z} from 'zod';
import {storyboardSchema, storyboardV2Schema, type Storyboard, type StoryboardInput} from './storyboard';
import {calculateExplainerMetadata, explainerOptionsSchema, explainerPropsSchema, explainerSchema} from './templates/explainer';
import explainerLandscape from './templates/explainer/samples/landscape.json';
import explainerPortrait from './templates/explainer/samples/portrait.json';
import explainerSquare from './templates/explainer/samples/square.json';
import {calculateKineticMetadata, kineticOptionsSchema} from './templates/kinetic';
import kineticLandscape from './templates/kinetic/samples/landscape.json';
import kineticPortrait from './templates/kinetic/samples/portrait.json';
import kineticSquare from './templates/kinetic/samples/square.json';

/**
 * A template: a typed composition that any storyboard can target. The component is reached only
 * through `lazyComponent`, so Node code (CLI, server) can import this registry for ids, schemas and
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
	/** Sample storyboards by name (the first one is the composition's default props), parsed. */
	samples: Record<string, Storyboard>;
	lazyComponent: () => Promise<{default: React.ComponentType<StoryboardInput>}>;
};

export const templates: readonly TemplateDefinition[] = [
	{
		id: 'explainer',
		title: 'Explainer',
		description:
			'Narrated scenes (video, image with a Ken Burns move, or an animated background with an icon), a title per scene, word-highlighted captions, transitions, music ducked under the voice, and an end card with the credits.',
		schema: explainerPropsSchema,
		templateOptionsSchema: explainerOptionsSchema,
		calculateMetadata: calculateExplainerMetadata,
		samples: {
			landscape: explainerSchema.parse(explainerLandscape),
			portrait: explainerSchema.parse(explainerPortrait),
			square: explainerSchema.parse(explainerSquare),
		},
		lazyComponent: () => import('./templates/explainer/Explainer'),
	},
	{
		id: 'kinetic',
		title: 'Kinetic typography',
		description:
			'Kinetic typography and quote cards: the narration\'s words appear one by one as they are spoken, big and filling the frame, over drifting bands of colour. Needs no media; the scene title is a small kicker, and with quoteMarks the scene text is the attribution.',
		schema: storyboardV2Schema,
		templateOptionsSchema: kineticOptionsSchema,
		calculateMetadata: calculateKineticMetadata,
		samples: {
			landscape: storyboardSchema.parse(kineticLandscape),
			portrait: storyboardSchema.parse(kineticPortrait),
			square: storyboardSchema.parse(kineticSquare),
		},
		lazyComponent: () => import('./templates/kinetic/Kinetic'),
	},
];

export const templateIds: readonly string[] = templates.map((t) => t.id);

/** The template with this id, or undefined when there is none. */
export const findTemplate = (id: string): TemplateDefinition | undefined => templates.find((t) => t.id === id);
