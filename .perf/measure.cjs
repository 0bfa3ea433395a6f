"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/compositions/templates/explainer/Explainer.tsx
var Explainer_exports = {};
__export(Explainer_exports, {
  default: () => U
});
function U() {
}
var init_Explainer = __esm({
  "src/compositions/templates/explainer/Explainer.tsx"() {
    "use strict";
  }
});

// .perf/measure.ts
var import_promises3 = require("node:fs/promises");
var import_node_os = require("node:os");
var import_node_path5 = require("node:path");
var import_renderer2 = require("@remotion/renderer");

// src/compositions/storyboard/storyboard-schema.ts
var import_zod = require("zod");
var ASPECTS = ["16:9", "9:16", "1:1"];
var aspectSchema = import_zod.z.enum(ASPECTS).describe("Frame shape: 16:9 landscape (YouTube), 9:16 portrait (Shorts, Reels, TikTok), 1:1 square.");
var RESOLUTIONS = ["360p", "540p", "720p", "1080p"];
var resolutionSchema = import_zod.z.enum(RESOLUTIONS).describe("Size preset: the length in pixels of the short side of the frame (1080p: 1920x1080 at 16:9).");
var formatSchema = import_zod.z.object({
  aspect: aspectSchema.default("16:9"),
  resolution: resolutionSchema.default("1080p"),
  fps: import_zod.z.number().int().min(1).max(60).default(30).describe("Frames per second of the video.")
}).describe("Shape, size and frame rate of the video. Render quality presets may scale it down.");
var hexColorSchema = import_zod.z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a 6-digit hex colour such as "#1e293b".').describe("A colour as #rrggbb.");
var FONT_FAMILIES = ["Inter"];
var fontFamilySchema = import_zod.z.enum(FONT_FAMILIES).describe("A font family bundled with promptreel (no font is fetched at render time).");
var paletteSchema = import_zod.z.object({
  background: hexColorSchema.describe("Base colour of backgrounds."),
  surface: hexColorSchema.describe("Second background colour, used in gradients and panels."),
  primary: hexColorSchema.describe("Main brand colour: shapes, accents of procedural backgrounds."),
  accent: hexColorSchema.describe("Highlight colour: the spoken caption word, title underline."),
  text: hexColorSchema.describe("Colour of titles and captions.")
}).describe("The colours of the video.");
var DEFAULT_PALETTE = {
  background: "#0f172a",
  surface: "#1e3a8a",
  primary: "#6366f1",
  accent: "#facc15",
  text: "#f8fafc"
};
var themeSchema = import_zod.z.object({
  palette: paletteSchema.default(DEFAULT_PALETTE),
  fontFamily: fontFamilySchema.default("Inter")
}).describe("Colours and font of the video.");
var mediaSrcSchema = import_zod.z.string().min(1).refine((s) => !s.startsWith("/") && !/^[a-zA-Z]:[\\/]/.test(s) && !s.startsWith("file:"), {
  message: "Use an https URL or a path relative to the storyboard folder, not an absolute path."
}).refine((s) => !s.split(/[\\/]/).includes(".."), {
  message: 'A relative media path may not contain "..": keep media inside the storyboard folder.'
}).refine((s) => !/^[a-z][a-z0-9+.-]*:/i.test(s) || /^https?:\/\//i.test(s), {
  message: "Only http(s) URLs or relative paths are allowed."
}).describe('An https URL or a path relative to the storyboard folder, e.g. "media/scene-1.jpg".');
var fitSchema = import_zod.z.enum(["cover", "contain"]).describe("cover fills the frame and crops; contain shows the whole picture with bars.");
var videoVisualSchema = import_zod.z.object({
  kind: import_zod.z.literal("video"),
  src: mediaSrcSchema,
  durationMs: import_zod.z.number().positive().describe("Length of the clip file in ms, measured at plan time; used to loop short clips."),
  trimStartMs: import_zod.z.number().min(0).default(0).describe("Where in the clip the scene starts, in ms."),
  loop: import_zod.z.boolean().default(true).describe("Loop the clip when it is shorter than the scene."),
  fit: fitSchema.default("cover")
}).describe("A video clip (muted) that fills the scene.");
var KEN_BURNS = ["zoom-in", "zoom-out", "pan-left", "pan-right", "none"];
var imageVisualSchema = import_zod.z.object({
  kind: import_zod.z.literal("image"),
  src: mediaSrcSchema,
  motion: import_zod.z.enum(KEN_BURNS).default("zoom-in").describe("A gentle Ken Burns move over the scene."),
  fit: fitSchema.default("cover")
}).describe("A still image with a gentle camera move.");
var PROCEDURAL_STYLES = ["gradient", "orbs", "grid", "waves"];
var proceduralVisualSchema = import_zod.z.object({
  kind: import_zod.z.literal("procedural"),
  style: import_zod.z.enum(PROCEDURAL_STYLES).default("orbs").describe("Kind of animated background."),
  icon: mediaSrcSchema.nullable().default(null).describe("An illustration shown over the background (e.g. an emoji SVG), or null.")
}).describe("An animated background drawn from the palette and the seed; needs no media.");
var visualSchema = import_zod.z.discriminatedUnion("kind", [videoVisualSchema, imageVisualSchema, proceduralVisualSchema]).describe("What the scene shows: a video clip, an image, or a procedural background.");
var captionSchema = import_zod.z.object({
  text: import_zod.z.string().describe("The word as shown; every word after the first starts with a space."),
  startMs: import_zod.z.number().min(0).describe("When the word starts, in ms from the scene start."),
  endMs: import_zod.z.number().min(0).describe("When the word ends, in ms from the scene start."),
  timestampMs: import_zod.z.number().nullable().default(null).describe("Representative time of the word."),
  confidence: import_zod.z.number().min(0).max(1).nullable().default(null).describe("Timing confidence.")
}).refine((c) => c.endMs >= c.startMs, { message: "endMs must not be before startMs.", path: ["endMs"] }).describe("One timed word of the narration.");
var TRANSITION_TYPES = ["none", "fade", "slide", "wipe"];
var DIRECTIONS = ["from-left", "from-right", "from-top", "from-bottom"];
var transitionSchema = import_zod.z.object({
  type: import_zod.z.enum(TRANSITION_TYPES).default("fade").describe("How this scene hands over to the next."),
  direction: import_zod.z.enum(DIRECTIONS).default("from-right").describe("Direction of slide and wipe."),
  durationMs: import_zod.z.number().min(0).max(3e3).default(500).describe("Overlap of this scene and the next, in ms (ignored for type none).")
}).describe("The transition from this scene to the next one (or to the end card).");
var narrationSchema = import_zod.z.object({
  text: import_zod.z.string().describe("What the voice says in this scene (may be empty)."),
  audio: mediaSrcSchema.nullable().default(null).describe("The synthesised or recorded narration, or null."),
  offsetMs: import_zod.z.number().min(0).default(0).describe("When the narration audio starts, in ms from the scene start."),
  volume: import_zod.z.number().min(0).max(2).default(1).describe("Narration volume (1 = as recorded).")
}).describe("The narration of one scene.");
var sceneSchema = import_zod.z.object({
  id: import_zod.z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, "Use letters, digits, - or _ (at most 64).").describe("Stable id of the scene, unique in the storyboard."),
  title: import_zod.z.string().nullable().default(null).describe("On-screen title of the scene, or null."),
  text: import_zod.z.string().nullable().default(null).describe("Short on-screen text under the title, or null."),
  narration: narrationSchema,
  visual: visualSchema,
  durationMs: import_zod.z.number().min(200).max(6e5).describe("How long the scene lasts, in ms, including the transition into the next one."),
  captions: import_zod.z.array(captionSchema).default([]).describe("Timed words of the narration (scene time)."),
  transition: transitionSchema.default({ type: "fade", direction: "from-right", durationMs: 500 })
}).describe("One scene: what is said, what is shown, how long, and how it hands over.");
var musicSchema = import_zod.z.object({
  src: mediaSrcSchema,
  volume: import_zod.z.number().min(0).max(1).default(0.25).describe("Music volume when nobody speaks."),
  duckedVolume: import_zod.z.number().min(0).max(1).default(0.08).describe("Music volume while the narration speaks."),
  fadeOutMs: import_zod.z.number().min(0).default(1500).describe("Fade out at the end of the video, in ms."),
  durationMs: import_zod.z.number().positive().describe("Length of the music file in ms (it loops).")
}).describe("A background music bed, ducked under the narration.");
var captionStyleSchema = import_zod.z.object({
  enabled: import_zod.z.boolean().default(true).describe("Show captions."),
  preset: import_zod.z.enum(["highlight", "boxed", "plain"]).default("highlight").describe("highlight colours the spoken word; boxed puts it in a box; plain shows the page."),
  position: import_zod.z.enum(["bottom", "center", "top"]).default("bottom").describe("Where captions sit."),
  combineWithinMs: import_zod.z.number().min(0).default(1200).describe("Words within this many ms form one caption page."),
  fontScale: import_zod.z.number().min(0.5).max(2).default(1).describe("Caption size relative to the default.")
}).describe("How captions look.");
var creditSchema = import_zod.z.object({
  kind: import_zod.z.enum(["image", "video", "music", "voice", "icon", "font", "other"]).describe("What was used."),
  title: import_zod.z.string().describe('What the asset is, e.g. "Photo of a volcano".'),
  author: import_zod.z.string().nullable().default(null).describe("Who made it."),
  url: import_zod.z.string().nullable().default(null).describe("Where it comes from."),
  license: import_zod.z.string().describe('Its licence, e.g. "Pexels License", "MIT", "CC BY 4.0".'),
  source: import_zod.z.string().nullable().default(null).describe('The provider, e.g. "Pexels".')
}).describe("Attribution of one third-party asset.");
var endCardSchema = import_zod.z.object({
  enabled: import_zod.z.boolean().default(true).describe("Show an end card after the last scene."),
  title: import_zod.z.string().nullable().default(null).describe("Big text of the end card, or null."),
  durationMs: import_zod.z.number().min(500).max(2e4).default(2500).describe("How long the end card lasts.")
}).describe("The closing card with the credits and a fade out.");
var storyboardSchema = import_zod.z.object({
  version: import_zod.z.literal(1).default(1).describe("Storyboard format version."),
  title: import_zod.z.string().min(1).describe("Title of the video."),
  template: import_zod.z.string().min(1).default("explainer").describe("Id of the template that renders it."),
  language: import_zod.z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Use a BCP 47 tag such as "en" or "pt-BR".').default("en").describe("Language of the narration and captions, as a BCP 47 tag."),
  format: formatSchema.default({ aspect: "16:9", resolution: "1080p", fps: 30 }),
  theme: themeSchema.default({ palette: DEFAULT_PALETTE, fontFamily: "Inter" }),
  scenes: import_zod.z.array(sceneSchema).min(1).max(200).describe("The scenes, in order."),
  music: musicSchema.nullable().default(null),
  captionStyle: captionStyleSchema.default({
    enabled: true,
    preset: "highlight",
    position: "bottom",
    combineWithinMs: 1200,
    fontScale: 1
  }),
  endCard: endCardSchema.default({ enabled: true, title: null, durationMs: 2500 }),
  credits: import_zod.z.array(creditSchema).default([]).describe("Attribution of every third-party asset."),
  seed: import_zod.z.number().int().min(0).default(1).describe("Seed for every random choice of the render.")
}).superRefine((sb, ctx) => {
  const seen = /* @__PURE__ */ new Set();
  sb.scenes.forEach((scene, i) => {
    if (seen.has(scene.id)) {
      ctx.addIssue({ code: "custom", path: ["scenes", i, "id"], message: `Duplicate scene id "${scene.id}".` });
    }
    seen.add(scene.id);
    const next = sb.scenes[i + 1];
    const hasNext = next !== void 0 || sb.endCard.enabled;
    if (!hasNext || scene.transition.type === "none") return;
    const nextDuration = next ? next.durationMs : sb.endCard.durationMs;
    const limit = Math.min(scene.durationMs, nextDuration) / 2;
    if (scene.transition.durationMs > limit) {
      ctx.addIssue({
        code: "custom",
        path: ["scenes", i, "transition", "durationMs"],
        message: `Transition of ${scene.transition.durationMs} ms is longer than half of the shorter adjacent scene (${limit} ms allowed).`
      });
    }
  });
}).describe("A whole video: format, theme, scenes with narration, visuals and captions, music and credits.");

