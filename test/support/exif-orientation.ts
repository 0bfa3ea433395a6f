/**
 * `jpeg` with an APP1 EXIF segment right after its SOI marker, holding one IFD0 entry: the
 * orientation (1-8), in either TIFF byte order.
 */
export const withExifOrientation = (jpeg: Buffer, orientation: number, order: 'II' | 'MM' = 'II'): Buffer => {
	const tiff = Buffer.alloc(8 + 2 + 12 + 4);
	const le = order === 'II';
	const u16 = (v: number, at: number) => (le ? tiff.writeUInt16LE(v, at) : tiff.writeUInt16BE(v, at));
	const u32 = (v: number, at: number) => (le ? tiff.writeUInt32LE(v, at) : tiff.writeUInt32BE(v, at));
	tiff.write(order, 0, 'latin1');
	u16(42, 2);
	u32(8, 4);
	u16(1, 8);
	// Tag 0x0112, type SHORT (3), count 1, value.
	u16(0x0112, 10);
	u16(3, 12);
	u32(1, 14);
	u16(orientation, 18);
	const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
	const header = Buffer.alloc(4);
	header.writeUInt16BE(0xffe1, 0);
	header.writeUInt16BE(payload.length + 2, 2);
	return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
};
