// Applies to the Remotion CLI and Studio only (bundle()/renderMedia() ignore this file): the browser
// and GL settings come from the same shared module our renderer uses, so both paths agree.
import {Config} from '@remotion/cli/config';
import {CHROMIUM_OPTIONS, resolveBrowserExecutableSync} from './src/pipeline/render/browser';
import {userTemplatesWebpackOverride} from './src/pipeline/render/user-templates-webpack';

Config.setBrowserExecutable(resolveBrowserExecutableSync());
Config.setChromiumOpenGlRenderer(CHROMIUM_OPTIONS.gl);
// JPEG frames are much cheaper to capture than PNG; nothing here needs transparency.
Config.setVideoImageFormat('jpeg');
// Templates of PROMPTREEL_TEMPLATES_DIR appear in Studio and `npx remotion render` as in our renderer.
Config.overrideWebpackConfig(userTemplatesWebpackOverride(process.cwd(), process.env.PROMPTREEL_TEMPLATES_DIR));
