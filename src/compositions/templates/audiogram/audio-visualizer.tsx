import {createSmoothSvgPath, useWindowedAudioData, visualizeAudio, visualizeAudioWaveform} from '@remotion/media-utils';
import type React from 'react';
import {useVideoConfig} from 'remotion';
import {resolveMediaSrc} from '../../components/resolve-media-src';
import type {AudiogramOptions} from './audiogram-schema';

/** Spectrum bins computed (a power of two); only the lower ones carry speech and music. */
const SPECTRUM_BINS = 128;
/** Bars drawn on each side of the mirrored spectrum. */
const BARS_PER_SIDE = 24;
const WAVE_POINTS = 48;
/** Decoded audio around the current frame: long podcasts are never decoded whole. */
const WINDOW_SECONDS = 8;

export type SoundFrame = {
	/** Bar heights, 0..1, low frequencies first. */
	spectrum: number[];
	/** Waveform samples, -1..1. */
	wave: number[];
	/** Overall loudness, 0..1 (drives the cover's pulse). */
	level: number;
};

const SILENCE: SoundFrame = {spectrum: new Array(BARS_PER_SIDE).fill(0), wave: new Array(WAVE_POINTS).fill(0), level: 0};

/**
 * The sound of one audio file at `frame` (frames into the file; negative or past its end is
 * silence), decoded a window at a time with useWindowedAudioData and analysed with
 * visualizeAudio (spectrum) and visualizeAudioWaveform (wave). Renders `children` with it.
 */
export const AudioFrame: React.FC<{src: string; frame: number; children: (sound: SoundFrame) => React.ReactNode}> = ({
	src,
	frame,
	children,
}) => {
	const {fps} = useVideoConfig();
	const at = Math.max(0, frame);
	const {audioData, dataOffsetInSeconds} = useWindowedAudioData({
		src: resolveMediaSrc(src),
		frame: at,
		fps,
		windowInSeconds: WINDOW_SECONDS,
	});
	if (!audioData || frame < 0 || frame / fps >= audioData.durationInSeconds) return <>{children(SILENCE)}</>;
	const raw = visualizeAudio({audioData, frame: at, fps, numberOfSamples: SPECTRUM_BINS, dataOffsetInSeconds, optimizeFor: 'speed'});
	// Loudness is spread very unevenly over the bins: a square root evens the bars out.
	const spectrum = raw.slice(0, BARS_PER_SIDE).map((v) => Math.min(1, Math.sqrt(v) * 3));
	const wave = visualizeAudioWaveform({audioData, frame: at, fps, windowInSeconds: 0.2, numberOfSamples: WAVE_POINTS, dataOffsetInSeconds});
	const level = Math.min(1, spectrum.slice(0, 8).reduce((s, v) => s + v, 0) / 6);
	return <>{children({spectrum, wave, level})}</>;
};

/** No sound to follow: a resting, softly breathing frame (so the layout never jumps). */
export const restingSound = (frame: number, fps: number): SoundFrame => ({
	spectrum: SILENCE.spectrum.map((_, i) => 0.04 + 0.03 * Math.sin((frame / fps) * 2 + i * 0.6)),
	wave: SILENCE.wave,
	level: 0,
});

/**
 * The sound drawn: a spectrum mirrored around the centre (low frequencies in the middle), or the
 * waveform as a smooth line, in a box of `width` x `height`.
 */
export const SoundShape: React.FC<{
	sound: SoundFrame;
	kind: AudiogramOptions['visualizer'];
	width: number;
	height: number;
	colour: string;
}> = ({sound, kind, width, height, colour}) => {
	if (kind === 'wave') {
		const mid = height / 2;
		const points = sound.wave.map((v, i) => ({x: (i / (sound.wave.length - 1)) * width, y: mid + v * mid * 0.9}));
		return (
			<svg width={width} height={height} style={{display: 'block', overflow: 'visible'}}>
				<path
					d={createSmoothSvgPath({points})}
					fill="none"
					stroke={colour}
					strokeWidth={Math.max(2, height * 0.05)}
					strokeLinecap="round"
				/>
			</svg>
		);
	}
	const bars = [...[...sound.spectrum].reverse(), ...sound.spectrum];
	const slot = width / bars.length;
	const barW = slot * 0.62;
	return (
		<svg width={width} height={height} style={{display: 'block'}}>
			{bars.map((v, i) => {
				const h = Math.max(barW, v * height);
				return <rect key={i} x={i * slot + (slot - barW) / 2} y={(height - h) / 2} width={barW} height={h} rx={barW / 2} fill={colour} />;
			})}
		</svg>
	);
};
