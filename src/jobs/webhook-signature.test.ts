import {createHmac} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {nextAttemptAt} from './webhook-dispatcher';
import {signWebhook, verifyWebhookSignature} from './webhook-signature';

describe('Promptreel-Signature', () => {
	const body = '{"type":"video.done"}';
	it('signs t + "." + body with HMAC-SHA256 and verifies it within the tolerance', () => {
		const header = signWebhook({secret: 's3cret', body, timestampSec: 1_700_000_000});
		expect(header).toBe(`t=1700000000,v1=${createHmac('sha256', 's3cret').update(`1700000000.${body}`).digest('hex')}`);
		expect(verifyWebhookSignature({secret: 's3cret', body, header, nowSec: 1_700_000_100})).toBe(true);
		expect(verifyWebhookSignature({secret: 's3cret', body, header, nowSec: 1_700_000_301})).toBe(false);
		expect(verifyWebhookSignature({secret: 'other', body, header, nowSec: 1_700_000_000})).toBe(false);
		expect(verifyWebhookSignature({secret: 's3cret', body: `${body} `, header, nowSec: 1_700_000_000})).toBe(false);
		expect(verifyWebhookSignature({secret: 's3cret', body, header: 'v1=abc', nowSec: 1_700_000_000})).toBe(false);
	});

	it('backs off exponentially and stops after maxAttempts', () => {
		const backoff = {type: 'exponential' as const, delayMs: 1000, maxAttempts: 4};
		expect([1, 2, 3].map((n) => nextAttemptAt(backoff, n, 0))).toEqual([1000, 2000, 4000]);
		expect(nextAttemptAt(backoff, 4, 0)).toBeNull();
	});
});
