import {isAbsolute} from 'node:path';
import {McpServer, ResourceTemplate} from '@modelcontextprotocol/sdk/server/mcp.js';
import type {RequestHandlerExtra} from '@modelcontextprotocol/sdk/shared/protocol.js';
import type {CallToolResult, ServerNotification, ServerRequest} from '@modelcontextprotocol/sdk/types.js';
import {contentTypeOf, JOB_FILE_NAMES, NotFoundError, toBatchView, type CreateVideoBody, type JobsService} from '../../jobs';
import {ValidationError} from '../../pipeline/errors';
import {
	batchIdInputSchema,
	batchOutputSchema,
	createBatchInputSchema,
	createVideoInputSchema,
	emptyInputSchema,
	jobIdInputSchema,
	jobOutputSchema,
	planOutputSchema,
	planStoryboardInputSchema,
	renderStoryboardInputSchema,
	templatesOutputSchema,
} from './mcp-schemas';
import {errorResult, fileUri, jobResult, jsonResult, RESOURCE_SCHEME} from './mcp-results';
import {guardMcpRequests} from './guard-mcp-requests';
import {waitForJob} from './wait-for-job';

export type McpServerDeps = {
	service: JobsService;
	version: string;
	/** Origin of the REST API when served over HTTP (job links point there); null over stdio. */
	restBase?: string | null;
	/** Unexpected errors are logged here (stderr: over stdio, stdout is the protocol). */
	log?: (message: string) => void;
};

/** A resource read returns the file inline; larger videos are downloaded over HTTP or read from disk. */
export const MAX_INLINE_BYTES = 16 * 1024 * 1024;

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/**
 * The getServer() factory: a fresh MCP server over the jobs service for each transport (one per
 * stdio process, one per Streamable HTTP request). A thin adapter: every decision is the service's.
 */
