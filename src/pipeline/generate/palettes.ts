import type {Palette} from '../../compositions/storyboard';
import type {MusicMood} from '../plan';

/** Curated palettes (text contrast checked against background and surface), by mood. */
const PALETTES: Record<MusicMood, Palette[]> = {
	calm: [
		{background: '#0f172a', surface: '#1e3a8a', primary: '#6366f1', accent: '#facc15', text: '#f8fafc'},
		{background: '#042f2e', surface: '#115e59', primary: '#2dd4bf', accent: '#fde68a', text: '#f0fdfa'},
	],
	upbeat: [
		{background: '#3b0764', surface: '#9d174d', primary: '#f472b6', accent: '#fde047', text: '#fff7ed'},
		{background: '#172554', surface: '#0369a1', primary: '#38bdf8', accent: '#fb923c', text: '#f8fafc'},
	],
	serious: [
		{background: '#111827', surface: '#7c2d12', primary: '#f97316', accent: '#fbbf24', text: '#f9fafb'},
		{background: '#0c0a09', surface: '#1c1917', primary: '#a8a29e', accent: '#ef4444', text: '#fafaf9'},
	],
};

/** A palette for the mood, chosen by the seed. */
export const pickPalette = (mood: MusicMood, seed: number): Palette => {
	const list = PALETTES[mood];
	return list[seed % list.length] ?? list[0]!;
};
