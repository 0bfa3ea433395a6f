import {ALL_FORMATS, Input, UrlSource} from 'mediabunny';
import {useEffect, useState} from 'react';
import {useDelayRender, useVideoConfig} from 'remotion';

const durations = new Map<string, Promise<number | null>>();
/** The lengths read so far, in seconds (null: unreadable), for whoever must know without waiting. */
const measured = new Map<string, number | null>();

/** Two quick retries, then give up (mediabunny's default retries a missing file for ever). */
const retryTwice = (previousAttempts: number): number | null => (previousAttempts < 2 ? 0.25 : null);

/**
 * A media file's length in seconds, read once per page with mediabunny (the reader @remotion/media
 * decodes with), or null when it cannot be read.
 */
export const mediaDurationInSeconds = (src: string): Promise<number | null> => {
	let duration = durations.get(src);
	if (!duration) {
		duration = (async () => {
			const input = new Input({source: new UrlSource(src, {getRetryDelay: retryTwice}), formats: ALL_FORMATS});
			try {
				const seconds = await input.computeDuration();
				measured.set(src, seconds);
				return seconds;
			} catch {
				measured.set(src, null);
				return null;
			} finally {
				input.dispose();
			}
		})();
		durations.set(src, duration);
	}
	return duration;
};

/** Frames at `fps` that `seconds` of media cover (rounded up, at least one). */
export const mediaSecondsToFrames = (seconds: number, fps: number): number => Math.max(1, Math.ceil(seconds * fps));

/**
 * A media file's length in frames if this page has read it already: undefined when not read yet,
 * null when it cannot be read.
 */
export const measuredMediaFrames = (src: string, fps: number): number | null | undefined => {
	const seconds = measured.get(src);
	return seconds === undefined || seconds === null ? seconds : mediaSecondsToFrames(seconds, fps);
};

/**
 * How many frames a media file lasts at the video's frame rate (rounded up), holding the frame
 * until it is known: undefined while measuring, null when the file cannot be read.
 */
export const useMediaDurationInFrames = (src: string): number | null | undefined => {
	const {fps} = useVideoConfig();
	const {delayRender, continueRender} = useDelayRender();
	const [handle] = useState(() => delayRender(`Measuring ${src}`));
	const [frames, setFrames] = useState<number | null | undefined>(undefined);
	useEffect(() => {
		let live = true;
		void mediaDurationInSeconds(src).then((seconds) => {
			if (live) setFrames(seconds === null ? null : mediaSecondsToFrames(seconds, fps));
		});
		return () => {
			live = false;
		};
	}, [src, fps]);
	useEffect(() => {
		if (frames !== undefined) continueRender(handle);
	}, [frames, handle, continueRender]);
	// Unmounted before the file was read (a seek in Studio): the frame must not wait for it.
	useEffect(() => () => continueRender(handle), [handle, continueRender]);
	return frames;
};
