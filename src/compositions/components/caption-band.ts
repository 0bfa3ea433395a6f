import type {CaptionStyle} from '../storyboard';
import type {FrameLayout} from './use-frame-layout';

/** Caption text size: a share of the frame's short side, larger in portrait where the frame is narrow. */
export const captionFontSize = (layout: Pick<FrameLayout, 'unit' | 'orientation'>, style: Pick<CaptionStyle, 'fontScale'>): number =>
	layout.unit * (layout.orientation === 'portrait' ? 7.2 : 6.2) * style.fontScale;

/**
 * Height the captions take at their edge (two lines and their padding), which a template keeps
 * free of its own text; 0 when captions are off.
 */
export const captionBandHeight = (
	layout: Pick<FrameLayout, 'unit' | 'orientation'>,
	style: Pick<CaptionStyle, 'enabled' | 'fontScale'>,
): number => (style.enabled ? captionFontSize(layout, style) * 2.7 : 0);
