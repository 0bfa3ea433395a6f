import {describe, expect, it} from 'vitest';
import {detectLanguage} from './detect-language';
import {LANGUAGE_SAMPLES} from './language-samples';
import {resolveLanguage, UnsupportedLanguageError} from './resolve-language';
import {SUPPORTED_LANGUAGE_CODES} from './supported-languages';

describe('detectLanguage', () => {
	it.each(Object.entries(LANGUAGE_SAMPLES))('detects %s from a short script', (code, text) => {
		const d = detectLanguage(text);
		expect(d.language).toBe(code);
		expect(d.confidence).toBeGreaterThan(0.4);
		expect(d.reason).not.toBe('');
	});

	it('covers every supported language with a sample', () => {
		expect(Object.keys(LANGUAGE_SAMPLES).sort()).toEqual([...SUPPORTED_LANGUAGE_CODES].sort());
	});

	it.each([
		['Japanese with English words', 'ReactとTypeScriptでアプリを作ります。Node.jsも使います。', 'ja'],
		['Chinese with an English brand', '我们用Python写程序，然后在Linux上运行。', 'zh'],
		['kanji-only Japanese-looking text goes to Chinese', '東京大学', 'zh'],
		['Spanish punctuation', '¿Qué es un volcán? ¡Una montaña!', 'es'],
		['German letters', 'Größe und Maß', 'de'],
		['English without stop words', 'Volcanoes erupt magma', 'en'],
	])('%s', (_, text, code) => {
		expect(detectLanguage(text).language).toBe(code);
	});

	it('falls back to English for text without letters', () => {
		expect(detectLanguage('123 456 !!!')).toMatchObject({language: 'en'});
		expect(detectLanguage('')).toMatchObject({language: 'en'});
	});
});

describe('resolveLanguage', () => {
	it('keeps a supported tag as given, region included', () => {
		const r = resolveLanguage({requested: 'pt-BR', text: 'anything'});
		expect(r).toMatchObject({tag: 'pt-BR', requested: 'pt-BR', detection: null});
		expect(r.language.code).toBe('pt');
	});

	it('detects when the request is null or auto', () => {
		expect(resolveLanguage({requested: null, text: LANGUAGE_SAMPLES.ar!})).toMatchObject({tag: 'ar', requested: 'auto'});
		expect(resolveLanguage({requested: 'auto', text: LANGUAGE_SAMPLES.hi!}).detection?.language).toBe('hi');
	});

	it('rejects an unknown language with the supported list', () => {
		const attempt = () => resolveLanguage({requested: 'xx', text: 'hello'});
		expect(attempt).toThrow(UnsupportedLanguageError);
		expect(attempt).toThrow(/Supported: en \(English\), es \(Spanish\).*hi \(Hindi\)/);
		try {
			attempt();
		} catch (e) {
			expect((e as UnsupportedLanguageError).badInput).toBe(true);
			expect((e as UnsupportedLanguageError).code).toBe('UNSUPPORTED_LANGUAGE');
		}
	});
});
