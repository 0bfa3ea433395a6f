import {Audio as MediaAudio} from '@remotion/media';
import type React from 'react';
import {Html5Audio, type VolumeProp} from 'remotion';
import {useMediaEngine} from './media-engine';

/**
 * An audio track for either renderer: Remotion's `<Html5Audio>` (the current name of `<Audio>`)
 * under the capture renderer (mixed by its ffmpeg), `<Audio>` of @remotion/media under the web renderer (mixed in the page).
 */
export const MediaAudioTrack: React.FC<{src: string; volume?: VolumeProp}> = ({src, volume}) => {
	const engine = useMediaEngine();
	return engine === 'web' ? <MediaAudio src={src} volume={volume} /> : <Html5Audio src={src} volume={volume} />;
};
