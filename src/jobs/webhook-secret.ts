import {randomBytes} from 'node:crypto';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';

const readSecret = (file: string): string => {
	try {
		return readFileSync(file, 'utf8').trim();
	} catch {
		return '';
	}
};

/**
 * The webhook signing secret: PROMPTREEL_WEBHOOK_SECRET, else one generated once and kept in the
 * data dir (mode 0600), so every process on the data dir signs alike and restarts keep it.
 */
export const resolveWebhookSecret = (o: {
	configured: string | undefined;
	file: string;
}): {secret: string; source: 'env' | 'file' | 'generated'} => {
	if (o.configured) return {secret: o.configured, source: 'env'};
	const existing = readSecret(o.file);
	if (existing) return {secret: existing, source: 'file'};
	mkdirSync(dirname(o.file), {recursive: true});
	const secret = `whsec_${randomBytes(24).toString('hex')}`;
	try {
		// 'wx': of two processes starting at once, the first one's secret is kept.
		writeFileSync(o.file, `${secret}\n`, {flag: 'wx', mode: 0o600});
		return {secret, source: 'generated'};
	} catch {
		return {secret: readSecret(o.file), source: 'file'};
	}
};
