import {createContext, useContext} from 'react';

/**
 * Which media tags a render uses. `capture` (Remotion's screenshot renderer) plays audio with
 * `<Audio>` (clips use @remotion/media's `<Video>` on both); `web` (@remotion/web-renderer, which paints the page
 * itself) supports only the tags of @remotion/media and throws on the others.
 */
export type MediaEngine = 'capture' | 'web';

export const MediaEngineContext = createContext<MediaEngine>('capture');

/** The media engine of the current render (`capture` unless a web render page provides `web`). */
export const useMediaEngine = (): MediaEngine => useContext(MediaEngineContext);
