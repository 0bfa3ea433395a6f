import {createHmac, timingSafeEqual} from 'node:crypto';

/** The `Promptreel-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`. */
export const signWebhook = (o: {secret: string; body: string; timestampSec: number}): string => {
	const v1 = createHmac('sha256', o.secret).update(`${o.timestampSec}.${o.body}`).digest('hex');
	return `t=${o.timestampSec},v1=${v1}`;
};

/**
 * Checks a `Promptreel-Signature` header against the raw body: the HMAC in constant time and the
 * timestamp within `toleranceSec` of now (replays of old deliveries are refused).
 */
export const verifyWebhookSignature = (o: {
	secret: string;
	body: string;
	header: string;
	toleranceSec?: number;
	nowSec?: number;
}): boolean => {
	const parts = Object.fromEntries(o.header.split(',').map((p) => p.trim().split('=') as [string, string]));
	const t = Number(parts.t);
	if (!Number.isInteger(t) || typeof parts.v1 !== 'string') return false;
	const now = o.nowSec ?? Math.floor(Date.now() / 1000);
	if (Math.abs(now - t) > (o.toleranceSec ?? 300)) return false;
	const expected = Buffer.from(createHmac('sha256', o.secret).update(`${t}.${o.body}`).digest('hex'));
	const got = Buffer.from(parts.v1);
	return got.length === expected.length && timingSafeEqual(got, expected);
};