// src/compositions/storyboard/timing.ts
var msToFrames = (ms, fps) => Math.round(ms * fps / 1e3);
var computeTimeline = (storyboard) => {
  const fps = storyboard.format.fps;
  const items = storyboard.scenes.map((s, i) => ({
    index: i,
    durationMs: s.durationMs,
    transitionMs: s.transition.type === "none" ? 0 : s.transition.durationMs
  }));
  if (storyboard.endCard.enabled) {
    items.push({ index: -1, durationMs: storyboard.endCard.durationMs, transitionMs: 0 });
  }
  const last = items[items.length - 1];
  if (last) last.transitionMs = 0;
  const starts = [];
  let cursor = 0;
  for (const item of items) {
    starts.push(cursor);
    cursor += item.durationMs - item.transitionMs;
  }
  const totalMs = cursor;
  const timings = items.map((item, i) => {
    const startMs = starts[i] ?? 0;
    const startFrame = msToFrames(startMs, fps);
    const endFrame = msToFrames(startMs + item.durationMs, fps);
    const nextStart = starts[i + 1];
    const transitionInFrames = nextStart === void 0 ? 0 : endFrame - msToFrames(nextStart, fps);
    return { index: item.index, startMs, startFrame, durationInFrames: endFrame - startFrame, transitionInFrames };
  });
  const endCard = timings.find((t) => t.index === -1) ?? null;
  return {
    fps,
    scenes: timings.filter((t) => t.index !== -1),
    endCard,
    durationInFrames: Math.max(1, msToFrames(totalMs, fps)),
    durationMs: totalMs
  };
};

