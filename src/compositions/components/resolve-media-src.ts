import {staticFile} from 'remotion';

/**
 * Turns a storyboard media reference into a URL the browser can load: http(s) URLs stay as they
 * are, everything else is a path inside the public folder (the storyboard's folder at render time).
 */
export const resolveMediaSrc = (src: string): string => (/^https?:\/\//i.test(src) ? src : staticFile(src));
