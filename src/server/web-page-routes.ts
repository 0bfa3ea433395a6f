import {stat} from 'node:fs/promises';
import {extname, join, normalize, sep} from 'node:path';
import {createRoute, z, type OpenAPIHono} from '@hono/zod-openapi';
import type {Context} from 'hono';
import {errorBodySchema} from './api-schemas';
import {fileResponse} from './file-response';
import {ApiError} from './http-errors';
import {isSignablePath, type UrlSigner} from './signed-urls';

// The web page (README.md, "The web page"): `/` and `/web/*` are its files (built by
// scripts/build-web.mjs into dist/web), `/web/media/*` the bundled media of public/ that
// storyboards name by relative path (music/<id>.mp3). All public: they hold no user data.

const PAGE_PREFIX = '/web/';
const MEDIA_PREFIX = '/web/media/';

/** Paths of the page and its bundled media: served without a key. */
export const isWebPagePath = (path: string): boolean => path === '/' || path.startsWith(PAGE_PREFIX);

const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.woff2': 'font/woff2',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.mp3': 'audio/mpeg',
	'.wav': 'audio/wav',
	'.mp4': 'video/mp4',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
};

/** A file inside `dir` as a response, or null when the path leaves the folder or names no file. */
const serveFrom = async (c: Context, dir: string, relativePath: string, cache: string): Promise<Response | null> => {
	let clean: string;
	try {
		clean = normalize(decodeURIComponent(relativePath));
	} catch {
		return null; // Malformed percent-encoding names no file.
	}
	if (clean.startsWith('..') || clean.startsWith(sep) || clean.split(sep).includes('..')) return null;
	const path = join(dir, clean);
	const info = await stat(path).catch(() => null);
	if (!info?.isFile()) return null;
	const res = fileResponse({
		method: c.req.method,
		path,
		size: info.size,
		mtimeMs: info.mtimeMs,
		contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
		fileName: clean.split(sep).pop() ?? clean,
		headers: {range: c.req.header('Range'), ifNoneMatch: c.req.header('If-None-Match'), ifRange: c.req.header('If-Range')},
	});
	res.headers.set('Cache-Control', cache);
	return res;
};

export const signUrlsRoute = createRoute({
	method: 'post',
	path: '/v1/signed-urls',
	tags: ['assets'],
	summary: 'Short-lived URLs for media a browser loads by itself',
	description:
		'An `<img>`, `<audio>` or `<video>` cannot send an Authorization header: this signs GET URLs of asset contents (/v1/assets/{id}/content) and job files (/v1/videos/{id}/files/{name}) that work without a key until they expire.',
	request: {
		body: {
			content: {
				'application/json': {
					schema: z.strictObject({
						paths: z
							.array(z.string().refine(isSignablePath, 'Only /v1/assets/{id}/content and /v1/videos/{id}/files/{name} can be signed.'))
							.min(1)
							.max(200)
							.describe('Paths to sign, e.g. /v1/assets/ast_…/content.'),
					}),
				},
			},
			required: true,
		},
	},
	responses: {
		200: {
			content: {
				'application/json': {
					schema: z.object({
						data: z.array(
							z.object({
								path: z.string(),
								url: z.string().describe('The path with its signature (relative to this server).'),
								expiresAt: z.string().describe('ISO 8601.'),
							}),
						),
					}),
				},
			},
			description: 'One signed URL per path, in order.',
		},
		422: {content: {'application/json': {schema: errorBodySchema}}, description: 'A path that cannot be signed.'},
	},
});

/**
 * Registers the web page, its bundled media and the URL-signing route. `webDir` holds the built
 * page (index.html, entry.js, fonts); `publicDir` the bundled media.
 */
export const registerWebPage = (app: OpenAPIHono, deps: {webDir: string; publicDir: string; signer: UrlSigner}): void => {
	app.openapi(signUrlsRoute, (c) => {
		const caller = c.get('apiKeyId');
		const now = Date.now();
		return c.json({data: c.req.valid('json').paths.map((path) => ({path, ...deps.signer.sign({path, caller, now})}))}, 200);
	});

	app.get('/', async (c) => {
		const page = await serveFrom(c, deps.webDir, 'index.html', 'no-cache');
		if (page) return page;
		return c.html('<!doctype html><title>promptreel</title><p>The web page is not built: run <code>npm run build</code>.</p>', 503);
	});

	app.get(`${PAGE_PREFIX}*`, async (c) => {
		const media = c.req.path.startsWith(MEDIA_PREFIX);
		const res = media
			? await serveFrom(c, deps.publicDir, c.req.path.slice(MEDIA_PREFIX.length), 'public, max-age=3600')
			: await serveFrom(c, deps.webDir, c.req.path.slice(PAGE_PREFIX.length), 'no-cache');
		if (!res) throw new ApiError('NOT_FOUND', `No file ${c.req.path}.`);
		return res;
	});
};
