/**
 * The largest file each kind of download accepts, in bytes: one table for every download of a
 * job (a user's media by URL, stock media), so a limit is changed in one place.
 */
export const MEDIA_SIZE_LIMITS = {
	/** A video named by URL in a storyboard (and the default of downloadMedia). */
	video: 200e6,
	/** An image named by URL in a storyboard. */
	image: 25e6,
	/** Narration audio or music named by URL. */
	audio: 50e6,
	/** An icon or logo is an image; a brand font named by URL. */
	font: 10e6,
	/** A stock video (Pexels picks a rendition near the output size, so less is needed). */
	stockVideo: 80e6,
	/** A stock photo. */
	stockPhoto: 20e6,
} as const;
