import {describe, expect, it} from 'vitest';
import {registryLines, scaffoldFiles, scaffoldNames} from '../../pipeline/templates/scaffold-files';
import {storyboardSchema, type Visual} from '../storyboard';
import {audioSourceOf, coverOf, formatClock} from './audiogram';
import {clipCaptionStyle} from './captioned-clip/CaptionedClip';
import {sentenceStarts} from './captioned-clip';
import {promoMediaBoxes, promoRoles} from './promo';
import promoSquare from './promo/samples/square.json';

const narration = (audio: string | null, offsetMs = 250) => ({narration: {audio, offsetMs}}) as never;
const music = {src: 'music/calm-pad.mp3', durationMs: 24000, volume: 0.25, duckedVolume: 0.08, fadeOutMs: 1500};

describe('captioned clip', () => {
	it('cuts at the first word and after every sentence end, in any script', () => {
		const caps = ['Hello', ' there.', ' Next', ' one!', ' هذا', ' كل؟', ' 次', 'は。', 'x'].map((text, i) => ({text, startMs: i * 100}));
		expect(sentenceStarts(caps)).toEqual([0, 200, 400, 600, 800]);
		expect(sentenceStarts([])).toEqual([]);
	});

	it('draws captions bigger by captionScale, at most 2.5 times the default', () => {
		const style = {enabled: true, preset: 'highlight', position: 'bottom', combineWithinMs: 1200, fontScale: 1.5} as const;
		expect(clipCaptionStyle(style, {captionScale: 1.4}).fontScale).toBeCloseTo(2.1);
		expect(clipCaptionStyle(style, {captionScale: 2}).fontScale).toBe(2.5);
	});
});

describe('audiogram', () => {
	it('follows the narration where a scene has audio, else the music, as the option says', () => {
		const voiced = narration('samples/narration/a.mp3');
		const silent = narration(null);
		expect(audioSourceOf({scene: voiced, music, option: 'auto', fps: 30})).toEqual({
			kind: 'narration',
			src: 'samples/narration/a.mp3',
			startFrame: 8,
		});
		expect(audioSourceOf({scene: silent, music, option: 'auto', fps: 30})).toEqual({kind: 'music', src: music.src, loopFrames: 720});
		expect(audioSourceOf({scene: voiced, music, option: 'music', fps: 30})?.kind).toBe('music');
		expect(audioSourceOf({scene: silent, music: null, option: 'auto', fps: 30})).toBeNull();
		expect(audioSourceOf({scene: silent, music, option: 'narration', fps: 30})).toBeNull();
	});

	it('writes the player clock as m:ss', () => {
		expect([formatClock(0), formatClock(7.9), formatClock(65), formatClock(-1)]).toEqual(['0:00', '0:07', '1:05', '0:00']);
	});

	it("takes the scene's picture as the cover, else the storyboard's first picture, else the animated background", () => {
		const image: Visual = {kind: 'image', src: 'a.jpg', motion: 'none', fit: 'cover'};
		const proc: Visual = {kind: 'procedural', style: 'waves', icon: null, extraIcons: []};
		expect(coverOf([{visual: proc}, {visual: image}], 0)).toBe(image);
		expect(coverOf([{visual: proc}], 0)).toBe(proc);
	});
});

describe('promo', () => {
	it('opens with the hero, closes with the call to action when there is one, numbers the features between', () => {
		expect(promoRoles(4, true)).toEqual([{kind: 'hero'}, {kind: 'feature', number: 1}, {kind: 'feature', number: 2}, {kind: 'cta'}]);
		expect(promoRoles(3, false).map((r) => r.kind)).toEqual(['hero', 'feature', 'feature']);
		expect(promoRoles(1, true)).toEqual([{kind: 'hero'}]);
	});

	it("gives the render each scene's picture box: the frame for hero and call to action, the card for a feature", () => {
		const sb = storyboardSchema.parse(promoSquare);
		const ids = sb.scenes.map((s) => s.id);
		expect(ids).toEqual(['hero', 'track', 'cta']);
		const bottomCaptions = {...sb, captionStyle: {...sb.captionStyle, position: 'bottom' as const, enabled: true, fontScale: 1}};
		// 1280x720: the safe area is 1126.4 px wide (6% margins); the card is half of it, 3:4 (its
		// height, 422.4, is under 90% of the room above the captions' band).
		const landscape = {width: 1280, height: 720};
		const [hero, feature, cta] = promoMediaBoxes(bottomCaptions, landscape);
		expect(hero).toEqual(landscape);
		expect(cta).toEqual(landscape);
		expect(feature?.width).toBeCloseTo(563.2, 5);
		expect(feature?.height).toBeCloseTo(422.4, 5);
		// Portrait: the card is the safe area's width (619.2) and half the room above the band (1280 less
		// 10% and 16% margins less 2.7 caption lines of 51.84 px).
		const [, portraitCard] = promoMediaBoxes(bottomCaptions, {width: 720, height: 1280});
		expect(portraitCard?.width).toBeCloseTo(619.2, 5);
		expect(portraitCard?.height).toBeCloseTo((1280 * 0.74 - 51.84 * 2.7) / 2, 5);
		// Without a call to action the last scene is a feature too.
		const noCta = {...bottomCaptions, templateOptions: {...sb.templateOptions, cta: null}};
		expect(promoMediaBoxes(noCta, landscape)[2]).toEqual(feature);
	});
});

describe('template scaffold files', () => {
	it('names the new template from its id, and its sample is a valid storyboard of it', () => {
		const names = scaffoldNames('title-card');
		expect(names).toEqual({id: 'title-card', pascal: 'TitleCard', camel: 'titleCard'});
		const files = scaffoldFiles(names);
		const sample = storyboardSchema.parse(JSON.parse(files['src/compositions/templates/title-card/samples/landscape.json']!));
		expect(sample.template).toBe('title-card');
		expect(files['src/compositions/templates/title-card/TitleCard.tsx']).toContain(
			"useTemplateStoryboard(props, 'title-card', titleCardOptionsSchema)",
		);
		expect(registryLines(names).entry).toContain("lazyComponent: () => import('./templates/title-card/TitleCard')");
	});
});
