import type React from 'react';
import {Loop, Sequence, interpolate, useCurrentFrame, useVideoConfig} from 'remotion';
import {sceneMsToAbsoluteFrame, type Storyboard, type Timeline} from '../storyboard';
import {MediaAudioTrack} from './media-audio';
import {measuredMediaFrames, useMediaDurationInFrames} from './use-media-duration';
import {resolveMediaSrc} from './resolve-media-src';

/** How fast the music dips under the voice and comes back, in ms. */
const DUCK_RAMP_MS = 300;
/** Pauses in the speech shorter than this keep the music ducked: a bed that rises in every short pause pumps. */
const BRIDGE_GAP_MS = 1500;

type Span = {from: number; to: number};

/** The stretches of speech on the video's timeline (absolute frames), short pauses bridged. */
export const speechSpans = (storyboard: Storyboard, timeline: Timeline): Span[] => {
	const {fps} = timeline;
	const spans = storyboard.scenes.flatMap((scene, i): Span[] => {
		const timing = timeline.scenes[i];
		if (!timing || scene.narration.audio === null) return [];
		const last = scene.captions[scene.captions.length - 1];
		const to = last
			? sceneMsToAbsoluteFrame(timing, last.endMs, fps)
			: timing.startFrame + timing.durationInFrames - timing.transitionInFrames;
		return [{from: sceneMsToAbsoluteFrame(timing, scene.narration.offsetMs, fps), to}];
	});
	const bridge = Math.round((BRIDGE_GAP_MS * fps) / 1000);
	return spans.reduce<Span[]>((merged, s) => {
		const prev = merged[merged.length - 1];
		if (prev && s.from - prev.to < bridge) prev.to = Math.max(prev.to, s.to);
		else merged.push({...s});
		return merged;
	}, []);
};

const MusicPass: React.FC<{src: string; loopFrames: number; volumeAt: (frame: number) => number}> = ({src, loopFrames, volumeAt}) => {
	const loop = Loop.useLoop();
	const offset = (loop?.iteration ?? 0) * loopFrames;
	return <MediaAudioTrack src={src} volume={(f) => volumeAt(offset + f)} />;
};

/**
 * A narration that leaves the mix when its file ends. Mounted past its end, an audio element stays
 * in the render's asset list on every frame, and Remotion's capture renderer does work per frame
 * in proportion to every asset of every frame before it: with one voice per scene left mounted,
 * a 4 min video rendered at 11 fps at its start and 7 fps at its end (docs/architecture.md,
 * "Long renders"). A file that cannot be measured plays unbounded, as before.
 */
const Voice: React.FC<{src: string; volume: number}> = ({src, volume}) => {
	const frames = useMediaDurationInFrames(src);
	if (frames === undefined) return null;
	const track = <MediaAudioTrack src={src} volume={volume} />;
	return frames === null ? (
		track
	) : (
		<Sequence durationInFrames={frames} layout="none" name="voice playing">
			{track}
		</Sequence>
	);
};

/**
 * Each scene's narration at its absolute frame, mounted from its first frame until its file has
 * played (known once `Voice` has read its length): every mounted sequence is evaluated on every
 * frame, so voices yet to come or long finished made a long video's frames dearer
 * (docs/architecture.md, "Long renders").
 */
const Voices: React.FC<{storyboard: Storyboard; timeline: Timeline}> = ({storyboard, timeline}) => {
	const {fps} = useVideoConfig();
	const frame = useCurrentFrame();
	return (
		<>
			{storyboard.scenes.map((scene, i) => {
				const timing = timeline.scenes[i];
				if (!timing || !scene.narration.audio) return null;
				const from = sceneMsToAbsoluteFrame(timing, scene.narration.offsetMs, fps);
				const src = resolveMediaSrc(scene.narration.audio);
				const length = measuredMediaFrames(src, fps);
				if (frame < from || (typeof length === 'number' && frame >= from + length)) return null;
				return (
					<Sequence key={`voice-${scene.id}`} from={from} layout="none" name={`voice ${scene.id}`}>
						<Voice src={src} volume={scene.narration.volume} />
					</Sequence>
				);
			})}
		</>
	);
};

/**
 * A storyboard's sound: each scene's narration at its absolute frame from the one timing helper
 * (so transitions never shift it), and the music bed looped, ducked under the speech (pauses
 * under 1.5 s stay ducked), faded in and out.
 */
export const StoryboardAudio: React.FC<{storyboard: Storyboard; timeline: Timeline}> = ({storyboard, timeline}) => {
	const {fps} = useVideoConfig();
	const music = storyboard.music;
	const spans = music ? speechSpans(storyboard, timeline) : [];
	const total = timeline.durationInFrames;
	const ramp = Math.max(1, Math.round((DUCK_RAMP_MS * fps) / 1000));
	const volumeAt = (frame: number): number => {
		if (!music) return 0;
		const duck = spans.reduce(
			(d, s) =>
				Math.max(
					d,
					interpolate(frame, [s.from - ramp, s.from, s.to, s.to + ramp], [0, 1, 1, 0], {
						extrapolateLeft: 'clamp',
						extrapolateRight: 'clamp',
					}),
				),
			0,
		);
		const fadeFrames = Math.max(1, Math.round((music.fadeOutMs * fps) / 1000));
		const fadeIn = interpolate(frame, [0, Math.round(fps * 0.5)], [0, 1], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
		const fadeOut = interpolate(frame, [total - fadeFrames, total], [1, 0], {extrapolateLeft: 'clamp', extrapolateRight: 'clamp'});
		return (music.volume + (music.duckedVolume - music.volume) * duck) * fadeIn * fadeOut;
	};
	const loopFrames = music ? Math.max(1, Math.floor((music.durationMs * fps) / 1000)) : 1;
	return (
		<>
			<Voices storyboard={storyboard} timeline={timeline} />
			{music ? (
				<Loop durationInFrames={loopFrames} layout="none" name="music">
					<MusicPass src={resolveMediaSrc(music.src)} loopFrames={loopFrames} volumeAt={volumeAt} />
				</Loop>
			) : null}
		</>
	);
};
