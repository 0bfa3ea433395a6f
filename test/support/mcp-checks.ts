import type {Client} from '@modelcontextprotocol/sdk/client/index.js';
import type {Progress} from '@modelcontextprotocol/sdk/types.js';
import {expect} from 'vitest';
import {tinyStoryboard} from './server-harness';

type ToolResult = Awaited<ReturnType<Client['callTool']>>;
export const textOf = (r: ToolResult): string => (r.content as {type: string; text?: string}[]).map((c) => c.text ?? '').join('\n');

export const TOOL_NAMES = [
	'cancel_video',
	'create_batch',
	'create_video',
	'get_batch',
	'get_video',
	'list_templates',
	'plan_storyboard',
	'render_storyboard',
];
export const OUTPUT_FILES = ['captions.srt', 'captions.vtt', 'credits.json', 'poster.jpg', 'report.json', 'storyboard.json', 'video.mp4'];

/** Every tool is listed with an object input schema, an output schema and the REST API's field descriptions. */
export const checkToolList = async (client: Client) => {
	const {tools} = await client.listTools();
	expect(tools.map((t) => t.name).sort()).toEqual(TOOL_NAMES);
	for (const tool of tools) {
		expect(tool.inputSchema.type, tool.name).toBe('object');
		expect(tool.outputSchema?.type, tool.name).toBe('object');
		expect(tool.description, tool.name).toBeTruthy();
	}
	const create = tools.find((t) => t.name === 'create_video')!;
	const props = create.inputSchema.properties as Record<string, {description?: string}>;
	expect(Object.keys(props).sort()).toEqual(['dryRun', 'options', 'prompt', 'storyboard', 'wait', 'webhook']);
	expect(props.prompt!.description).toMatch(/script, an outline/);
	expect(JSON.stringify(props.storyboard)).toMatch(/scenes/);
	expect(JSON.stringify(props.wait)).toMatch(/timeoutSec/);
	return tools;
};

/**
 * create_video with `wait` on a tiny storyboard: ends done with its files as resource links, after
 * progress notifications that only increase; the client's short timeout is reset by them.
 */
export const checkCreateAndWait = async (client: Client, title: string) => {
	const progress: Progress[] = [];
	const started = Date.now();
	const result = await client.callTool(
		{name: 'create_video', arguments: {storyboard: tinyStoryboard(title), options: {quality: 'draft'}, wait: {timeoutSec: 120}}},
		undefined,
		{onprogress: (p) => progress.push(p), timeout: 6000, resetTimeoutOnProgress: true, maxTotalTimeout: 120_000},
	);
	const elapsedMs = Date.now() - started;
	expect(result.isError, textOf(result)).toBeFalsy();
	const job = result.structuredContent as any;
	expect(job).toMatchObject({status: 'done', error: null, progress: 1});
	expect(Object.keys(job.files).sort()).toEqual(OUTPUT_FILES);
	expect(job.files['video.mp4']).toBe(`promptreel://videos/${job.id}/video.mp4`);
	const links = (result.content as any[]).filter((c) => c.type === 'resource_link');
	expect(links.map((l) => l.name).sort()).toEqual(OUTPUT_FILES);
	expect(links.find((l) => l.name === 'video.mp4')).toMatchObject({mimeType: 'video/mp4', uri: job.files['video.mp4']});

	expect(progress.length).toBeGreaterThan(1);
	for (let i = 1; i < progress.length; i++) expect(progress[i]!.progress).toBeGreaterThan(progress[i - 1]!.progress);
	expect(progress.at(-1)).toMatchObject({progress: 100, total: 100, message: 'done'});
	expect(progress.some((p) => /rendering/.test(p.message ?? ''))).toBe(true);
	return {job, progress, elapsedMs};
};