// src/compositions/storyboard/dimensions.ts
var SHORT_SIDE = { "360p": 360, "540p": 540, "720p": 720, "1080p": 1080 };
var even = (n) => Math.max(2, Math.round(n / 2) * 2);
var frameSize = ({ aspect, resolution }) => {
  const short = SHORT_SIDE[resolution];
  const long = even(short * 16 / 9);
  if (aspect === "16:9") return { width: long, height: short };
  if (aspect === "9:16") return { width: short, height: long };
  return { width: short, height: short };
};

// src/compositions/templates/explainer/explainer-schema.ts
var explainerSchema = storyboardSchema;

// src/compositions/templates/explainer/calculate-metadata.ts
var calculateExplainerMetadata = ({ props }) => {
  const storyboard = explainerSchema.parse(props);
  const { width, height } = frameSize(storyboard.format);
  const timeline = computeTimeline(storyboard);
  return {
    width,
    height,
    fps: storyboard.format.fps,
    durationInFrames: timeline.durationInFrames,
    props: storyboard
  };
};

// src/compositions/templates/explainer/samples/landscape.json
var landscape_default = {
  version: 1,
  title: "Patterns from simple rules",
  template: "explainer",
  language: "en",
  format: {
    aspect: "16:9",
    resolution: "1080p",
    fps: 30
  },
  theme: {
    palette: {
      background: "#0f172a",
      surface: "#1e3a8a",
      primary: "#6366f1",
      accent: "#facc15",
      text: "#f8fafc"
    },
    fontFamily: "Inter"
  },
  scenes: [
    {
      id: "formula",
      title: "One formula",
      text: "z\xB2 + c, again and again",
      visual: {
        kind: "image",
        src: "samples/mandelbrot.jpg",
        motion: "zoom-in",
        fit: "cover"
      },
      transition: {
        type: "slide",
        direction: "from-right",
        durationMs: 500
      },
      narration: {
        text: "One tiny formula draws the Mandelbrot set.",
        audio: "samples/narration/landscape-formula.mp3",
        offsetMs: 250,
        volume: 1
      },
      durationMs: 3600,
      captions: [
        {
          text: "One",
          startMs: 415,
          endMs: 635,
          timestampMs: 525,
          confidence: 1
        },
        {
          text: " tiny",
          startMs: 635,
          endMs: 1e3,
          timestampMs: 817,
          confidence: 1
        },
        {
          text: " formula",
          startMs: 1e3,
          endMs: 1635,
          timestampMs: 1318,
          confidence: 1
        },
        {
          text: " draws",
          startMs: 1770,
          endMs: 2165,
          timestampMs: 1968,
          confidence: 1
        },
        {
          text: " the",
          startMs: 2165,
          endMs: 2240,
          timestampMs: 2203,
          confidence: 1
        },
        {
          text: " Mandelbrot",
          startMs: 2240,
          endMs: 2855,
          timestampMs: 2548,
          confidence: 1
        },
        {
          text: " set.",
          startMs: 2855,
          endMs: 3130,
          timestampMs: 2993,
          confidence: 1
        }
      ]
    },
    {
      id: "life",
      title: "The Game of Life",
      text: null,
      visual: {
        kind: "video",
        src: "samples/life.mp4",
        durationMs: 3e3,
        trimStartMs: 0,
        loop: true,
        fit: "cover"
      },
      transition: {
        type: "wipe",
        direction: "from-left",
        durationMs: 500
      },
      narration: {
        text: "In the Game of Life, cells live or die.",
        audio: "samples/narration/landscape-life.mp3",
        offsetMs: 250,
        volume: 1
      },
      durationMs: 3100,
      captions: [
        {
          text: "In",
          startMs: 425,
          endMs: 545,
          timestampMs: 485,
          confidence: 1
        },
        {
          text: " the",
          startMs: 545,
          endMs: 605,
          timestampMs: 575,
          confidence: 1
        },
        {
          text: " Game",
          startMs: 605,
          endMs: 885,
          timestampMs: 745,
          confidence: 1
        },
        {
          text: " of",
          startMs: 885,
          endMs: 1010,
          timestampMs: 947,
          confidence: 1
        },
        {
          text: " Life,",
          startMs: 1010,
          endMs: 1420,
          timestampMs: 1215,
          confidence: 1
        },
        {
          text: " cells",
          startMs: 1500,
          endMs: 1815,
          timestampMs: 1658,
          confidence: 1
        },
        {
          text: " live",
          startMs: 1815,
          endMs: 2030,
          timestampMs: 1923,
          confidence: 1
        },
        {
          text: " or",
          startMs: 2030,
          endMs: 2190,
          timestampMs: 2110,
          confidence: 1
        },
        {
          text: " die.",
          startMs: 2190,
          endMs: 2585,
          timestampMs: 2388,
          confidence: 1
        }
      ]
    },
    {
      id: "variety",
      title: "Endless variety",
      text: "From rules a child could follow",
      visual: {
        kind: "procedural",
        style: "orbs",
        icon: "samples/icon-spark.svg"
      },
      transition: {
        type: "fade",
        direction: "from-right",
        durationMs: 500
      },
      narration: {
        text: "Simple rules grow endless variety.",
        audio: "samples/narration/landscape-variety.mp3",
        offsetMs: 250,
        volume: 1
      },
      durationMs: 3100,
      captions: [
        {
          text: "Simple",
          startMs: 425,
          endMs: 940,
          timestampMs: 683,
          confidence: 1
        },
        {
          text: " rules",
          startMs: 940,
          endMs: 1265,
          timestampMs: 1103,
          confidence: 1
        },
        {
          text: " grow",
          startMs: 1265,
          endMs: 1550,
          timestampMs: 1408,
          confidence: 1
        },
        {
          text: " endless",
          startMs: 1550,
          endMs: 1965,
          timestampMs: 1758,
          confidence: 1
        },
        {
          text: " variety.",
          startMs: 1965,
          endMs: 2555,
          timestampMs: 2260,
          confidence: 1
        }
      ]
    }
  ],
  music: {
    src: "music/calm-pad.mp3",
    volume: 0.25,
    duckedVolume: 0.08,
    fadeOutMs: 1500,
    durationMs: 24e3
  },
  captionStyle: {
    enabled: true,
    preset: "highlight",
    position: "bottom",
    combineWithinMs: 1200,
    fontScale: 1
  },
  endCard: {
    enabled: true,
    title: "Simple rules, endless worlds",
    durationMs: 2e3
  },
  credits: [
    {
      kind: "voice",
      title: "Narration voice: CMU US SLT HTS voice for Festival",
      author: "Carnegie Mellon University",
      url: "http://www.festvox.org/",
      license: "EST-2003 (BSD-like)",
      source: "Debian festvox-us-slt-hts"
    },
    {
      kind: "font",
      title: "Inter typeface",
      author: "Rasmus Andersson",
      url: "https://rsms.me/inter/",
      license: "OFL-1.1",
      source: "@fontsource/inter"
    },
    {
      kind: "music",
      title: 'Music: "calm-pad", synthesised with sox',
      author: "promptreel",
      url: null,
      license: "MIT",
      source: "promptreel"
    }
  ],
  seed: 7
};

