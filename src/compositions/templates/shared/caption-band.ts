import type {FrameLayout} from '../../components/use-frame-layout';
import type {CaptionStyle} from '../../storyboard';

/**
 * Height (px) that bottom captions take above the safe margin: about two lines of the caption
 * font (TikTokCaptions' size), so a template can keep its own text out of their way. 0 when
 * captions are off or not at the bottom.
 */
export const captionBandOf = (style: CaptionStyle, layout: Pick<FrameLayout, 'unit' | 'orientation'>): number =>
	style.enabled && style.position === 'bottom' ? layout.unit * (layout.orientation === 'portrait' ? 7.2 : 6.2) * style.fontScale * 2.7 : 0;
