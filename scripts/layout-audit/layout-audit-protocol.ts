// What the layout audit page answers (plain JSON).

/** What a marked element is (the compositions' data-layout attribute). */
export type LayoutRole = 'title' | 'text' | 'caption' | 'key-phrase' | 'picture' | 'badge';

/** One marked element's box on the frame, px from the top-left corner. */
export type LayoutBox = {role: string; x: number; y: number; w: number; h: number};

export type AuditFrameBoxes = {frame: number; boxes: LayoutBox[]};

export type AuditMetadata = {width: number; height: number; fps: number; durationInFrames: number};