// src/compositions/templates/explainer/samples/portrait.json
var portrait_default = {
  version: 1,
  title: "Zooming into infinity",
  template: "explainer",
  language: "en",
  format: {
    aspect: "9:16",
    resolution: "1080p",
    fps: 30
  },
  theme: {
    palette: {
      background: "#1a1035",
      surface: "#4c1d95",
      primary: "#a855f7",
      accent: "#22d3ee",
      text: "#fdf4ff"
    },
    fontFamily: "Inter"
  },
  scenes: [
    {
      id: "closer",
      title: "Zoom in",
      text: "What happens at the edge?",
      visual: {
        kind: "procedural",
        style: "waves",
        icon: null
      },
      transition: {
        type: "slide",
        direction: "from-bottom",
        durationMs: 500
      },
      narration: {
        text: "Zoom into a shape, closer and closer.",
        audio: "samples/narration/portrait-closer.mp3",
        offsetMs: 250,
        volume: 1
      },
      durationMs: 3300,
      captions: [
        {
          text: "Zoom",
          startMs: 425,
          endMs: 695,
          timestampMs: 560,
          confidence: 1
        },
        {
          text: " into",
          startMs: 695,
          endMs: 1030,
          timestampMs: 862,
          confidence: 1
        },
        {
          text: " a",
          startMs: 1030,
          endMs: 1075,
          timestampMs: 1052,
          confidence: 1
        },
        {
          text: " shape,",
          startMs: 1075,
          endMs: 1485,
          timestampMs: 1280,
          confidence: 1
        },
        {
          text: " closer",
          startMs: 1570,
          endMs: 2015,
          timestampMs: 1793,
          confidence: 1
        },
        {
          text: " and",
          startMs: 2015,
          endMs: 2195,
          timestampMs: 2105,
          confidence: 1
        },
        {
          text: " closer.",
          startMs: 2195,
          endMs: 2785,
          timestampMs: 2490,
          confidence: 1
        }
      ]
    },
    {
      id: "edge",
      title: "The edge",
      text: null,
      visual: {
        kind: "video",
        src: "samples/zoom.mp4",
        durationMs: 3e3,
        trimStartMs: 500,
        loop: true,
        fit: "cover"
      },
      transition: {
        type: "fade",
        direction: "from-right",
        durationMs: 500
      },
      narration: {
        text: "Its edge never gets any simpler.",
        audio: "samples/narration/portrait-edge.mp3",
        offsetMs: 250,
        volume: 1
      },
      durationMs: 2900,
      captions: [
        {
          text: "Its",
          startMs: 425,
          endMs: 625,
          timestampMs: 525,
          confidence: 1
        },
        {
          text: " edge",
          startMs: 625,
          endMs: 855,
          timestampMs: 740,
          confidence: 1
        },
        {
          text: " never",
          startMs: 855,
          endMs: 1165,
          timestampMs: 1010,
          confidence: 1
        },
        {
          text: " gets",
          startMs: 1165,
          endMs: 1435,
          timestampMs: 1300,
          confidence: 1
        },
        {
          text: " any",
          startMs: 1435,
          endMs: 1730,
          timestampMs: 1582,
          confidence: 1
        },
        {
          text: " simpler.",
          startMs: 1730,
          endMs: 2415,
          timestampMs: 2073,
          confidence: 1
        }
      ]
    },
    {
      id: "spirals",
      title: "New spirals",
      text: "Every zoom, a new world",
      visual: {
        kind: "image",
        src: "samples/mandelbrot.jpg",
        motion: "pan-left",
        fit: "cover"
      },
      transition: {
        type: "wipe",
        direction: "from-top",
        durationMs: 500
      },
      narration: {
        text: "Every zoom reveals new spirals.",
        audio: "samples/narration/portrait-spirals.mp3",
        offsetMs: 250,
        volume: 1
      },
      durationMs: 2700,
      captions: [
        {
          text: "Every",
          startMs: 425,
          endMs: 765,
          timestampMs: 595,
          confidence: 1
        },
        {
          text: " zoom",
          startMs: 765,
          endMs: 1040,
          timestampMs: 903,
          confidence: 1
        },
        {
          text: " reveals",
          startMs: 1040,
          endMs: 1475,
          timestampMs: 1258,
          confidence: 1
        },
        {
          text: " new",
          startMs: 1475,
          endMs: 1625,
          timestampMs: 1550,
          confidence: 1
        },
        {
          text: " spirals.",
          startMs: 1625,
          endMs: 2335,
          timestampMs: 1980,
          confidence: 1
        }
      ]
    }
  ],
  music: null,
  captionStyle: {
    enabled: true,
    preset: "boxed",
    position: "center",
    combineWithinMs: 900,
    fontScale: 1
  },
  endCard: {
    enabled: true,
    title: null,
    durationMs: 2e3
  },
  credits: [
    {
      kind: "voice",
      title: "Narration voice: CMU US SLT HTS voice for Festival",
      author: "Carnegie Mellon University",
      url: "http://www.festvox.org/",
      license: "EST-2003 (BSD-like)",
      source: "Debian festvox-us-slt-hts"
    },
    {
      kind: "font",
      title: "Inter typeface",
      author: "Rasmus Andersson",
      url: "https://rsms.me/inter/",
      license: "OFL-1.1",
      source: "@fontsource/inter"
    }
  ],
  seed: 21
};

