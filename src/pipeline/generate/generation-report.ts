/** What happened during a generate run: written as report.json and returned to callers. */
export type StageName = 'planning' | 'voicing' | 'fetching' | 'rendering';

export type ReportWarning = {stage: StageName | 'output'; code: string; message: string};
export type ReportFallback = {stage: StageName; from: string; to: string; reason: string};

export type GenerationReport = {
	version: 1;
	command: 'generate' | 'plan';
	prompt: string;
	options: Record<string, unknown>;
	language: string;
	/** How the language was chosen: asked for, or detected from the prompt (with how sure and why). */
	languageSource: {requested: string; detected: string | null; confidence: number | null; reason: string | null} | null;
	providers: Partial<Record<StageName, string>>;
	stagesMs: Partial<Record<StageName, number>>;
	warnings: ReportWarning[];
	fallbacks: ReportFallback[];
	video: {durationMs: number; scenes: number; width?: number; height?: number; fps: number; frames?: number} | null;
	renderCacheHit: boolean | null;
	totalMs: number;
	renderShareOfTotal: number | null;
	error: {code: string; message: string} | null;
};

export const emptyReport = (command: GenerationReport['command'], prompt: string, options: Record<string, unknown>): GenerationReport => ({
	version: 1,
	command,
	prompt: prompt.length > 2000 ? `${prompt.slice(0, 2000)}…` : prompt,
	options,
	language: String(options.lang ?? 'en'),
	languageSource: null,
	providers: {},
	stagesMs: {},
	warnings: [],
	fallbacks: [],
	video: null,
	renderCacheHit: null,
	totalMs: 0,
	renderShareOfTotal: null,
	error: null,
});
