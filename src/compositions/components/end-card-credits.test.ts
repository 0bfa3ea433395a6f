import {describe, expect, it} from 'vitest';
import type {Credit} from '../storyboard';
import {endCardCredits} from './end-card-credits';

const credit = (kind: Credit['kind'], title: string, author: string | null, source: string | null = null): Credit => ({
	kind,
	title,
	author,
	url: null,
	license: 'MIT',
	source,
});

describe('endCardCredits (one short line instead of a licence list)', () => {
	it('sums up ten credits in one line, keeps the Pexels notice, points at credits.json', () => {
		const credits: Credit[] = [
			{...credit('other', 'Photos and videos provided by Pexels', null), license: 'Pexels License', url: 'https://www.pexels.com'},
			credit('image', 'Photo: lava', 'Ana Silva', 'Pexels'),
			credit('image', 'Photo: crater', 'Ben Ode', 'Pexels'),
			credit('video', 'Video: ash cloud', 'Chen Li', 'Pexels'),
			...['cherries', 'hot beverage', 'seedling', 'sun'].map((n) =>
				credit('icon', `"${n}" emoji from Fluent Emoji Flat`, 'Microsoft Corporation'),
			),
			credit('music', '"calm-pad" music loop', 'promptreel'),
			credit('font', 'Inter typeface', 'Rasmus Andersson'),
		];
		expect(endCardCredits(credits)).toEqual({
			line: 'Photos: Ana Silva, Ben Ode +1\u00a0· Icons: Microsoft Corporation\u00a0· Music: promptreel\u00a0· Font: Rasmus Andersson',
			required: ['Photos and videos provided by Pexels'],
			more: 'Full credits in credits.json',
		});
	});

	it('says nothing without credits', () => {
		expect(endCardCredits([])).toEqual({line: null, required: [], more: null});
	});
});