// src/compositions/templates/explainer/samples/square.json
var square_default = {
  version: 1,
  title: "Pause for a minute",
  template: "explainer",
  language: "en",
  format: {
    aspect: "1:1",
    resolution: "1080p",
    fps: 30
  },
  theme: {
    palette: {
      background: "#14112b",
      surface: "#3b2a6b",
      primary: "#f97316",
      accent: "#fbbf24",
      text: "#fff7ed"
    },
    fontFamily: "Inter"
  },
  scenes: [
    {
      id: "breathe",
      title: "Slow down",
      text: null,
      visual: {
        kind: "image",
        src: "samples/dusk.jpg",
        motion: "zoom-out",
        fit: "cover"
      },
      transition: {
        type: "fade",
        direction: "from-right",
        durationMs: 500
      },
      narration: {
        text: "Breathe slowly, and watch the light fade.",
        audio: "samples/narration/square-breathe.mp3",
        offsetMs: 250,
        volume: 1
      },
      durationMs: 3e3,
      captions: [
        {
          text: "Breathe",
          startMs: 425,
          endMs: 660,
          timestampMs: 543,
          confidence: 1
        },
        {
          text: " slowly,",
          startMs: 660,
          endMs: 1150,
          timestampMs: 905,
          confidence: 1
        },
        {
          text: " and",
          startMs: 1285,
          endMs: 1440,
          timestampMs: 1363,
          confidence: 1
        },
        {
          text: " watch",
          startMs: 1440,
          endMs: 1765,
          timestampMs: 1603,
          confidence: 1
        },
        {
          text: " the",
          startMs: 1765,
          endMs: 1850,
          timestampMs: 1808,
          confidence: 1
        },
        {
          text: " light",
          startMs: 1850,
          endMs: 2110,
          timestampMs: 1980,
          confidence: 1
        },
        {
          text: " fade.",
          startMs: 2110,
          endMs: 2495,
          timestampMs: 2302,
          confidence: 1
        }
      ]
    },
    {
      id: "notice",
      title: "Notice",
      text: "Small things, always moving",
      visual: {
        kind: "video",
        src: "samples/life.mp4",
        durationMs: 3e3,
        trimStartMs: 0,
        loop: true,
        fit: "cover"
      },
      transition: {
        type: "slide",
        direction: "from-left",
        durationMs: 500
      },
      narration: {
        text: "Small things move all around you.",
        audio: "samples/narration/square-notice.mp3",
        offsetMs: 250,
        volume: 1
      },
      durationMs: 2700,
      captions: [
        {
          text: "Small",
          startMs: 425,
          endMs: 755,
          timestampMs: 590,
          confidence: 1
        },
        {
          text: " things",
          startMs: 755,
          endMs: 1075,
          timestampMs: 915,
          confidence: 1
        },
        {
          text: " move",
          startMs: 1075,
          endMs: 1290,
          timestampMs: 1182,
          confidence: 1
        },
        {
          text: " all",
          startMs: 1290,
          endMs: 1530,
          timestampMs: 1410,
          confidence: 1
        },
        {
          text: " around",
          startMs: 1530,
          endMs: 1910,
          timestampMs: 1720,
          confidence: 1
        },
        {
          text: " you.",
          startMs: 1910,
          endMs: 2200,
          timestampMs: 2055,
          confidence: 1
        }
      ]
    },
    {
      id: "again",
      title: "Begin again",
      text: "One step at a time",
      visual: {
        kind: "procedural",
        style: "grid",
        icon: null
      },
      transition: {
        type: "none",
        direction: "from-right",
        durationMs: 0
      },
      narration: {
        text: "Then begin again, one step at a time.",
        audio: "samples/narration/square-again.mp3",
        offsetMs: 250,
        volume: 1
      },
      durationMs: 3100,
      captions: [
        {
          text: "Then",
          startMs: 415,
          endMs: 615,
          timestampMs: 515,
          confidence: 1
        },
        {
          text: " begin",
          startMs: 615,
          endMs: 890,
          timestampMs: 753,
          confidence: 1
        },
        {
          text: " again,",
          startMs: 890,
          endMs: 1275,
          timestampMs: 1082,
          confidence: 1
        },
        {
          text: " one",
          startMs: 1410,
          endMs: 1630,
          timestampMs: 1520,
          confidence: 1
        },
        {
          text: " step",
          startMs: 1630,
          endMs: 1980,
          timestampMs: 1805,
          confidence: 1
        },
        {
          text: " at",
          startMs: 1980,
          endMs: 2050,
          timestampMs: 2015,
          confidence: 1
        },
        {
          text: " a",
          startMs: 2050,
          endMs: 2095,
          timestampMs: 2073,
          confidence: 1
        },
        {
          text: " time.",
          startMs: 2095,
          endMs: 2605,
          timestampMs: 2350,
          confidence: 1
        }
      ]
    }
  ],
  music: null,
  captionStyle: {
    enabled: true,
    preset: "plain",
    position: "top",
    combineWithinMs: 1200,
    fontScale: 1.1
  },
  endCard: {
    enabled: true,
    title: "Breathe",
    durationMs: 2e3
  },
  credits: [
    {
      kind: "voice",
      title: "Narration voice: CMU US SLT HTS voice for Festival",
      author: "Carnegie Mellon University",
      url: "http://www.festvox.org/",
      license: "EST-2003 (BSD-like)",
      source: "Debian festvox-us-slt-hts"
    },
    {
      kind: "font",
      title: "Inter typeface",
      author: "Rasmus Andersson",
      url: "https://rsms.me/inter/",
      license: "OFL-1.1",
      source: "@fontsource/inter"
    }
  ],
  seed: 3
};

