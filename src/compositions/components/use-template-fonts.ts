import {loadFont} from '@remotion/fonts';
import {useEffect, useState} from 'react';
import {useDelayRender} from 'remotion';
import type {Storyboard} from '../storyboard';
import {fontStackOf, loadFontsFor} from './load-fonts';
import {resolveMediaSrc} from './resolve-media-src';
import {storyboardText} from './use-storyboard-fonts';

/** The CSS family name a storyboard's own font file (theme.fontFile) is registered under. */
export const BRAND_FONT_FAMILY = 'promptreel-brand';

export type TemplateFonts = {
	/** The CSS font stack: the brand font file first when there is one, then the bundled families. */
	fontStack: string;
	/**
	 * True once every face is loaded. Text measured before that (measureText caches by family) would
	 * be measured with a fallback font, so templates measure only when this is true.
	 */
	ready: boolean;
};

/**
 * Loads a storyboard's fonts (the brand font file of theme.fontFile, and the bundled subsets its
 * text uses) and holds the frame until they are loaded and the component has re-rendered with
 * `ready`, so text measured with @remotion/layout-utils uses the real faces (docs/architecture.md,
 * "The storyboard": renders must be reproducible).
 */
export const useTemplateFonts = (sb: Storyboard): TemplateFonts => {
	const {language, fontFamily, fontFile} = {language: sb.language, fontFamily: sb.theme.fontFamily, fontFile: sb.theme.fontFile};
	// The hook's delayRender holds the frame of whichever renderer mounted us: the global one of
	// `remotion` holds only the capture renderer's page, so the web renderer painted frame 0 before
	// the fonts were in (no text on it: data-story and kinetic 21-26 dB at frame 0 only).
	const {delayRender, continueRender, cancelRender} = useDelayRender();
	const [handle] = useState(() => delayRender(`Loading the fonts of "${sb.title}"`));
	const [ready, setReady] = useState(false);
	const text = storyboardText(sb);
	useEffect(() => {
		let live = true;
		const bundled = loadFontsFor({language, fontFamily, text});
		const brand = fontFile ? loadFont({family: BRAND_FONT_FAMILY, url: resolveMediaSrc(fontFile)}) : Promise.resolve();
		Promise.all([bundled, brand])
			.then(() => {
				if (live) setReady(true);
			})
			.catch((error: unknown) => cancelRender(error));
		return () => {
			live = false;
		};
	}, [language, fontFamily, fontFile, text, cancelRender]);
	useEffect(() => {
		if (ready) continueRender(handle);
	}, [ready, handle, continueRender]);
	const stack = fontStackOf({language, fontFamily});
	return {fontStack: fontFile ? `"${BRAND_FONT_FAMILY}", ${stack}` : stack, ready};
};
