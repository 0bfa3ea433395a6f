import type {Scene, Storyboard} from '../../storyboard';
import type {AudiogramOptions} from './audiogram-schema';

export type AudioSource =
	/** A scene's narration file; `startFrame` is where it starts, in frames from the scene start. */
	| {kind: 'narration'; src: string; startFrame: number}
	/** The music bed, which loops every `loopFrames` from the start of the video. */
	| {kind: 'music'; src: string; loopFrames: number};

/**
 * The sound the visualizer follows in a scene, by the `audioSource` option: the scene's narration
 * when it has audio (auto, narration), else the music bed (auto, music), else none (the bars rest).
 */
export const audioSourceOf = (o: {
	scene: Pick<Scene, 'narration'>;
	music: Storyboard['music'];
	option: AudiogramOptions['audioSource'];
	fps: number;
}): AudioSource | null => {
	const {narration} = o.scene;
	const music = o.music
		? {kind: 'music' as const, src: o.music.src, loopFrames: Math.max(1, Math.floor((o.music.durationMs * o.fps) / 1000))}
		: null;
	const voice = narration.audio
		? {kind: 'narration' as const, src: narration.audio, startFrame: Math.round((narration.offsetMs * o.fps) / 1000)}
		: null;
	switch (o.option) {
		case 'narration':
			return voice;
		case 'music':
			return music;
		case 'auto':
			return voice ?? music;
	}
};

/** `m:ss` of a time in seconds (the player clock). */
export const formatClock = (seconds: number): string => {
	const s = Math.max(0, Math.floor(seconds));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