// src/compositions/registry.ts
var templates = [
  {
    id: "explainer",
    title: "Explainer",
    description: "Narrated scenes (video, image with a Ken Burns move, or an animated background with an icon), a title per scene, word-highlighted captions, transitions, music ducked under the voice, and an end card with the credits.",
    schema: explainerSchema,
    calculateMetadata: calculateExplainerMetadata,
    samples: {
      landscape: explainerSchema.parse(landscape_default),
      portrait: explainerSchema.parse(portrait_default),
      square: explainerSchema.parse(square_default)
    },
    lazyComponent: () => Promise.resolve().then(() => (init_Explainer(), Explainer_exports))
  }
];
var templateIds = templates.map((t) => t.id);
var findTemplate = (id) => templates.find((t) => t.id === id);

// src/pipeline/render/local-renderer.ts
var import_renderer = require("@remotion/renderer");

// src/pipeline/render/browser.ts
var CHROMIUM_OPTIONS = { gl: "angle" };

// src/pipeline/render/bundle-cache.ts
var import_node_crypto = require("node:crypto");
var import_node_fs2 = require("node:fs");
var import_promises = require("node:fs/promises");
var import_node_path2 = require("node:path");
var import_bundler = require("@remotion/bundler");

// src/pipeline/project-root.ts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
var import_node_url = require("node:url");
var import_meta = {};
var cached = null;
var projectRoot = () => {
  if (cached) return cached;
  let dir = (0, import_node_path.dirname)((0, import_node_url.fileURLToPath)(import_meta.url));
  for (; ; ) {
    const pkg = (0, import_node_path.join)(dir, "package.json");
    if ((0, import_node_fs.existsSync)(pkg) && JSON.parse((0, import_node_fs.readFileSync)(pkg, "utf8")).name === "promptreel") {
      cached = dir;
      return dir;
    }
    const parent = (0, import_node_path.dirname)(dir);
    if (parent === dir) throw new Error("Could not find the promptreel package folder.");
    dir = parent;
  }
};

