import {describe, expect, it} from 'vitest';
import {templates} from '../../../compositions/registry';
import {computeTimeline, type Storyboard} from '../../../compositions/storyboard';
import {chunkFingerprints} from './chunk-fingerprints';
import {planChunks, planSceneChunks, sceneSpans} from './plan-chunks';

const FRAMES_PER_CHUNK = 10;
const sample = (): Storyboard => {
	const sb = structuredClone(templates.find((t) => t.id === 'explainer')!.samples.landscape!);
	return {...sb, format: {...sb.format, fps: 10}};
};
const fingerprints = (sb: Storyboard, o: {media?: Record<string, string>; settings?: Record<string, unknown>} = {}) =>
	chunkFingerprints({
		storyboard: sb,
		chunks: planChunks({durationInFrames: computeTimeline(sb).durationInFrames, framesPerChunk: FRAMES_PER_CHUNK}),
		mediaHash: (src) => o.media?.[src] ?? `hash-of-${src}`,
		settings: o.settings ?? {sourceHash: 'abc', scale: 1},
	});
/** Indexes of the chunks whose fingerprint differs. */
const changed = (a: string[], b: string[]) => a.flatMap((fp, i) => (fp === b[i] ? [] : [i]));

describe('chunkFingerprints', () => {
	it('splits a video into equal chunks but the last', () => {
		expect(planChunks({durationInFrames: 25, framesPerChunk: 10})).toEqual([
			{index: 0, from: 0, to: 9},
			{index: 1, from: 10, to: 19},
			{index: 2, from: 20, to: 24},
		]);
	});

	it('cuts chunks where the scenes on screen change, then evenly to at most framesPerChunk', () => {
		const sb = sample();
		const durationInFrames = computeTimeline(sb).durationInFrames;
		const chunks = planSceneChunks({storyboard: sb, durationInFrames, framesPerChunk: FRAMES_PER_CHUNK});
		// Contiguous, in order, covering the video, none longer than allowed.
		expect(chunks[0]?.from).toBe(0);
		expect(chunks.at(-1)?.to).toBe(durationInFrames - 1);
		chunks.forEach((c, i) => {
			expect(c.index).toBe(i);
			expect(c.to - c.from + 1).toBeLessThanOrEqual(FRAMES_PER_CHUNK);
			if (i > 0) expect(c.from).toBe(chunks[i - 1]!.to + 1);
		});
		// Every scene's span starts and ends on a chunk edge: no chunk holds a scene only in part.
		for (const span of sceneSpans(sb)) {
			for (const c of chunks) {
				const overlaps = c.from <= span.to && c.to >= span.from;
				if (overlaps) expect(c.from >= span.from && c.to <= span.to, `chunk ${c.from}-${c.to} vs scene ${span.from}-${span.to}`).toBe(true);
			}
		}
	});

	it("changes only the chunks a scene's title is on screen in (its frames and transitions, one frame of margin)", () => {
		const sb = sample();
		const edited = structuredClone(sb);
		edited.scenes[1]!.title = 'Another title';
		const timing = computeTimeline(sb).scenes[1]!;
		const first = Math.floor((timing.startFrame - 1) / FRAMES_PER_CHUNK);
		const last = Math.floor((timing.startFrame + timing.durationInFrames) / FRAMES_PER_CHUNK);
		const expected = Array.from({length: last - first + 1}, (_, k) => first + k);
		expect(changed(fingerprints(sb), fingerprints(edited))).toEqual(expected);
		expect(expected.length).toBeLessThan(fingerprints(sb).length / 2);
	});

	it("changes only the scene's chunks when its picture's file changes", () => {
		const sb = sample();
		const src = sb.scenes[1]!.visual.kind === 'procedural' ? null : sb.scenes[1]!.visual.src;
		expect(src).not.toBeNull();
		const after = fingerprints(sb, {media: {[src!]: 'new-bytes'}});
		const before = fingerprints(sb);
		expect(changed(before, after).length).toBeGreaterThan(0);
		expect(changed(before, after).length).toBeLessThan(before.length / 2);
	});

	it.each<[string, (sb: Storyboard) => void]>([
		['the music volume', (sb) => (sb.music!.volume = 0.9)],
		['a narration offset (its audio plays past its scene)', (sb) => (sb.scenes[0]!.narration.offsetMs += 100)],
		['the video title (the end card shows it)', (sb) => (sb.title = 'Another video')],
		['the theme palette', (sb) => (sb.theme.palette.text = '#000000')],
		['the last caption end of a scene (the music ducks to it)', (sb) => (sb.scenes[0]!.captions.at(-1)!.endMs += 200)],
		['a non-ASCII character in one title (another font subset loads)', (sb) => (sb.scenes[1]!.title = 'Ωmega')],
		['a scene duration (everything after moves)', (sb) => (sb.scenes[0]!.durationMs += 500)],
	])('changes every chunk when %s changes', (_name, edit) => {
		const sb = sample();
		const edited = structuredClone(sb);
		edit(edited);
		const a = fingerprints(sb);
		const b = fingerprints(edited);
		expect(changed(a, b).length).toBeGreaterThanOrEqual(Math.min(a.length, b.length));
	});

	it('changes every chunk when the settings (template code, encoder) change', () => {
		const sb = sample();
		const a = fingerprints(sb);
		const b = fingerprints(sb, {settings: {sourceHash: 'def', scale: 1}});
		expect(changed(a, b)).toHaveLength(a.length);
	});

	it('a template that declares no local scene field: a title edit changes every chunk', () => {
		const sb = {...sample(), template: 'kinetic'};
		const edited = structuredClone(sb);
		edited.scenes[1]!.title = 'Another title';
		const a = fingerprints(sb);
		expect(changed(a, fingerprints(edited))).toHaveLength(a.length);
	});

	it('the same storyboard with keys in another order gives the same fingerprints', () => {
		const sb = sample();
		const reordered = JSON.parse(JSON.stringify(sb, Object.keys(sb).reverse())) as Storyboard;
		Object.assign(reordered, sb);
		expect(fingerprints(reordered)).toEqual(fingerprints(sb));
	});
});
