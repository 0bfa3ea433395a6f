import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {generateVideo} from '../../pipeline/generate';
import type {Renderer} from '../../pipeline/render';

/** About 30 s of English narration. */
export const BENCH_SCRIPT =
	'Volcanoes are openings in the crust where molten rock reaches the surface. Deep underground, heat melts rock into magma, which is lighter than the solid rock around it. ' +
	'The magma rises and collects in a chamber a few kilometres below the surface. Pressure builds as gas dissolved in the magma tries to escape. ' +
	'When the pressure is greater than the strength of the rock above, the volcano erupts. Lava, ash and gas pour out, and each eruption adds a new layer. ' +
	'Over thousands of years, these layers build the cone that we recognise as a volcano.';

export type GenerateBench = {
	videoSec: number;
	totalSec: number;
	renderSec: number;
	stagesMs: Record<string, number>;
	overheadOfRender: number;
	totalOverVideo: number;
};

/**
 * Generates a ~30 s English script at the given quality with cold voice and render caches and
 * returns each stage's time, total / video length and pipeline overhead / render time.
 */
export const benchGenerate = async (o: {
	quality: 'draft' | 'standard';
	/** The renderer under test, made fresh for this run (closed here). */
	createRenderer: () => Renderer;
}): Promise<GenerateBench> => {
	const dataDir = await mkdtemp(join(tmpdir(), 'promptreel-bench-gen-'));
	const renderer = o.createRenderer();
	try {
		const result = await generateVideo({
			prompt: BENCH_SCRIPT,
			options: {quality: o.quality, durationSec: 30},
			outDir: join(dataDir, 'out'),
			dataDir,
			renderer,
		});
		const stagesMs = Object.fromEntries(Object.entries(result.report.stagesMs).map(([k, v]) => [k, v ?? 0]));
		const renderMs = stagesMs.rendering ?? 0;
		const totalMs = result.report.totalMs;
		return {
			videoSec: (result.report.video?.durationMs ?? 0) / 1000,
			totalSec: totalMs / 1000,
			renderSec: renderMs / 1000,
			stagesMs,
			overheadOfRender: (totalMs - renderMs) / renderMs,
			totalOverVideo: totalMs / (result.report.video?.durationMs ?? 1),
		};
	} finally {
		await renderer.close();
		await rm(dataDir, {recursive: true, force: true});
	}
};
