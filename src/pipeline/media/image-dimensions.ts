/**
 * Width and height from an image's header (PNG, GIF, JPEG, WebP), read from the bytes without
 * decoding anything: an upload's pixel count is checked before a decoder allocates memory for it.
 * Null when the header is not one of these or is cut short.
 */
export const imageDimensions = (b: Uint8Array): {width: number; height: number} | null => {
	const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
	const ascii = (start: number, end: number) => buf.toString('latin1', start, end);
	if (buf.length >= 24 && buf[0] === 0x89 && ascii(1, 4) === 'PNG' && ascii(12, 16) === 'IHDR') {
		return {width: buf.readUInt32BE(16), height: buf.readUInt32BE(20)};
	}
	if (buf.length >= 10 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) {
		return {width: buf.readUInt16LE(6), height: buf.readUInt16LE(8)};
	}
	if (buf.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') {
		const chunk = ascii(12, 16);
		if (chunk === 'VP8 ' && buf.length >= 30) return {width: buf.readUInt16LE(26) & 0x3fff, height: buf.readUInt16LE(28) & 0x3fff};
		if (chunk === 'VP8L' && buf.length >= 25) {
			const bits = buf.readUInt32LE(21);
			return {width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1};
		}
		if (chunk === 'VP8X') return {width: buf.readUIntLE(24, 3) + 1, height: buf.readUIntLE(27, 3) + 1};
		return null;
	}
	if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8) {
		// Walk the JPEG segments to the first start-of-frame (SOF0..SOF15 but DHT, JPG and DAC).
		let i = 2;
		while (i + 9 < buf.length) {
			if (buf[i] !== 0xff) return null;
			const marker = buf[i + 1]!;
			if (marker === 0xff) {
				i++;
				continue;
			}
			const length = buf.readUInt16BE(i + 2);
			if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
				return {width: buf.readUInt16BE(i + 7), height: buf.readUInt16BE(i + 5)};
			}
			i += 2 + length;
		}
		return null;
	}
	return null;
};
