/**
 * The EXIF orientation of a JPEG (1-8; 1 is upright), read from its APP1 segment without decoding
 * the picture; 1 when the file carries none. Browsers turn a photo by it; a copy made by a tool that
 * does not would come out sideways, so such a photo is left as it is.
 */
export const jpegOrientation = (b: Uint8Array): number => {
	const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
	if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) return 1;
	let i = 2;
	while (i + 4 <= buf.length && buf[i] === 0xff) {
		const marker = buf[i + 1] as number;
		// Start of scan: the headers are over.
		if (marker === 0xda) return 1;
		const length = buf.readUInt16BE(i + 2);
		if (marker === 0xe1 && buf.toString('latin1', i + 4, i + 10) === 'Exif\0\0') {
			return exifOrientation(buf.subarray(i + 10, i + 2 + length));
		}
		i += 2 + length;
	}
	return 1;
};

/** Tag 0x0112 of IFD0 of a TIFF block (the EXIF payload), either byte order. */
const exifOrientation = (tiff: Buffer): number => {
	if (tiff.length < 8) return 1;
	const little = tiff.toString('latin1', 0, 2) === 'II';
	const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
	const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
	const ifd = u32(4);
	if (ifd + 2 > tiff.length) return 1;
	const entries = u16(ifd);
	for (let k = 0; k < entries; k++) {
		const entry = ifd + 2 + k * 12;
		if (entry + 12 > tiff.length) return 1;
		if (u16(entry) === 0x0112) {
			const value = u16(entry + 8);
			return value >= 1 && value <= 8 ? value : 1;
		}
	}
	return 1;
};
