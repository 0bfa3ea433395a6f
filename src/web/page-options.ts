// Choices the prompt form offers. Voices and music tracks are those that work offline
// (README.md, "Generate a video from a prompt": --voice, --music); the server checks every value again.

export const ASPECT_CHOICES = [
	{value: '16:9', label: '16:9 landscape'},
	{value: '9:16', label: '9:16 portrait'},
	{value: '1:1', label: '1:1 square'},
] as const;

export const LANGUAGE_CHOICES = [
	{value: 'auto', label: 'Detect from the text'},
	...['en', 'es', 'de', 'fr', 'pt', 'it', 'ja', 'zh', 'ar', 'hi'].map((l) => ({value: l, label: l})),
];

export const VOICE_CHOICES = [
	{value: 'auto', label: 'Offline voice of the language'},
	{value: 'festival', label: 'Festival (English)'},
	{value: 'espeak', label: 'espeak-ng'},
	{value: 'none', label: 'No voice (captions only)'},
];

export const MUSIC_CHOICES = [
	{value: 'auto', label: 'Chosen by mood'},
	{value: 'none', label: 'No music'},
	{value: 'bright-steps', label: 'Bright steps'},
	{value: 'calm-pad', label: 'Calm pad'},
	{value: 'night-drift', label: 'Night drift'},
];

export const QUALITY_CHOICES = [
	{value: 'draft', label: 'Draft (360p, fast)'},
	{value: 'standard', label: 'Standard (720p)'},
	{value: 'high', label: 'High (full size)'},
];

export type PlanOptions = {template: string; aspect: string; lang: string; voice: string; music: string; quality: string};

export const DEFAULT_PLAN_OPTIONS: PlanOptions = {
	template: 'explainer',
	aspect: '16:9',
	lang: 'auto',
	voice: 'auto',
	music: 'auto',
	quality: 'draft',
};