// src/pipeline/render/bundle-cache.ts
var BUNDLE_INPUTS = ["src/compositions", "src/index.ts", "public", "package-lock.json", "tsconfig.json"];
var BUNDLE_FORMAT_VERSION = "1";
var listFiles = async (path) => {
  const info = await (0, import_promises.stat)(path).catch(() => null);
  if (!info) return [];
  if (info.isFile()) return [path];
  const entries = await (0, import_promises.readdir)(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries.filter((e) => !e.name.startsWith(".") && !e.name.endsWith(".test.ts") && !e.name.endsWith(".test.tsx")).map((e) => listFiles((0, import_node_path2.join)(path, e.name)))
  );
  return nested.flat().sort();
};
var hashBundleSources = async (root = projectRoot()) => {
  const hash = (0, import_node_crypto.createHash)("sha256").update(BUNDLE_FORMAT_VERSION);
  for (const input of BUNDLE_INPUTS) {
    for (const file of await listFiles((0, import_node_path2.join)(root, input))) {
      hash.update((0, import_node_path2.relative)(root, file)).update("\0").update(await (0, import_promises.readFile)(file)).update("\0");
    }
  }
  return hash.digest("hex").slice(0, 16);
};
var bundleProject = (options) => makeBundle(options);
var makeBundle = async ({ cacheDir, onProgress }) => {
  const started = performance.now();
  const root = projectRoot();
  const hash = await hashBundleSources(root);
  const bundlesDir = (0, import_node_path2.join)(cacheDir, "bundles");
  const target = (0, import_node_path2.join)(bundlesDir, hash);
  if ((0, import_node_fs2.existsSync)((0, import_node_path2.join)(target, "index.html"))) {
    onProgress?.(1);
    return { serveUrl: target, cached: true, ms: performance.now() - started, hash };
  }
  await (0, import_promises.mkdir)(bundlesDir, { recursive: true });
  const temp = (0, import_node_path2.join)(bundlesDir, `.tmp-${hash}-${process.pid}-${Date.now()}`);
  try {
    await (0, import_bundler.bundle)({
      entryPoint: (0, import_node_path2.join)(root, "src/index.ts"),
      outDir: temp,
      publicDir: (0, import_node_path2.join)(root, "public"),
      rootDir: root,
      enableCaching: true,
      onProgress: (percent) => onProgress?.(percent / 100)
    });
    await (0, import_promises.rename)(temp, target).catch(async (error) => {
      if ((0, import_node_fs2.existsSync)((0, import_node_path2.join)(target, "index.html"))) return;
      throw error;
    });
  } finally {
    await (0, import_promises.rm)(temp, { recursive: true, force: true }).catch(() => void 0);
  }
  await pruneOldBundles(bundlesDir, hash);
  return { serveUrl: target, cached: false, ms: performance.now() - started, hash };
};
var pruneOldBundles = async (bundlesDir, keep) => {
  const entries = await (0, import_promises.readdir)(bundlesDir, { withFileTypes: true }).catch(() => []);
  const dirs = await Promise.all(
    entries.filter((e) => e.isDirectory() && !e.name.startsWith(".") && e.name !== keep).map(async (e) => ({ path: (0, import_node_path2.join)(bundlesDir, e.name), mtime: (await (0, import_promises.stat)((0, import_node_path2.join)(bundlesDir, e.name))).mtimeMs }))
  );
  dirs.sort((a, b) => b.mtime - a.mtime);
  for (const old of dirs.slice(2)) await (0, import_promises.rm)(old.path, { recursive: true, force: true }).catch(() => void 0);
};

