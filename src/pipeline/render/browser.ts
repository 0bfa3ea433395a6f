import {existsSync} from 'node:fs';

/**
 * The one place that decides which browser Remotion drives. Used by our renderer and by
 * remotion.config.ts (Studio and `npx remotion render`), so both always agree.
 * Order: REMOTION_BROWSER_EXECUTABLE -> a system Chrome/Chromium -> null (Remotion then downloads
 * its own, which works on a normal laptop but not on a machine without internet).
 */
export const SYSTEM_BROWSER_CANDIDATES = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome-stable',
	'/usr/bin/google-chrome',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium',
] as const;

export const resolveBrowserExecutableSync = (env: NodeJS.ProcessEnv = process.env): string | null => {
	const fromEnv = env.REMOTION_BROWSER_EXECUTABLE;
	if (fromEnv && fromEnv.length > 0) return fromEnv;
	return SYSTEM_BROWSER_CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
};

/** Chromium settings shared by every render path (measured on 2 cores: README, Speed). */
export const CHROMIUM_OPTIONS = {gl: 'angle'} as const;
