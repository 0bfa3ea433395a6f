import type {Visual} from '../storyboard';

type Size = {width: number; height: number};
export type Fit = Extract<Visual, {kind: 'video'}>['fit'];

/**
 * The CSS that shows a picture of `media` pixels in a `box` the way `object-fit` would, but at its own
 * size moved by a transform: Chromium's HTML-in-canvas (`drawElementImage`, the web renderer's
 * native paint) draws a nested <canvas> at its pixel size and ignores its CSS width, height and
 * object-fit, while it applies transforms (docs/web-fidelity.md, ninth round).
 */
export const fitByTransform = (box: Size, media: Size, fit: Fit) => {
	const scale = (fit === 'cover' ? Math.max : Math.min)(box.width / media.width, box.height / media.height);
	const x = (box.width - media.width * scale) / 2;
	const y = (box.height - media.height * scale) / 2;
	return {
		width: `${media.width}px`,
		height: `${media.height}px`,
		objectFit: 'fill',
		transformOrigin: '0 0',
		transform: `translate(${x}px, ${y}px) scale(${scale})`,
	} as const;
};