/** The finished files are resources: text files as text, the mp4 as a blob. */
export const checkResources = async (client: Client, job: any) => {
	const video = await client.readResource({uri: job.files['video.mp4']});
	const blob = video.contents[0] as {blob?: string; mimeType?: string};
	expect(blob.mimeType).toBe('video/mp4');
	const bytes = Buffer.from(blob.blob!, 'base64');
	expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
	const srt = await client.readResource({uri: job.files['captions.srt']});
	expect(typeof (srt.contents[0] as {text?: string}).text).toBe('string');
	const storyboard = await client.readResource({uri: job.files['storyboard.json']});
	expect(JSON.parse((storyboard.contents[0] as {text: string}).text).scenes).toHaveLength(1);
	const listed = await client.listResources();
	expect(listed.resources.map((r) => r.uri)).toContain(job.files['video.mp4']);
	const {resourceTemplates} = await client.listResourceTemplates();
	expect(resourceTemplates.map((t) => t.uriTemplate)).toContain('promptreel://videos/{id}/{name}');
	await expect(client.readResource({uri: `promptreel://videos/${job.id}/secret.txt`})).rejects.toThrow(/no file "secret.txt"/);
};

/** get_video, cancel_video, list_templates, plan_storyboard, and the error cases. */
export const checkOtherTools = async (client: Client, done: any) => {
	const got = await client.callTool({name: 'get_video', arguments: {id: done.id}});
	expect(got.isError).toBeFalsy();
	expect(got.structuredContent).toMatchObject({id: done.id, status: 'done', files: done.files});

	// A job submitted without wait answers at once; cancelling it works, cancelling again says why not.
	const queued = await client.callTool({
		name: 'render_storyboard',
		arguments: {storyboard: tinyStoryboard(`${done.id} cancelled`, {durationMs: 4000}), options: {quality: 'draft'}},
	});
	expect(queued.isError, textOf(queued)).toBeFalsy();
	const id = (queued.structuredContent as any).id;
	expect(['queued', 'rendering']).toContain((queued.structuredContent as any).status);
	const cancel = await client.callTool({name: 'cancel_video', arguments: {id}});
	expect(cancel.isError, textOf(cancel)).toBeFalsy();
	const again = await client.callTool({name: 'cancel_video', arguments: {id: done.id}});
	expect(again.isError).toBe(true);
	expect(textOf(again)).toMatch(/^CONFLICT: .*already done/);

	const templates = await client.callTool({name: 'list_templates', arguments: {}});
	const data = (templates.structuredContent as any).data as any[];
	expect(data.map((t) => t.id)).toContain('explainer');
	expect(data[0].schema).toHaveProperty('properties');

	const plan = await client.callTool({
		name: 'plan_storyboard',
		arguments: {prompt: '3 tips for better sleep: 1. Keep a schedule. 2. Cut caffeine. 3. Dim the lights.'},
	});
	expect(plan.isError, textOf(plan)).toBeFalsy();
	expect((plan.structuredContent as any).storyboard.scenes.length).toBeGreaterThan(0);

	// Bad input is an isError result naming every zod path, never a crash.
	const bad = tinyStoryboard('Bad') as any;
	bad.scenes[0].durationMs = -5;
	const invalid = await client.callTool({name: 'render_storyboard', arguments: {storyboard: bad}});
	expect(invalid.isError).toBe(true);
	// Arguments are checked against the advertised (REST) schema before the SDK sees them
	// (guard-mcp-requests.ts): the REST error shape with every zod path.
	expect(textOf(invalid)).toMatch(/^INVALID_INPUT: .*\n- storyboard\.scenes\.0\.durationMs: .*>=200/);
	const both = await client.callTool({name: 'create_video', arguments: {prompt: 'Hi', storyboard: tinyStoryboard('Both')}});
	expect(both.isError).toBe(true);
	expect(textOf(both)).toMatch(/either prompt or storyboard/);
	const unknownTemplate = await client.callTool({name: 'create_video', arguments: {prompt: 'Volcanoes', options: {template: 'nope'}}});
	expect(unknownTemplate.isError).toBe(true);
	expect(textOf(unknownTemplate)).toMatch(/^INVALID_INPUT: .*\n- options\.template: Unknown template "nope"/);
	expect(JSON.parse(textOf(unknownTemplate).split('\n').at(-1)!)).toMatchObject({
		error: {code: 'INVALID_INPUT', issues: [{path: 'options.template'}]},
	});
	const missing = await client.callTool({name: 'get_video', arguments: {id: 'vid_000000000000000000000000'}});
	expect(missing.isError).toBe(true);
	expect(textOf(missing)).toMatch(/^NOT_FOUND: No video job "vid_000000000000000000000000"/);
	const noArgs = await client.callTool({name: 'get_video', arguments: {}});
	expect(noArgs.isError).toBe(true);
	expect(textOf(noArgs)).toMatch(/id/);
};
