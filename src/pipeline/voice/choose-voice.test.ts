import {describe, expect, it} from 'vitest';
import {chooseVoice} from './choose-voice';

const english = {name: 'English', defaultVoice: 'festival'};
const japanese = {name: 'Japanese', defaultVoice: null};

describe('chooseVoice: the one place a run voice is decided', () => {
	it.each([
		['a named voice wins', {requested: 'espeak', language: english, preferred: 'openai'}, 'espeak'],
		['auto takes the configured preferred voice', {requested: 'auto', language: english, preferred: 'openai'}, 'openai'],
		["auto without one takes the language's offline voice", {requested: 'auto', language: english}, 'festival'],
		['a voice-over needs no voice', {requested: 'auto', language: english, preferred: 'openai', voiceover: true}, 'none'],
		['none stays none', {requested: 'none', language: english}, 'none'],
	])('%s', (_, input, voice) => {
		expect(chooseVoice(input)).toEqual({voice, warning: null});
	});

	it('a language no offline voice reads is silent, with a warning naming the fix', () => {
		const choice = chooseVoice({requested: 'auto', language: japanese});
		expect(choice.voice).toBe('none');
		expect(choice.warning?.code).toBe('NO_OFFLINE_VOICE');
		expect(choice.warning?.message).toMatch(/--voice openai .*--voiceover/);
	});
});
