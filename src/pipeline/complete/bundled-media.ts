import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {projectRoot} from '../project-root';

/**
 * A relative media path that names a file promptreel ships in public/ (a music loop such as
 * `music/calm-pad.mp3`, a sample): it resolves on any install, so a storyboard from the network may
 * name it like an https URL. The storyboard schema has already refused absolute paths and "..".
 */
export const isBundledMedia = (src: string): boolean =>
	!/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/') && !src.split(/[\\/]/).includes('..') && existsSync(join(projectRoot(), 'public', src));