// src/pipeline/render/media-server.ts
var import_node_fs3 = require("node:fs");
var import_promises2 = require("node:fs/promises");
var import_node_http = require("node:http");
var import_node_path3 = require("node:path");
var CONTENT_TYPES = {
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".mov": "video/quicktime",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav",
  ".m4a": "audio/mp4",
  ".ogg": "audio/ogg",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".svg": "image/svg+xml"
};
var startMediaServer = async () => {
  const mounts = /* @__PURE__ */ new Map();
  let counter = 0;
  const server = (0, import_node_http.createServer)((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const [, mountId, ...rest] = url.pathname.split("/");
      const folders = mountId ? mounts.get(mountId) : void 0;
      const relativePath = (0, import_node_path3.normalize)(decodeURIComponent(rest.join("/")));
      if (!folders || relativePath.startsWith("..") || relativePath.includes(`${import_node_path3.sep}..${import_node_path3.sep}`)) {
        res.writeHead(404).end();
        return;
      }
      let file = "";
      let info = null;
      for (const folder of folders) {
        file = (0, import_node_path3.join)(folder, relativePath);
        info = await (0, import_promises2.stat)(file).catch(() => null);
        if (info?.isFile()) break;
      }
      if (!info?.isFile()) {
        res.writeHead(404).end();
        return;
      }
      const type = CONTENT_TYPES[(0, import_node_path3.extname)(file).toLowerCase()] ?? "application/octet-stream";
      const headers = { "Content-Type": type, "Accept-Ranges": "bytes", "Access-Control-Allow-Origin": "*" };
      const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
      if (range) {
        const start = range[1] ? Number(range[1]) : Math.max(0, info.size - Number(range[2]));
        const end = range[1] && range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
        if (start > end || start >= info.size) {
          res.writeHead(416, { "Content-Range": `bytes */${info.size}` }).end();
          return;
        }
        res.writeHead(206, { ...headers, "Content-Range": `bytes ${start}-${end}/${info.size}`, "Content-Length": end - start + 1 });
        if (req.method === "HEAD") return void res.end();
        (0, import_node_fs3.createReadStream)(file, { start, end }).pipe(res);
        return;
      }
      res.writeHead(200, { ...headers, "Content-Length": info.size });
      if (req.method === "HEAD") return void res.end();
      (0, import_node_fs3.createReadStream)(file).pipe(res);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
  const { port } = server.address();
  return {
    mount(folders) {
      const id = `m${++counter}`;
      mounts.set(id, folders);
      return `http://127.0.0.1:${port}/${id}/`;
    },
    unmount(baseUrl) {
      const id = new URL(baseUrl).pathname.split("/")[1];
      if (id) mounts.delete(id);
    },
    close: () => new Promise((resolveClose) => {
      server.closeAllConnections();
      server.close(() => resolveClose());
    })
  };
};

// src/pipeline/render/quality.ts
var import_zod2 = require("zod");
var QUALITIES = ["draft", "standard", "high"];
var qualitySchema = import_zod2.z.enum(QUALITIES).describe("draft: 360p, fast; standard: 720p; high: the storyboard's full size (up to 1080p).");
var PRESETS = {
  draft: { shortSide: 360, crf: 28, jpegQuality: 70, x264Preset: "veryfast" },
  standard: { shortSide: 720, crf: 22, jpegQuality: 82, x264Preset: "veryfast" },
  high: { shortSide: 2160, crf: 18, jpegQuality: 92, x264Preset: "medium" }
};
var resolveQuality = (quality, size) => {
  const preset = PRESETS[quality];
  const short = Math.min(size.width, size.height);
  let scale = Math.min(1, preset.shortSide / short);
  const evenAt = (s) => {
    const w = size.width * s;
    const h = size.height * s;
    return Math.abs(w - Math.round(w)) < 1e-6 && Math.abs(h - Math.round(h)) < 1e-6 && Math.round(w) % 2 === 0 && Math.round(h) % 2 === 0;
  };
  if (!evenAt(scale)) {
    for (let target = Math.floor(short * scale / 2) * 2; target >= 2; target -= 2) {
      if (evenAt(target / short)) {
        scale = target / short;
        break;
      }
    }
  }
  return { ...preset, scale, width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
};

// src/pipeline/render/storyboard-media.ts
var import_node_path4 = require("node:path");
var isUrl = (src) => /^https?:\/\//i.test(src);
var mediaRefs = (sb) => {
  const refs = [];
  sb.scenes.forEach((scene, i) => {
    const where = `scenes.${i} ("${scene.id}")`;
    const visual = scene.visual;
    if (visual.kind === "video" || visual.kind === "image") {
      refs.push({ where: `${where} visual`, src: visual.src, set: (s) => visual.src = s });
    } else if (visual.icon) {
      refs.push({ where: `${where} icon`, src: visual.icon, set: (s) => visual.icon = s });
    }
    const narration = scene.narration;
    if (narration.audio) refs.push({ where: `${where} narration`, src: narration.audio, set: (s) => narration.audio = s });
  });
  const music = sb.music;
  if (music) refs.push({ where: "music", src: music.src, set: (s) => music.src = s });
  return refs;
};
var mediaSearchPath = (mediaDir) => [mediaDir, (0, import_node_path4.join)(projectRoot(), "public")];
var withMediaBaseUrl = (sb, baseUrl) => {
  const copy = structuredClone(sb);
  for (const ref of mediaRefs(copy)) {
    if (!isUrl(ref.src)) ref.set(new URL(ref.src.split("/").map(encodeURIComponent).join("/"), baseUrl).toString());
  }
  return copy;
};

// .perf/measure.ts
var GL = process.env.GL === void 0 ? CHROMIUM_OPTIONS.gl : process.env.GL === "null" ? null : process.env.GL;
var ASPECTS2 = (process.env.ASPECTS ?? "landscape").split(",");
var REPEAT = Number(process.env.REPEAT ?? 1);
var MODE = process.env.MODE ?? "scenes";
var main = async () => {
  const cacheDir = process.env.CACHE ?? await (0, import_promises3.mkdtemp)((0, import_node_path5.join)((0, import_node_os.tmpdir)(), "perf-"));
  const b = await bundleProject({ cacheDir });
  const chromiumOptions = { gl: GL };
  const browser = await (0, import_renderer2.openBrowser)("chrome", { browserExecutable: "/usr/bin/chromium", chromiumOptions, logLevel: "error" });
  const server = await startMediaServer();
  const tpl = findTemplate("explainer");
  const root = (0, import_node_path5.join)(__dirname, "..");
  const out = (0, import_node_path5.join)(cacheDir, "o");
  const results = [];
  const run = async (label, id, inputProps, frameRange, extra = {}) => {
    const composition = await (0, import_renderer2.selectComposition)({ serveUrl: b.serveUrl, id, inputProps, puppeteerInstance: browser, chromiumOptions, logLevel: "error" });
    const q = resolveQuality("standard", composition);
    const fr = frameRange ?? [0, composition.durationInFrames - 1];
    const n = fr[1] - fr[0] + 1;
    const times = [];
    for (let r = 0; r < REPEAT; r++) {
      const t0 = performance.now();
      await (0, import_renderer2.renderMedia)({
        serveUrl: b.serveUrl,
        composition,
        inputProps,
        codec: "h264",
        outputLocation: (0, import_node_path5.join)(out, `${label}.mp4`),
        overwrite: true,
        puppeteerInstance: browser,
        chromiumOptions,
        scale: q.scale,
        crf: q.crf,
        imageFormat: "jpeg",
        jpegQuality: q.jpegQuality,
        x264Preset: q.x264Preset,
        concurrency: 1,
        logLevel: "error",
        frameRange: fr,
        ...extra
      });
      times.push(n / ((performance.now() - t0) / 1e3));
    }
    const line = `${label.padEnd(28)} frames ${String(n).padStart(4)}  fps ${times.map((x) => x.toFixed(2)).join(" / ")}`;
    results.push(line);
    console.log(line);
  };
  for (const aspect of ASPECTS2) {
    const sb = tpl.samples[aspect];
    const base = server.mount(mediaSearchPath((0, import_node_path5.join)(root, "src/compositions/templates/explainer/samples")));
    const props = withMediaBaseUrl(sb, base);
    const tl = computeTimeline(sb);
    if (MODE === "full" || MODE === "both") {
      await run(`${aspect} full`, "explainer", props, null);
      await run(`${aspect} full muted`, "explainer", props, null, { muted: true });
    }
    if (MODE === "scenes" || MODE === "both") {
      tl.scenes.forEach((s, i) => void 0);
      for (const [i, s] of tl.scenes.entries()) {
        const sc = sb.scenes[i];
        const kind = sc.visual.kind === "procedural" ? `proc-${sc.visual.style}` : sc.visual.kind;
        await run(`${aspect} ${i} ${kind}`, "explainer", props, [s.startFrame, s.startFrame + s.durationInFrames - 1], { muted: true });
      }
      if (tl.endCard) await run(`${aspect} endcard`, "explainer", props, [tl.endCard.startFrame, tl.endCard.startFrame + tl.endCard.durationInFrames - 1], { muted: true });
    }
    if (aspect === "landscape" || process.env.BARE) {
      const comp = await (0, import_renderer2.selectComposition)({ serveUrl: b.serveUrl, id: "explainer", inputProps: props, puppeteerInstance: browser, logLevel: "error" });
      const q = resolveQuality("standard", comp);
      await run(`${aspect} bare`, "bench-bare", { width: q.width, height: q.height, fps: comp.fps, durationInFrames: comp.durationInFrames }, null);
    }
    server.unmount(base);
  }
  await browser.close({ silent: true });
  await server.close();
  console.log(`
GL=${String(GL)}
` + results.join("\n"));
};
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
