import {describe, expect, it} from 'vitest';
import {sniffMedia} from './sniff-media';

const bytes = (...parts: (string | number[])[]) => {
	const out = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
	return Buffer.concat([out, Buffer.alloc(Math.max(0, 16 - out.length))]);
};

describe('sniffMedia', () => {
	it.each([
		['png', bytes([0x89], 'PNG\r\n\x1a\n'), 'image/png'],
		['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
		['gif', bytes('GIF89a'), 'image/gif'],
		['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
		['wav', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'audio/wav'],
		['mp4', bytes([0, 0, 0, 0x18], 'ftypisom'), 'video/mp4'],
		['mov', bytes([0, 0, 0, 0x14], 'ftypqt  '), 'video/quicktime'],
		['m4a', bytes([0, 0, 0, 0x20], 'ftypM4A '), 'audio/mp4'],
		['webm', bytes([0x1a, 0x45, 0xdf, 0xa3]), 'video/webm'],
		['mp3 id3', bytes('ID3', [4, 0]), 'audio/mpeg'],
		['mp3 frame', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
		['ogg', bytes('OggS'), 'audio/ogg'],
		['flac', bytes('fLaC'), 'audio/flac'],
	])('recognises %s', (_name, input, type) => {
		expect(sniffMedia(input)?.contentType).toBe(type);
	});

	it.each([
		['html', bytes('<html><body>')],
		['svg (scripts)', bytes('<svg xmlns="http')],
		['pdf', bytes('%PDF-1.7')],
		['zip', bytes('PK', [3, 4])],
		['too short', Buffer.from('GIF89a')],
	])('refuses %s', (_name, input) => {
		expect(sniffMedia(input)).toBeNull();
	});
});
