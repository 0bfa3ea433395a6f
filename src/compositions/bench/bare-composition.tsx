import type React from 'react';
import {AbsoluteFill, useCurrentFrame} from 'remotion';
import {z} from 'zod';

export const bareCompositionSchema = z.object({
	width: z.number().int().positive().describe('Frame width in px.'),
	height: z.number().int().positive().describe('Frame height in px.'),
	fps: z.number().int().positive().describe('Frames per second.'),
	durationInFrames: z.number().int().positive().describe('Length in frames.'),
});

/**
 * The benchmark's baseline: a solid colour and the frame number. It costs the browser almost
 * nothing to paint, so its fps is what bare Remotion achieves on this machine.
 */
export const BareComposition: React.FC<z.input<typeof bareCompositionSchema>> = () => {
	const frame = useCurrentFrame();
	return (
		<AbsoluteFill style={{backgroundColor: '#1e293b', justifyContent: 'center', alignItems: 'center'}}>
			<div style={{color: 'white', fontSize: 160, fontFamily: 'sans-serif'}}>{frame}</div>
		</AbsoluteFill>
	);
};

export const BARE_COMPOSITION_ID = 'bench-bare';
