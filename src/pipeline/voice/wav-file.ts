import {readFile, writeFile} from 'node:fs/promises';

export type PcmWav = {sampleRate: number; channels: number; bitsPerSample: number; data: Buffer};

/** Reads a PCM RIFF/WAVE file (the format Festival writes with 'riff). */
export const readWav = async (file: string): Promise<PcmWav> => {
	const buf = await readFile(file);
	if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
		throw new Error(`${file} is not a RIFF/WAVE file.`);
	}
	let fmt: Omit<PcmWav, 'data'> | null = null;
	let offset = 12;
	while (offset + 8 <= buf.length) {
		const id = buf.toString('ascii', offset, offset + 4);
		const size = buf.readUInt32LE(offset + 4);
		const body = offset + 8;
		if (id === 'fmt ') {
			const format = buf.readUInt16LE(body);
			if (format !== 1) throw new Error(`${file}: only PCM wav is supported (format ${format}).`);
			fmt = {channels: buf.readUInt16LE(body + 2), sampleRate: buf.readUInt32LE(body + 4), bitsPerSample: buf.readUInt16LE(body + 14)};
		} else if (id === 'data') {
			if (!fmt) throw new Error(`${file}: data chunk before fmt chunk.`);
			return {...fmt, data: buf.subarray(body, Math.min(buf.length, body + size))};
		}
		offset = body + size + (size % 2);
	}
	throw new Error(`${file}: no data chunk.`);
};

export const wavDurationMs = (wav: PcmWav): number => (wav.data.length / (wav.channels * (wav.bitsPerSample / 8)) / wav.sampleRate) * 1000;

/** Writes PCM samples with a canonical 44-byte header. */
export const writeWav = async (file: string, wav: PcmWav): Promise<void> => {
	const header = Buffer.alloc(44);
	const blockAlign = wav.channels * (wav.bitsPerSample / 8);
	header.write('RIFF', 0, 'ascii');
	header.writeUInt32LE(36 + wav.data.length, 4);
	header.write('WAVE', 8, 'ascii');
	header.write('fmt ', 12, 'ascii');
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20);
	header.writeUInt16LE(wav.channels, 22);
	header.writeUInt32LE(wav.sampleRate, 24);
	header.writeUInt32LE(wav.sampleRate * blockAlign, 28);
	header.writeUInt16LE(blockAlign, 32);
	header.writeUInt16LE(wav.bitsPerSample, 34);
	header.write('data', 36, 'ascii');
	header.writeUInt32LE(wav.data.length, 40);
	await writeFile(file, Buffer.concat([header, wav.data]));
};
