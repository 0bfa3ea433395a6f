// Writes one frame of a web render and the same frame of its capture render side by side
// (web | capture) as a small PNG, for docs/web-fidelity/ and for looking at what the gate measured.
import {spawn} from 'node:child_process';

/** Frame `frame` (0-based) of `web` and `capture`, hstacked, scaled to at most `maxWidth` px wide, as a palette PNG. */
export const writeSideBySide = (o: {web: string; capture: string; frame: number; outFile: string; maxWidth?: number}): Promise<void> => {
	const maxWidth = o.maxWidth ?? 960;
	const pick = `select=eq(n\\,${o.frame}),scale=out_range=full,format=rgb24`;
	// A 256-colour palette keeps a frame pair under 100 KB (docs/web-fidelity/).
	const graph = `[0:v]${pick}[a];[1:v]${pick}[b];[a][b]hstack=inputs=2,scale='min(${maxWidth},iw)':-2:flags=area,split[s][t];[s]palettegen=stats_mode=single[p];[t][p]paletteuse=dither=none`;
	const args = [
		'-v',
		'error',
		'-nostdin',
		'-y',
		'-i',
		o.web,
		'-i',
		o.capture,
		'-lavfi',
		graph,
		'-frames:v',
		'1',
		'-compression_level',
		'9',
		o.outFile,
	];
	return new Promise((resolve, reject) => {
		const child = spawn('ffmpeg', args, {stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}: ${stderr.slice(-400)}`))));
	});
};
