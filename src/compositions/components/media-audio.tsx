import {Audio as MediaAudio} from '@remotion/media';
import {useAudioData} from '@remotion/media-utils';
import type React from 'react';
import {Html5Audio, type VolumeProp} from 'remotion';
import {useMediaEngine} from './media-engine';

/**
 * Gain on each side when a mono source becomes stereo. Remotion's capture renderer mixes with
 * ffmpeg `-ac 2`, which sends the mono channel to both sides at -3 dB (1/sqrt 2); @remotion/media
 * copies it to both sides at full level. The web path applies this so both renderers play a mono
 * narration equally loud.
 */
export const MONO_TO_STEREO_GAIN = Math.SQRT1_2;

const scaled = (volume: VolumeProp | undefined, gain: number): VolumeProp =>
	typeof volume === 'function' ? (frame: number) => volume(frame) * gain : (volume ?? 1) * gain;

/** @remotion/media's `<Audio>`, at ffmpeg's mono-to-stereo level (waits for the file's channel count). */
const WebAudioTrack: React.FC<{src: string; volume?: VolumeProp}> = ({src, volume}) => {
	const data = useAudioData(src);
	if (!data) return null;
	return <MediaAudio src={src} volume={data.numberOfChannels === 1 ? scaled(volume, MONO_TO_STEREO_GAIN) : volume} />;
};

/**
 * An audio track for either renderer: Remotion's `<Html5Audio>` (the current name of `<Audio>`) under the capture renderer (mixed by
 * its ffmpeg), `<Audio>` of @remotion/media under the web renderer (mixed in the page).
 */
export const MediaAudioTrack: React.FC<{src: string; volume?: VolumeProp}> = ({src, volume}) => {
	const engine = useMediaEngine();
	return engine === 'web' ? <WebAudioTrack src={src} volume={volume} /> : <Html5Audio src={src} volume={volume} />;
};
