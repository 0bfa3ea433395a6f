import {useState} from 'react';
import type {Storyboard} from '../storyboard';
import {fontStackOf, loadFontsFor} from './load-fonts';

/** Every string a template may draw from a storyboard, for picking font subsets. */
export const storyboardText = (sb: Storyboard): string =>
	[
		sb.title,
		sb.endCard.title ?? '',
		...sb.scenes.flatMap((s) => [s.title ?? '', s.text ?? '', ...s.captions.map((c) => c.text)]),
		...sb.credits.flatMap((c) => [c.title, c.author ?? '', c.source ?? '', c.license]),
		'·…—–“”‘’',
	].join('\n');

/**
 * Loads the fonts a storyboard needs (its families, only the subsets its text uses) once per
 * mount and returns its CSS font stack. Rendering waits for the fonts (loadFont delays it).
 */
export const useStoryboardFonts = (sb: Storyboard): string => {
	const choice = {language: sb.language, fontFamily: sb.theme.fontFamily};
	useState(() => {
		void loadFontsFor({...choice, text: storyboardText(sb)});
		return null;
	});
	return fontStackOf(choice);
};
