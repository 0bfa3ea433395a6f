import {describe, expect, it} from 'vitest';
import {WEB_PSNR_THRESHOLD_DB, judgeFidelity} from './web-fidelity';
import {captureUnlessWebEligible, choosePaint, isWebEligible, type WebEligibilityFile, webPaintOf} from './web-eligibility';
import {templateIds} from '../../../compositions/registry';
import committed from './web-eligibility.json';

const gateFile = (eligible: boolean): WebEligibilityFile => ({
	generatedAt: '2026-12-02T00:00:00.000Z',
	thresholdDb: WEB_PSNR_THRESHOLD_DB,
	quality: 'draft',
	sourceHash: 'x',
	templates: {
		explainer: {
			eligible,
			reason: eligible ? null : 'Template "explainer" failed the web fidelity gate (< 38 dB: landscape 21.2 dB at frame 200)',
			samples: {
				landscape: {minPsnr: eligible ? 41 : 21.2, meanPsnr: 40, worstFrame: 200, framesBelow: eligible ? 0 : 90, comparedFrames: 309},
			},
		},
	},
});

describe('web fidelity gate', () => {
	it('passes only when every frame is at or above the threshold', () => {
		expect(
			judgeFidelity([
				{frame: 0, psnr: 45, rgbPsnr: 45},
				{frame: 1, psnr: Number.POSITIVE_INFINITY, rgbPsnr: Number.POSITIVE_INFINITY},
				{frame: 2, psnr: 38, rgbPsnr: 38},
			]).passed,
		).toBe(true);
		const failed = judgeFidelity([
			{frame: 0, psnr: 45, rgbPsnr: 45},
			{frame: 7, psnr: 37.9, rgbPsnr: 37.9},
			{frame: 9, psnr: 44, rgbPsnr: 44},
		]);
		expect(failed).toMatchObject({passed: false, worstFrame: 7, minPsnr: 37.9, framesBelow: 1, comparedFrames: 3});
	});

	it('judges the YUV figure and reports the lowest RGB one beside it', () => {
		const verdict = judgeFidelity([
			{frame: 0, psnr: 42, rgbPsnr: 36.5},
			{frame: 1, psnr: 39, rgbPsnr: 37.1},
		]);
		expect(verdict).toMatchObject({passed: true, minPsnr: 39, worstFrame: 1, minRgbPsnr: 36.5, framesBelow: 0});
	});

	it('fails when nothing was compared', () => {
		expect(judgeFidelity([]).passed).toBe(false);
	});

	it('keeps identical frames (Infinity dB) from turning the mean into Infinity', () => {
		expect(
			judgeFidelity([
				{frame: 0, psnr: Number.POSITIVE_INFINITY, rgbPsnr: Number.POSITIVE_INFINITY},
				{frame: 1, psnr: 40, rgbPsnr: 40},
			]).meanPsnr,
		).toBe(70);
	});

	it('sends a template that failed the gate to capture, with the reason', () => {
		expect(isWebEligible('explainer', gateFile(false))).toEqual({
			eligible: false,
			reason: expect.stringMatching(/failed the web fidelity gate/),
		});
		expect(captureUnlessWebEligible(gateFile(false))('explainer')).toMatch(/21\.2 dB at frame 200/);
		expect(captureUnlessWebEligible(gateFile(true))('explainer')).toBeNull();
	});

	it('paints a template with the painter its gate passed with: the composer unless the file names HTML-in-canvas', () => {
		const file = gateFile(true);
		expect(webPaintOf(file)('explainer')).toBe('composer');
		const native: WebEligibilityFile = {...file, templates: {explainer: {...file.templates.explainer!, paint: 'html-in-canvas'}}};
		expect(webPaintOf(native)('explainer')).toBe('html-in-canvas');
		expect(webPaintOf(native)('kinetic')).toBe('composer');
	});

	it('keeps the faster of the painters that passed the gate (a later one by more than 5%), else the last one tried', () => {
		const composer = {paint: 'composer' as const, failed: [] as string[]};
		const html = {paint: 'html-in-canvas' as const, failed: [] as string[]};
		const htmlFailed = {...html, failed: ['square 35.49 dB at frame 153']};
		const composerFailed = {...composer, failed: ['portrait 32.24 dB at frame 104']};
		expect(choosePaint([composer, html], {composer: 22.5, 'html-in-canvas': 16.8})).toBe(composer);
		expect(choosePaint([composer, html], {composer: 11.3, 'html-in-canvas': 17.9})).toBe(html);
		// Within timing noise (5%) the composer, tried first, stays.
		expect(choosePaint([composer, html], {composer: 16.6, 'html-in-canvas': 16.9})).toBe(composer);
		// One passed: that one, whatever was timed.
		expect(choosePaint([composerFailed, html], {composer: 30})).toBe(html);
		expect(choosePaint([composer, htmlFailed])).toBe(composer);
		// None passed: the last tried, whose failure is reported.
		expect(choosePaint([composerFailed, htmlFailed])).toBe(htmlFailed);
		expect(choosePaint([])).toBeUndefined();
	});

	it('treats an ungated or unknown template as not eligible and says how to gate it', () => {
		expect(isWebEligible('explainer', {...gateFile(true), templates: {}}).reason).toMatch(
			/has not been through the web fidelity gate.*update-web-eligibility/,
		);
		expect(isWebEligible('nope', gateFile(true)).reason).toMatch(/"nope" is not a known template/);
	});

	it('committed results name registered templates only, each consistent with its own threshold; an unmeasured template renders by capture', () => {
		const file = committed as WebEligibilityFile;
		for (const id of Object.keys(file.templates)) expect(templateIds).toContain(id);
		// The templates added after the last gate run (npm run web-eligibility) are not web-eligible until measured.
		for (const id of templateIds.filter((t) => !(t in file.templates))) expect(isWebEligible(id).eligible, id).toBe(false);
		for (const [id, entry] of Object.entries(file.templates)) {
			const samples = Object.values(entry.samples);
			expect(samples.length, id).toBeGreaterThan(0);
			expect(entry.eligible, id).toBe(samples.every((s) => s.minPsnr >= file.thresholdDb && s.framesBelow === 0));
		}
	});
});
