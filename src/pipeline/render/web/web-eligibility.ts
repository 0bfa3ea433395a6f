import {templateIds} from '../../../compositions/registry';
import type {WebPaint} from './page/protocol';
import gate from './web-eligibility.json';

/** One template's result in web-eligibility.json (written by scripts/update-web-eligibility.ts). */
export type TemplateGateResult = {
	eligible: boolean;
	/** How the page paints it: the painter it passed with (absent in files before 2026-12-04: composer). */
	paint?: WebPaint;
	/** When the composer failed and HTML-in-canvas passed: the composer's failure, for the record. */
	composerFailure?: string;
	/**
	 * When both painters passed: each one's frames per second on the first sample at 720p; `paint`
	 * is the faster (absent in files before 2026-12-04, when the choice was made by hand).
	 */
	paintFps?: Partial<Record<WebPaint, number>>;
	/** Why it is not eligible, in one line (for report.json); null when eligible. */
	reason: string | null;
	/** Per sample: YUV PSNR figures (judged) and the lowest RGB PSNR (reported; absent in files written before 2026-12-03). */
	samples: Record<
		string,
		{minPsnr: number; meanPsnr: number; worstFrame: number; framesBelow: number; comparedFrames: number; minRgbPsnr?: number}
	>;
};

export type WebEligibilityFile = {
	generatedAt: string;
	thresholdDb: number;
	quality: string;
	sourceHash: string;
	templates: Record<string, TemplateGateResult>;
};

const committed = gate as WebEligibilityFile;

/**
 * Whether a template may render on the web path: only if the committed fidelity gate
 * (web-eligibility.json) says every compared frame of every sample was >= the threshold.
 * A template missing from the file has not been gated and is not eligible.
 */
export const isWebEligible = (templateId: string, results: WebEligibilityFile = committed): {eligible: boolean; reason: string | null} => {
	const entry = results.templates[templateId];
	if (!entry) {
		const known = templateIds.includes(templateId) ? 'has not been through the web fidelity gate' : 'is not a known template';
		return {
			eligible: false,
			reason: `Template "${templateId}" ${known}; rendered by the capture renderer (run scripts/update-web-eligibility.ts)`,
		};
	}
	return entry.eligible
		? {eligible: true, reason: null}
		: {eligible: false, reason: entry.reason ?? `Template "${templateId}" failed the web fidelity gate`};
};

/**
 * For createWebRenderer's `captureTemplates`: null for a gated template, else why it is rendered
 * by the capture renderer instead.
 */
export const captureUnlessWebEligible =
	(results: WebEligibilityFile = committed) =>
	(templateId: string): string | null =>
		isWebEligible(templateId, results).reason;

/** How the page paints a gated template: the painter its gate passed with (composer unless the file says otherwise). */
export const webPaintOf =
	(results: WebEligibilityFile = committed) =>
	(templateId: string): WebPaint =>
		results.templates[templateId]?.paint ?? 'composer';

/** How much faster (fps) a later painter must be to replace an earlier passing one: timing noise on 2 cores is a few percent. */
export const PAINT_SPEED_MARGIN = 1.05;

/**
 * Which painter's gate result a template keeps (scripts/update-web-eligibility.ts): of the painters
 * that passed, in the order tried (the composer, @remotion/web-renderer's supported painter, first),
 * a later one only when it is more than PAINT_SPEED_MARGIN faster at 720p (`fps`, measured when
 * more than one passed); when none passed, the last one tried.
 */
export const choosePaint = <R extends {paint: WebPaint; failed: readonly string[]}>(
	results: readonly R[],
	fps: Partial<Record<WebPaint, number>> = {},
): R | undefined => {
	const passed = results.filter((r) => r.failed.length === 0);
	if (passed.length === 0) return results.at(-1);
	return passed.reduce((best, r) => ((fps[r.paint] ?? 0) > (fps[best.paint] ?? 0) * PAINT_SPEED_MARGIN ? r : best));
};
