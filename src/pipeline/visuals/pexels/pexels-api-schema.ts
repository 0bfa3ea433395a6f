import {z} from 'zod';

/**
 * The parts of Pexels API responses promptreel reads (https://www.pexels.com/api/documentation/).
 * Parsed at the boundary; unknown fields are ignored, so additions on their side break nothing.
 */

export const pexelsPhotoSchema = z.object({
	id: z.number().int(),
	width: z.number().positive(),
	height: z.number().positive(),
	url: z.string().describe('The photo page on pexels.com (for the credit).'),
	photographer: z.string(),
	photographer_url: z.string(),
	alt: z.string().nullable().optional(),
	src: z
		.record(z.string(), z.string())
		.describe('Image URLs by size name: original, large2x, large, medium, small, portrait, landscape, tiny.'),
});

export const pexelsVideoFileSchema = z.object({
	id: z.number().int(),
	quality: z.string().nullable().optional(),
	file_type: z.string().nullable().optional(),
	width: z.number().nullable().optional(),
	height: z.number().nullable().optional(),
	fps: z.number().nullable().optional(),
	link: z.string(),
});

export const pexelsVideoSchema = z.object({
	id: z.number().int(),
	width: z.number().positive(),
	height: z.number().positive(),
	url: z.string().describe('The video page on pexels.com (for the credit).'),
	duration: z.number().min(0).describe('Length in whole seconds.'),
	user: z.object({id: z.number().optional(), name: z.string(), url: z.string()}),
	video_files: z.array(pexelsVideoFileSchema),
});

export const pexelsPhotoSearchSchema = z.object({
	page: z.number().optional(),
	per_page: z.number().optional(),
	total_results: z.number().optional(),
	photos: z.array(pexelsPhotoSchema),
});

export const pexelsVideoSearchSchema = z.object({
	page: z.number().optional(),
	per_page: z.number().optional(),
	total_results: z.number().optional(),
	videos: z.array(pexelsVideoSchema),
});

export type PexelsPhoto = z.infer<typeof pexelsPhotoSchema>;
export type PexelsVideo = z.infer<typeof pexelsVideoSchema>;
export type PexelsVideoFile = z.infer<typeof pexelsVideoFileSchema>;
