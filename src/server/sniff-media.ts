/** What the first bytes of a file say it is. */
export type SniffedMedia = {kind: 'image' | 'video' | 'audio'; contentType: string; ext: string};

const ascii = (b: Uint8Array, start: number, end: number) => Buffer.from(b.subarray(start, end)).toString('latin1');

/**
 * The media type of a file from its magic bytes (at least the first 16 bytes), never from a
 * name or a Content-Type header; null for anything else. Only formats Chromium and ffmpeg
 * both read are recognised: PNG, JPEG, GIF, WebP; MP4/M4V, QuickTime, WebM; MP3, M4A, WAV, Ogg, FLAC.
 */
export const sniffMedia = (b: Uint8Array): SniffedMedia | null => {
	if (b.length < 12) return null;
	if (b[0] === 0x89 && ascii(b, 1, 8) === 'PNG\r\n\x1a\n') return {kind: 'image', contentType: 'image/png', ext: 'png'};
	if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return {kind: 'image', contentType: 'image/jpeg', ext: 'jpg'};
	if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return {kind: 'image', contentType: 'image/gif', ext: 'gif'};
	if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return {kind: 'image', contentType: 'image/webp', ext: 'webp'};
	if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE') return {kind: 'audio', contentType: 'audio/wav', ext: 'wav'};
	if (ascii(b, 4, 8) === 'ftyp') {
		const brand = ascii(b, 8, 12);
		if (brand === 'M4A ' || brand === 'M4B ') return {kind: 'audio', contentType: 'audio/mp4', ext: 'm4a'};
		if (brand === 'qt  ') return {kind: 'video', contentType: 'video/quicktime', ext: 'mov'};
		return {kind: 'video', contentType: 'video/mp4', ext: 'mp4'};
	}
	if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return {kind: 'video', contentType: 'video/webm', ext: 'webm'};
	if (ascii(b, 0, 3) === 'ID3' || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0 && (b[1]! & 0x06) !== 0))
		return {kind: 'audio', contentType: 'audio/mpeg', ext: 'mp3'};
	if (ascii(b, 0, 4) === 'OggS') return {kind: 'audio', contentType: 'audio/ogg', ext: 'ogg'};
	if (ascii(b, 0, 4) === 'fLaC') return {kind: 'audio', contentType: 'audio/flac', ext: 'flac'};
	return null;
};
