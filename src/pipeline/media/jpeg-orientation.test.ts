import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT} from '../../../test/support/test-env';
import {withExifOrientation} from '../../../test/support/exif-orientation';
import {jpegOrientation} from './jpeg-orientation';

describe('jpegOrientation', () => {
	const photo = readFileSync(join(ROOT, 'public/samples/dusk.jpg'));

	it('is 1 for a JPEG without EXIF and for what is not a JPEG', () => {
		expect(jpegOrientation(photo)).toBe(1);
		expect(jpegOrientation(Buffer.from('not a jpeg'))).toBe(1);
	});

	it.each([
		[6, 'II'],
		[8, 'MM'],
		[1, 'II'],
	] as const)('reads orientation %i (%s byte order)', (orientation, order) => {
		expect(jpegOrientation(withExifOrientation(photo, orientation, order))).toBe(orientation);
	});

	it('reads nothing from a cut-off EXIF block', () => {
		const cut = withExifOrientation(photo, 6, 'II').subarray(0, 20);
		expect(jpegOrientation(cut)).toBe(1);
	});
});
