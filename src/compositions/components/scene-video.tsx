import {Video as MediaVideo} from '@remotion/media';
import type React from 'react';
import {type RefObject, useLayoutEffect, useRef} from 'react';
import {AbsoluteFill, Loop, useVideoConfig} from 'remotion';
import type {Palette, Visual} from '../storyboard';
import {type Fit, fitByTransform} from './fit-by-transform';
import {useLayerStyle} from './compositor-layers';
import {resolveMediaSrc} from './resolve-media-src';

type VideoVisual = Extract<Visual, {kind: 'video'}>;

/**
 * Sizes the clip's <canvas> (drawn by @remotion/media) by a transform instead of object-fit, each time
 * the canvas appears or changes its pixel size: HTML-in-canvas paints a nested canvas at its pixel
 * size and ignores CSS sizing (see fitByTransform). The observer's callback runs before the frame is
 * painted by either renderer.
 */
const useCanvasFitByTransform = (host: RefObject<HTMLDivElement | null>, fit: Fit) => {
	useLayoutEffect(() => {
		const box = host.current;
		if (!box) return;
		const apply = () => {
			const canvas = box.querySelector('canvas');
			if (!canvas || canvas.width === 0 || canvas.height === 0) return;
			const size = fitByTransform({width: box.offsetWidth, height: box.offsetHeight}, {width: canvas.width, height: canvas.height}, fit);
			Object.assign(canvas.style, {position: 'absolute', left: '0', top: '0', maxWidth: 'none', ...size});
		};
		apply();
		const observer = new MutationObserver(apply);
		observer.observe(box, {subtree: true, childList: true, attributes: true, attributeFilter: ['width', 'height']});
		return () => observer.disconnect();
	}, [host, fit]);
};

/**
 * A muted clip filling the scene, starting at trimStartMs; a clip shorter than the scene is repeated
 * with <Loop>, using the clip length measured at plan time. Both renderers decode it with
 * @remotion/media's <Video> (WebCodecs in the page): the web renderer supports nothing else, and on
 * the capture path it costs less than <OffthreadVideo> per frame and in memory (README, "Speed").
 */
export const SceneVideo: React.FC<{visual: VideoVisual; durationInFrames: number; palette: Palette}> = ({
	visual,
	durationInFrames,
	palette,
}) => {
	const {fps} = useVideoConfig();
	const host = useRef<HTMLDivElement>(null);
	useCanvasFitByTransform(host, visual.fit);
	const trimBefore = Math.round((visual.trimStartMs * fps) / 1000);
	// Floor, so that the last frame of a loop never asks for a time past the end of the file.
	const playableFrames = Math.max(1, Math.floor(((visual.durationMs - visual.trimStartMs) * fps) / 1000));
	const layer = useLayerStyle();
	const style: React.CSSProperties = {width: '100%', height: '100%', objectFit: visual.fit, ...layer};
	const video = (
		<MediaVideo
			src={resolveMediaSrc(visual.src)}
			muted
			trimBefore={trimBefore > 0 ? trimBefore : undefined}
			objectFit={visual.fit}
			style={style}
		/>
	);
	return (
		<AbsoluteFill>
			{/* Layers of their own: each new video frame then repaints only the video, not the gradient.
			    Only around a `contain` clip: a `cover` one hides it on every frame (see KenBurnsImage). */}
			{visual.fit === 'contain' ? (
				<AbsoluteFill style={{background: `linear-gradient(160deg, ${palette.surface} 0%, ${palette.background} 100%)`, ...layer}} />
			) : null}
			<AbsoluteFill ref={host}>
				{visual.loop && playableFrames < durationInFrames ? (
					<Loop durationInFrames={playableFrames} name="clip loop">
						{video}
					</Loop>
				) : (
					video
				)}
			</AbsoluteFill>
		</AbsoluteFill>
	);
};
