import {ValidationError} from '../errors';
import {newRunReport, type RunReport, type StageName} from '../output';
import {zodIssues} from '../parse-storyboard';
import {generateOptionsSchema, type GenerateOptions, type GenerateOptionsInput} from './generate-options';
import {resolveRunOptions, type ResolvedRun, type RunOptions} from './run-options';

export type GenerateProgress = {stage: string; progress: number};

/** What every stage of one generate (or plan) run shares: its options, its report, its callbacks. */
export type RunContext = {
	options: RunOptions;
	/** Why the run is silent or otherwise not what was asked (voicing warnings, generate only). */
	runWarnings: ResolvedRun['warnings'];
	report: RunReport;
	startedAt: number;
	signal?: AbortSignal;
	/** Records a warning in the report and tells the caller. */
	warn: (stage: StageName | 'output', code: string, message: string) => void;
	progress: (stage: string, progress: number) => void;
	/** Runs a stage: its progress goes 0 -> 1 and its time lands in report.stagesMs. */
	timed: <T>(stage: StageName, fn: () => Promise<T>) => Promise<T>;
};

export type StartRunOptions = {
	command: 'generate' | 'plan';
	prompt: string;
	options?: GenerateOptionsInput;
	/** Your own media folder, recorded in the report's options. */
	mediaDir?: string | null;
	/** The voice an "auto" voice means when configured (e.g. 'openai' with a key); see chooseVoice. */
	preferredVoice?: string | undefined;
	onProgress?: (p: GenerateProgress) => void;
	onWarning?: (message: string) => void;
	signal?: AbortSignal;
};

const parseOptions = (input: GenerateOptionsInput | undefined): GenerateOptions => {
	const parsed = generateOptionsSchema.safeParse(input ?? {});
	if (!parsed.success) {
		const issues = zodIssues(parsed.error);
		throw new ValidationError(`Invalid options: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
	}
	return parsed.data;
};

/**
 * Parses the options, resolves the language (detected from the prompt unless given; it picks
 * voice, captions and fonts) and begins the report every stage writes into.
 */
export const startRun = async (o: StartRunOptions): Promise<RunContext> => {
	const startedAt = performance.now();
	const run = await resolveRunOptions(parseOptions(o.options), o.prompt, o.preferredVoice);
	const options = run.options;
	const report = newRunReport({
		command: o.command,
		prompt: o.prompt,
		options: {...options, media: o.mediaDir ?? null},
		language: options.lang,
	});
	const detection = run.language.detection;
	report.languageSource = {
		requested: run.language.requested,
		detected: detection?.language ?? null,
		confidence: detection ? Math.round(detection.confidence * 100) / 100 : null,
		reason: detection?.reason ?? null,
	};
	const progress = (stage: string, p: number) => o.onProgress?.({stage, progress: Math.max(0, Math.min(1, p))});
	return {
		options,
		runWarnings: run.warnings,
		report,
		startedAt,
		signal: o.signal,
		progress,
		warn: (stage, code, message) => {
			report.warnings.push({stage, code, message});
			o.onWarning?.(message);
		},
		timed: async (stage, fn) => {
			const t = performance.now();
			progress(stage, 0);
			try {
				return await fn();
			} finally {
				report.stagesMs[stage] = Math.round(performance.now() - t);
				progress(stage, 1);
			}
		},
	};
};
