import {describe, expect, it} from 'vitest';
import type {PexelsPhoto, PexelsVideo} from './pexels-api-schema';
import {pickPhotoSrc, pickVideoFile, rankPexels, slugWords} from './rank-pexels';

const video = (
	id: number,
	slug: string,
	duration: number,
	files: [number, number][] = [
		[640, 360],
		[1280, 720],
		[1920, 1080],
		[3840, 2160],
	],
): PexelsVideo => ({
	id,
	width: files.at(-1)![0],
	height: files.at(-1)![1],
	url: `https://www.pexels.com/video/${slug}-${id}/`,
	duration,
	user: {name: `V${id}`, url: `https://www.pexels.com/@v${id}`},
	video_files: files.map(([w, h], i) => ({
		id: id * 10 + i,
		quality: 'hd',
		file_type: 'video/mp4',
		width: w,
		height: h,
		fps: 25,
		link: `https://videos.pexels.com/${id}/${w}x${h}.mp4`,
	})),
});

const o = 'https://images.pexels.com/photos/1/pexels-photo-1.jpeg';
const photo: PexelsPhoto = {
	id: 1,
	width: 6000,
	height: 4000,
	url: 'https://www.pexels.com/photo/volcano-at-dusk-1/',
	photographer: 'Ana',
	photographer_url: 'https://www.pexels.com/@ana',
	alt: 'Volcano at dusk',
	src: {
		original: o,
		large2x: `${o}?auto=compress&cs=tinysrgb&dpr=2&h=650&w=940`,
		large: `${o}?auto=compress&cs=tinysrgb&h=650&w=940`,
		medium: `${o}?auto=compress&cs=tinysrgb&h=350`,
		portrait: `${o}?auto=compress&cs=tinysrgb&fit=crop&h=1200&w=800`,
		landscape: `${o}?auto=compress&cs=tinysrgb&fit=crop&h=627&w=1200`,
	},
};

describe('rankPexels', () => {
	it('picks the video file nearest the render size: 720p for 720p, not 4K; 360p for a draft', () => {
		const v = video(1, 'lava', 10);
		expect(pickVideoFile(v, {width: 1280, height: 720})).toMatchObject({width: 1280, height: 720});
		expect(pickVideoFile(v, {width: 640, height: 360})).toMatchObject({width: 640, height: 360});
		expect(pickVideoFile(v, {width: 720, height: 1280})).toMatchObject({width: 1280, height: 720});
		expect(pickVideoFile(video(2, 'x', 5, [[960, 540]]), {width: 1920, height: 1080})).toMatchObject({width: 960});
	});

	it("picks the photo size that covers the frame without enlarging, in the frame's shape", () => {
		const at = (width: number, height: number) => pickPhotoSrc(photo, {width, height})!;
		expect(at(1920, 1080)).toMatchObject({width: 1920, height: 1080, url: `${o}?auto=compress&cs=tinysrgb&fit=crop&h=1080&w=1920`});
		expect(at(360, 640).url).toContain('fit=crop&h=640&w=360');
		// Without a fitted crop: the smallest named size that covers the frame, not the original.
		const named = {...photo, src: {...photo.src, original: `${o}?raw=1`}};
		expect(pickPhotoSrc(named, {width: 640, height: 360})).toMatchObject({width: 940, height: 627});
		expect(pickPhotoSrc(named, {width: 1280, height: 720})).toMatchObject({width: 1880, height: 1253});
		// An original smaller than the frame: the largest there is.
		const small = {...photo, width: 1900, height: 1267};
		expect(pickPhotoSrc(small, {width: 1920, height: 1080})).toMatchObject({width: 1900, height: 1267, url: o});
	});

	it('ranks by shape, sharpness, length against the scene and words shared with the query; never reuses', () => {
		const target = {width: 1280, height: 720};
		const ranked = rankPexels({
			videos: [
				video(1, 'people-walking-in-a-city', 30),
				video(2, 'lava-flowing-down-a-slope', 3),
				video(3, 'lava-flowing-at-night', 12),
				video(4, 'lava-close-up', 12, [[360, 640]]),
			],
			target,
			sceneDurationMs: 8000,
			query: 'lava flowing',
			keywords: ['lava flowing', 'volcano'],
			used: new Set(['video:3']),
		});
		// 3 is used; 4 is portrait in a landscape frame (filtered); the long on-topic clip beats the short one.
		expect(ranked.map((c) => c.id)).toEqual([2, 1]);
		const fresh = rankPexels({
			videos: [video(2, 'lava-flowing-down-a-slope', 3), video(3, 'lava-flowing-at-night', 12)],
			target,
			sceneDurationMs: 8000,
			query: 'lava flowing',
			keywords: [],
			used: new Set(),
		});
		expect(fresh.map((c) => c.id)).toEqual([3, 2]);
		expect(fresh[0]!.scores.duration).toBe(1);
		expect(fresh[1]!.scores.duration).toBeCloseTo(3 / 8);
	});

	it('reads the words of a page slug', () => {
		expect(slugWords('https://www.pexels.com/video/lava-flowing-at-night-3066473/')).toBe('lava flowing at night');
		expect(slugWords('https://www.pexels.com/photo/volcano-123/')).toBe('volcano');
	});
});
