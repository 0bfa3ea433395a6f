import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createRoute, z, type OpenAPIHono} from '@hono/zod-openapi';
import {storeFileAsset, type JobsService} from '../jobs';
import {createEmojiIllustration} from '../pipeline/visuals';
import {errorBodySchema} from './api-schemas';
import {ApiError} from './http-errors';

// Pictures for a scene's text, offline: the emoji illustrations a render would draw for it
// (README.md, "The web page"), stored as assets so a storyboard can name them.

const suggestionSchema = z.object({
	ref: z.string().describe('Use as a procedural visual\'s `icon` (or an image `src`), e.g. "asset:ast_…".'),
	emoji: z.string(),
	name: z.string().describe('Name of the icon in the set, e.g. "alarm-clock".'),
	credit: z.record(z.string(), z.unknown()).describe("Add it to the storyboard's credits when the picture is used."),
});

export const pictureSuggestionsRoute = createRoute({
	method: 'post',
	path: '/v1/pictures/suggestions',
	tags: ['assets'],
	summary: 'Pictures for a text (offline illustrations), stored as assets',
	description:
		'Proposes pictures for a scene from its text and language: the emoji illustrations (Fluent Emoji Flat) the words name, best first, each stored as an asset.',
	request: {
		body: {
			content: {
				'application/json': {
					schema: z.strictObject({
						text: z.string().trim().min(1, 'Give the text of the scene (its title and narration).').max(2000),
						language: z
							.string()
							.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Use a BCP 47 tag such as "en" or "pt-BR".')
							.default('en'),
					}),
				},
			},
			required: true,
		},
	},
	responses: {
		200: {
			content: {'application/json': {schema: z.object({data: z.array(suggestionSchema)})}},
			description: 'The suggestions, best first.',
		},
		422: {content: {'application/json': {schema: errorBodySchema}}, description: 'No text, or a bad language tag.'},
	},
});

/** Registers POST /v1/pictures/suggestions. */
export const registerPictureSuggestions = (app: OpenAPIHono, deps: {service: JobsService; assetsDir?: string | undefined}): void => {
	app.openapi(pictureSuggestionsRoute, async (c) => {
		const {assetsDir} = deps;
		if (!assetsDir) throw new ApiError('UNAVAILABLE', 'This server stores no assets.');
		const {text, language} = c.req.valid('json');
		const dir = await mkdtemp(join(tmpdir(), 'promptreel-pictures-'));
		try {
			const drawn = await createEmojiIllustration({keywords: [], text, language, seed: 1, dir, signal: c.req.raw.signal});
			const data = [];
			for (const icon of drawn.icons) {
				const asset = await storeFileAsset({file: icon.file, dir: assetsDir, assets: deps.service.assets, now: Date.now()});
				if (asset) data.push({ref: `asset:${asset.id}`, emoji: icon.emoji, name: icon.name, credit: icon.credit});
			}
			return c.json({data}, 200);
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});
};
