import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {findTemplate} from '../../compositions/registry';
import {computeTimeline, type Storyboard} from '../../compositions/storyboard';
import {projectRoot} from '../../pipeline/project-root';
import type {Quality, Renderer} from '../../pipeline/render';
import {sampleTreeMemory} from '../process-tree-memory';

export type MemoryRow = {label: string; quality: Quality; videoSec: number; peakMb: number; processes: number; renderSec: number};

/** The explainer's landscape sample, its scenes repeated (new ids) until the video lasts `seconds` (transitions overlap scenes, so the timeline decides). */
export const longStoryboard = (seconds: number): Storyboard => {
	const sample = findTemplate('explainer')!.samples.landscape!;
	const scenes: Storyboard['scenes'] = [];
	const of = (list: Storyboard['scenes']): Storyboard => ({...sample, scenes: list, endCard: {...sample.endCard, enabled: false}});
	for (let i = 0; scenes.length === 0 || computeTimeline(of(scenes)).durationMs < seconds * 1000; i++) {
		const scene = sample.scenes[i % sample.scenes.length]!;
		scenes.push({...scene, id: `${scene.id}-${i}`});
	}
	return of(scenes);
};

/**
 * Peak memory of whole renders: node and every child (Chromium's processes, ffmpeg) as summed PSS,
 * sampled every 250 ms. A 60 s video at 1080p (target <= 1.5 GB), then 1 min and 4 min at 360p:
 * the 4 min one must not take more than the 1 min one (memory flat with length).
 */
export const benchMemory = async (o: {
	/** The renderer under test; one per case, so each peak starts from nothing (closed here). */
	createRenderer: () => Renderer;
	log: (s: string) => void;
}): Promise<MemoryRow[]> => {
	const out = await mkdtemp(join(tmpdir(), 'promptreel-bench-memory-'));
	const mediaDir = join(projectRoot(), 'src/compositions/templates/explainer/samples');
	const cases: {label: string; seconds: number; quality: Quality}[] = [
		{label: '60 s at 1080p', seconds: 60, quality: 'high'},
		{label: '1 min at 360p', seconds: 60, quality: 'draft'},
		{label: '4 min at 360p', seconds: 240, quality: 'draft'},
	];
	const rows: MemoryRow[] = [];
	try {
		for (const c of cases) {
			// A renderer (and so a browser) per case: each peak starts from nothing.
			const renderer = o.createRenderer();
			const storyboard = longStoryboard(c.seconds);
			const sampler = sampleTreeMemory();
			const started = performance.now();
			try {
				const video = await renderer.renderVideo({storyboard, mediaDir, outFile: join(out, `${rows.length}.mp4`), quality: c.quality});
				const {peakBytes, peakProcesses} = sampler.stop();
				const row = {
					label: c.label,
					quality: c.quality,
					videoSec: video.frames / video.fps,
					peakMb: peakBytes / 2 ** 20,
					processes: peakProcesses,
					renderSec: (performance.now() - started) / 1000,
				};
				rows.push(row);
				o.log(
					`memory: ${row.label} (${row.videoSec.toFixed(0)} s of video) peak ${row.peakMb.toFixed(0)} MB summed PSS over ${row.processes} processes, rendered in ${row.renderSec.toFixed(0)} s`,
				);
			} finally {
				sampler.stop();
				await renderer.close();
			}
		}
	} finally {
		await rm(out, {recursive: true, force: true});
	}
	return rows;
};
