import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** Runs `use` with a fresh temporary folder that is removed afterwards, whatever happens. */
export const withWorkDir = async <T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> => {
	const dir = await mkdtemp(join(tmpdir(), prefix));
	try {
		return await use(dir);
	} finally {
		await rm(dir, {recursive: true, force: true}).catch(() => undefined);
	}
};
