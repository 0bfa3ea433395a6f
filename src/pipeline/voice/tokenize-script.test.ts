import {describe, expect, it} from 'vitest';
import {chunkTokens, tokenizeScript} from './tokenize-script';

const texts = (s: string, lang?: string) => tokenizeScript(s, lang).map((t) => t.text);

describe('tokenizeScript', () => {
	it('keeps punctuation with its word', () => {
		expect(texts('How "volcanoes," form: well-known O’Brien’s 10:30 (really)!')).toEqual([
			'How',
			'"volcanoes,"',
			'form:',
			'well-known',
			'O’Brien’s',
			'10:30',
			'(really)!',
		]);
	});
	it('folds standalone punctuation and emoji into the previous word', () => {
		expect(texts('Lava — hot 🌋 and … slow.')).toEqual(['Lava —', 'hot 🌋', 'and …', 'slow.']);
		expect(texts('— Start')).toEqual(['— Start']);
	});
	it('keeps numbers whole and gives accent-free keys', () => {
		const t = tokenizeScript('In 2026 about 1,200 came to the café.');
		expect(t.map((x) => x.text)).toEqual(['In', '2026', 'about', '1,200', 'came', 'to', 'the', 'café.']);
		expect(t[3]?.key).toBe('1200');
		expect(t[7]?.key).toBe('cafe');
	});
	it('splits languages written without spaces', () => {
		expect(texts('火山は噴火する。', 'ja').length).toBeGreaterThan(2);
	});
	it('returns nothing for punctuation only', () => {
		expect(texts(' ... !! ')).toEqual([]);
	});
});

describe('chunkTokens', () => {
	it('splits sentences but not after "Dr."', () => {
		const text = 'Dr. Smith came home. It rained! Did it?';
		const chunks = chunkTokens(text, tokenizeScript(text)).map((c) => c.map((t) => t.text).join(' '));
		expect(chunks).toEqual(['Dr. Smith came home.', 'It rained!', 'Did it?']);
	});
	it('splits a very long sentence at commas', () => {
		const text = Array.from({length: 60}, (_, i) => `word${i},`).join(' ');
		const chunks = chunkTokens(text, tokenizeScript(text), {maxChars: 100});
		expect(chunks.length).toBeGreaterThan(4);
		expect(chunks.flat().length).toBe(60);
		for (const c of chunks) expect(c.map((t) => t.text).join(' ').length).toBeLessThanOrEqual(100);
	});
});