export const createMcpServer = (deps: McpServerDeps): McpServer => {
	const {service, log} = deps;
	const restBase = deps.restBase ?? null;
	const server = new McpServer(
		{name: 'promptreel', version: deps.version},
		{
			instructions:
				'Make narrated, captioned videos. create_video takes a prompt (script, outline or topic) or a storyboard; pass wait to get the finished job (with progress notifications) in one call, or follow it with get_video. Finished files are resources: promptreel://videos/{id}/{name}.',
		},
	);

	/** Runs a tool; any error becomes an `isError` result with the REST error shape. */
	const safely =
		<A>(handler: (args: A, extra: Extra) => Promise<CallToolResult> | CallToolResult) =>
		async (args: A, extra: Extra): Promise<CallToolResult> => {
			try {
				return await handler(args, extra);
			} catch (error) {
				return errorResult(error, log);
			}
		};

	const submit = async (body: CreateVideoBody, wait: {timeoutSec: number} | undefined, extra: Extra): Promise<CallToolResult> => {
		const created = await service.createVideo(body);
		if (!wait) return jobResult(created, restBase, 'Submitted.');
		const token = extra._meta?.progressToken;
		const {job, timedOut} = await waitForJob({
			getJob: () => service.getVideo(created.id),
			timeoutMs: wait.timeoutSec * 1000,
			signal: extra.signal,
			onProgress: (p) =>
				token === undefined
					? Promise.resolve()
					: extra.sendNotification({method: 'notifications/progress', params: {progressToken: token, ...p}}),
		});
		return jobResult(job, restBase, timedOut ? `Still ${job.status} after waiting ${wait.timeoutSec} s; it goes on.` : undefined);
	};

	server.registerTool(
		'create_video',
		{
			title: 'Create a video',
			description:
				'Make a narrated, captioned video from a prompt (a script, an outline or a topic) or render a storyboard: exactly one of prompt and storyboard. Answers with the job at once, or with `wait` when it ends (progress notifications meanwhile). A storyboard rendered before with the same options is answered done at once.',
			inputSchema: createVideoInputSchema,
			outputSchema: jobOutputSchema,
		},
		safely(async ({wait, ...body}, extra) => {
			// The tool answers a job (its output schema): a dry run is the HTTP API's (POST /v1/videos).
			if (body.dryRun)
				throw new ValidationError(
					'dryRun is not a create_video option: check a storyboard with POST /v1/videos and "dryRun": true, or `promptreel validate`.',
					[{path: 'dryRun', message: 'Not supported over MCP.'}],
				);
			return submit(body, wait, extra);
		}),
	);

	server.registerTool(
		'render_storyboard',
		{
			title: 'Render a storyboard',
			description:
				'Render a storyboard (from plan_storyboard, a template sample, or written by you against the schema of list_templates) to a video. The render completes it first: scenes whose narration has no audio, or whose text was edited since it was voiced, are voiced (the others reused; voice cache by text, voice and rate), captions timed from that audio, durations that follow the speech adjusted, bare procedural scenes illustrated; the storyboard\'s music plays (null: none). Options that apply: `quality`, `voice` and `rate` (for the scenes voiced now; a voice other than "auto" re-voices scenes another voice made). Unknown keys are errors naming their full path. Same answer as create_video; `wait` waits for the end with progress notifications; report.json says which scenes were voiced and reused.',
			inputSchema: renderStoryboardInputSchema,
			outputSchema: jobOutputSchema,
		},
		safely(async ({wait, storyboard, options}, extra) => submit({storyboard, options}, wait, extra)),
	);

	server.registerTool(
		'get_video',
		{
			title: 'Get a video job',
			description:
				'A video job: status, stage, progress, warnings, error, and when done its files as resource links (video.mp4, poster.jpg, captions, storyboard.json, credits.json, report.json).',
			inputSchema: jobIdInputSchema,
			outputSchema: jobOutputSchema,
			annotations: {readOnlyHint: true},
		},
		safely(async ({id}) => jobResult(await service.getVideo(id), restBase)),
	);

	server.registerTool(
		'cancel_video',
		{
			title: 'Cancel a video job',
			description:
				'Cancel a job: a queued one at once, a running one within about a second. A job that already ended cannot be cancelled (an error says so).',
			inputSchema: jobIdInputSchema,
			outputSchema: jobOutputSchema,
			annotations: {destructiveHint: true, idempotentHint: true},
		},
		safely(async ({id}) => jobResult(await service.cancelVideo(id), restBase, 'Cancel requested.')),
	);

	/** A batch as create_batch and get_batch answer it: file links are resources over stdio, REST URLs over HTTP. */
	const batchResult = async (id: string, note: string): Promise<CallToolResult> => {
		const found = await service.getBatch(id);
		const view = toBatchView(found.batch, found.jobs, restBase ?? '');
		if (!restBase)
			for (const item of view.items) item.files = Object.fromEntries(Object.keys(item.files).map((n) => [n, fileUri(item.id, n)]));
		const counts = Object.entries(view.counts).map(([status, n]) => `${n} ${status}`);
		return jsonResult(view, `${note}Batch ${view.id} is ${view.status}: ${counts.join(', ')} of ${view.total}. Follow it with get_batch.`);
	};

	server.registerTool(
		'create_batch',
		{
			title: 'Create a batch of videos',
			description:
				'Make many videos at once: `items` are create_video bodies (a prompt or a storyboard, with options), each becoming a video job. Every bad item is reported at once (paths items.<n>.…) and then nothing is submitted. Answers the batch at once; follow it with get_batch and each video with get_video. An optional webhook receives one batch.done event when all items have ended.',
			inputSchema: createBatchInputSchema,
			outputSchema: batchOutputSchema,
		},
		safely(async (body) => batchResult((await service.createBatch(body)).id, 'Submitted. ')),
	);

	server.registerTool(
		'get_batch',
		{
			title: 'Get a batch',
			description: "A batch: running or done, counts by status, and each item's video job id, status, stage, error and files.",
			inputSchema: batchIdInputSchema,
			outputSchema: batchOutputSchema,
			annotations: {readOnlyHint: true},
		},
		safely(async ({id}) => batchResult(id, '')),
	);

	server.registerTool(
		'plan_storyboard',
		{
			title: 'Plan a storyboard',
			description: 'Plan a storyboard from a prompt without voice, media or render: review or edit it, then pass it to render_storyboard.',
			inputSchema: planStoryboardInputSchema,
			outputSchema: planOutputSchema,
			annotations: {readOnlyHint: true},
		},
		safely(async (body, extra) => {
			const result = await service.planStoryboard(body, extra.signal);
			return jsonResult(result, `Planned "${result.storyboard.title}": ${result.storyboard.scenes.length} scenes.`);
		}),
	);

	server.registerTool(
		'list_templates',
		{
			title: 'List templates',
			description:
				'The templates a storyboard can target, each with the JSON Schema of its storyboard and the names of its sample storyboards.',
			inputSchema: emptyInputSchema,
			outputSchema: templatesOutputSchema,
			annotations: {readOnlyHint: true},
		},
		safely(() => {
			const data = service.templates();
			return jsonResult({data}, `Templates: ${data.map((t) => `${t.id} (${t.title})`).join(', ')}.`);
		}),
	);

	server.registerResource(
		'video-file',
		new ResourceTemplate(`${RESOURCE_SCHEME}://videos/{id}/{name}`, {
			list: async () => ({
				resources: (await service.listVideos({statuses: ['done'], limit: 20})).jobs.flatMap((job) =>
					job.files.map((name) => ({uri: fileUri(job.id, name), name: `${job.id}/${name}`, mimeType: mimeOf(name)})),
				),
			}),
			complete: {name: () => [...JOB_FILE_NAMES]},
		}),
		{
			title: 'Files of finished videos',
			description: `video.mp4 (inline up to ${MAX_INLINE_BYTES / 1024 / 1024} MB), poster.jpg, captions.srt, captions.vtt, storyboard.json, credits.json and report.json of a done job.`,
		},
		async (uri, variables) => {
			const id = String(variables.id);
			const name = String(variables.name);
			const file = await service.openFile(id, name);
			const mimeType = contentTypeOf(file.name).split(';')[0]!;
			if (file.size > MAX_INLINE_BYTES) {
				throw new NotFoundError(
					`${name} of video job ${id} is ${(file.size / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_INLINE_BYTES / 1024 / 1024} MB a resource read returns: download it from GET /v1/videos/${id}/files/${name} on the HTTP service${restBase || !isAbsolute(file.key) ? '' : `, or open ${file.key}`}.`,
				);
			}
			const bytes = Buffer.from(await new Response(await file.open()).arrayBuffer());
			const textual = /^(text\/|application\/(json|x-subrip))/.test(mimeType);
			return {
				contents: [
					textual ? {uri: uri.href, mimeType, text: bytes.toString('utf8')} : {uri: uri.href, mimeType, blob: bytes.toString('base64')},
				],
			};
		},
	);

	guardMcpRequests(
		server,
		{
			create_video: createVideoInputSchema,
			render_storyboard: renderStoryboardInputSchema,
			get_video: jobIdInputSchema,
			cancel_video: jobIdInputSchema,
			plan_storyboard: planStoryboardInputSchema,
			list_templates: emptyInputSchema,
			create_batch: createBatchInputSchema,
			get_batch: batchIdInputSchema,
		},
		log,
	);
	return server;
};

const mimeOf = (name: string): string | undefined =>
	(JOB_FILE_NAMES as readonly string[]).includes(name) ? contentTypeOf(name as never).split(';')[0] : undefined;
