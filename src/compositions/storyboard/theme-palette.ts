import type {Palette, Theme} from './storyboard-schema';

/**
 * The palette a template paints with: the theme's palette with the brand colours over it (primary
 * -> primary, secondary -> surface, accent -> accent). A brand is the user's choice; the palette is
 * usually the planner's pick from the topic, so the brand wins.
 */
export const themePalette = (theme: Pick<Theme, 'palette' | 'brandColors'>): Palette => {
	const brand = theme.brandColors;
	if (!brand) return theme.palette;
	return {
		...theme.palette,
		primary: brand.primary,
		surface: brand.secondary ?? theme.palette.surface,
		accent: brand.accent ?? theme.palette.accent,
	};
};
