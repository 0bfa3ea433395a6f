import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {storyboardSchema} from '../../compositions/storyboard';
import {startFakePexels, type FakePexels} from '../../../test/fakes/fake-pexels';
import {localizeRemoteMedia} from './localize-remote-media';

let dir: string;
let media: FakePexels;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'promptreel-url-media-'));
	media = await startFakePexels({brokenMedia: {99: 'html'}});
});
afterAll(async () => {
	await media.close();
	await rm(dir, {recursive: true, force: true});
});

describe('localizeRemoteMedia (your media by URL, per scene)', () => {
	it("downloads each scene's URL into media/, measures videos, and falls back naming the scene and URL", async () => {
		const scene = (id: string, visual: unknown) => ({id, narration: {text: 'Hi.'}, visual, durationMs: 3000});
		const storyboard = storyboardSchema.parse({
			title: 'By URL',
			scenes: [
				scene('a', {kind: 'video', src: `${media.url}/video-files/1/640x360.mp4`, durationMs: 1}),
				scene('b', {kind: 'image', src: `${media.url}/photos/2/p.jpeg`}),
				scene('c', {kind: 'image', src: `${media.url}/photos/99/p.jpeg`}),
				scene('d', {kind: 'procedural'}),
			],
		});
		const r = await localizeRemoteMedia({storyboard, outDir: dir, allowPrivateNetwork: true});
		const [a, b, c, d] = r.storyboard.scenes;
		expect(a!.visual).toMatchObject({kind: 'video', src: expect.stringMatching(/^media\/url-[0-9a-f]{16}\.mp4$/)});
		expect((a!.visual as {durationMs: number}).durationMs).toBeGreaterThan(2500);
		expect(b!.visual).toMatchObject({kind: 'image', src: expect.stringMatching(/\.jpg$/)});
		expect(existsSync(join(dir, (b!.visual as {src: string}).src))).toBe(true);
		expect(c!.visual).toEqual({kind: 'procedural', style: 'orbs', icon: null, extraIcons: []});
		expect(d!.visual.kind).toBe('procedural');
		expect(r.warnings).toEqual([
			{
				code: 'MEDIA_URL_FAILED',
				sceneId: 'c',
				path: 'scenes.2.visual.src',
				url: `${media.url}/photos/99/p.jpeg`,
				message: expect.stringMatching(
					/^could not fetch media for scene c \(content type "text\/html" .*\): scenes\.2\.visual\.src = .*photos\/99\/p\.jpeg; the scene shows a procedural background/,
				),
			},
		]);
		expect(storyboardSchema.safeParse(r.storyboard).success).toBe(true);
		// Without the trusted-network switch a loopback URL is refused.
		const guarded = await localizeRemoteMedia({storyboard, outDir: dir});
		expect(guarded.warnings.map((w) => w.sceneId)).toEqual(['a', 'b', 'c']);
		expect(guarded.warnings[0]!.message).toMatch(/\(refused: only https URLs, not http:\)/);
	});
});
