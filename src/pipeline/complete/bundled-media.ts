import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {projectRoot} from '../project-root';

/**
 * A relative media path naming a music loop promptreel ships (`music/<id>.mp3` in public/, what
 * `plan` writes for `--music auto`): it resolves on any install, so a storyboard from the network
 * may name it like an https URL. Nothing else of this machine may be named.
 */
export const isBundledMedia = (src: string): boolean =>
	/^music\/[a-z0-9-]+\.mp3$/.test(src) && existsSync(join(projectRoot(), 'public', src));
