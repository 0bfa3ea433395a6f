/**
 * Bytes of decoded clip frames `@remotion/media`'s `<Video>` may keep in the page, for both
 * renderers. Its defaults are half of the machine's memory (capture) and 1 GB (a web renderer page);
 * the frames it keeps are those of clips it has decoded, freed only past the budget, so with more
 * distinct clips a longer video holds more. A 4 min explainer held ~200 MB of them on both paths
 * (DevTools' memory-infra dump, `media/frame_buffers`): the budget bounds longer, clip-rich videos.
 * Remotion's minimum is 240 MB.
 */
export const MEDIA_CACHE_BYTES = 256 * 2 ** 20;
