import type {Credit, Music} from '../../compositions/storyboard';
import type {MusicMood} from '../plan';
import {chooseMusic} from './music-choice';
import type {RunContext} from './start-run';

/**
 * Music: the bed the options ask for (auto picks a bundled loop by the plan's mood), copied into
 * the output folder, with its credit.
 */
export const musicStage = async (
	run: RunContext,
	o: {mood: MusicMood; outDir: string; mediaDir: string},
): Promise<{music: Music | null; credits: Credit[]}> => {
	const choice = await chooseMusic({choice: run.options.music, mood: o.mood, outDir: o.outDir, mediaDir: o.mediaDir});
	return {music: choice.music, credits: choice.credit ? [choice.credit] : []};
};
