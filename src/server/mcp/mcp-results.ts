import type {CallToolResult} from '@modelcontextprotocol/sdk/types.js';
import {contentTypeOf, isJobFileName, toJobView, type JobRecord, type JobView} from '../../jobs';
import {errorToResponse} from '../http-errors';

export const RESOURCE_SCHEME = 'promptreel';
export const fileUri = (id: string, name: string) => `${RESOURCE_SCHEME}://videos/${id}/${name}`;

/**
 * A job as the tools return it: the REST shape, with `files` as `promptreel://` resource URIs
 * (readable with resources/read on any transport). With `restBase` (HTTP) the links point at
 * the REST API; over stdio there is none.
 */
export const toMcpJobView = (job: JobRecord, restBase: string | null): JobView => {
	const view = toJobView(job, restBase ?? '');
	const files = Object.fromEntries(Object.keys(view.files).map((name) => [name, fileUri(job.id, name)]));
	// Over stdio there is no HTTP API to link to: self names the job, the others the tools to use.
	const links = restBase
		? view.links
		: (Object.fromEntries(
				Object.keys(view.links).map((k) => [
					k,
					k === 'self'
						? `${RESOURCE_SCHEME}://videos/${job.id}`
						: k === 'cancel'
							? 'Call cancel_video with this id.'
							: 'Call get_video with this id.',
				]),
			) as JobView['links']);
	return {...view, files, links};
};

const describeJob = (v: JobView): string => {
	const head = `Video job ${v.id}: ${v.status}${v.stage && v.status !== 'done' ? ` (${v.stage}, ${Math.round(v.progress * 100)}%)` : ''}.`;
	const error = v.error ? ` Error ${v.error.code}: ${v.error.message}` : '';
	const warnings = v.warnings.length ? ` Warnings: ${v.warnings.map((w) => `[${w.code}] ${w.message}`).join(' ')}` : '';
	const next =
		v.status === 'done'
			? ' Files are linked below as resources.'
			: ['failed', 'cancelled'].includes(v.status)
				? ''
				: ' Follow it with get_video.';
	return `${head}${error}${warnings}${next}`;
};

/** A tool result for a job: text for the model, the job as structuredContent, a resource link per file. */
export const jobResult = (job: JobRecord, restBase: string | null, note?: string): CallToolResult => {
	const view = toMcpJobView(job, restBase);
	return {
		content: [
			{type: 'text', text: `${note ? `${note} ` : ''}${describeJob(view)}\n${JSON.stringify(view)}`},
			...Object.entries(view.files).map(([name, uri]) => ({
				type: 'resource_link' as const,
				uri,
				name,
				...(isJobFileName(name) ? {mimeType: contentTypeOf(name).split(';')[0]!} : {}),
				description: `${name} of video job ${job.id}`,
			})),
		],
		structuredContent: view,
	};
};

/** Any structured value as a tool result (text carries the JSON too, for clients that read only content). */
export const jsonResult = (value: Record<string, unknown>, text: string): CallToolResult => ({
	content: [{type: 'text', text: `${text}\n${JSON.stringify(value)}`}],
	structuredContent: value,
});

/**
 * An error as a tool result (`isError`), never a crash: the REST API's code, message and every zod
 * path, as text followed by the same `{error: {code, message, issues}}` JSON. No structuredContent:
 * clients check it against the tool's output schema, which describes success.
 */
export const errorResult = (error: unknown, log?: (message: string) => void): CallToolResult => {
	const {status, body} = errorToResponse(error);
	if (status >= 500) log?.(`mcp tool failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	const issues = body.error.issues?.length ? `\n${body.error.issues.map((i) => `- ${i.path}: ${i.message}`).join('\n')}` : '';
	return {isError: true, content: [{type: 'text', text: `${body.error.code}: ${body.error.message}${issues}\n${JSON.stringify(body)}`}]};
};
