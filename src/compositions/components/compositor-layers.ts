import {createContext, useContext} from 'react';

/**
 * Whether pictures take compositor layers of their own (`willChange`), which is the default: a
 * moving or playing picture then repaints alone, and a static gradient never. Inside a box with
 * rounded corners and `overflow: hidden` (a card), layers of their own make Chrome's compositor,
 * which is software on these machines, draw the box's content into an offscreen surface and mask it
 * on every draw, several times per captured frame; such a box provides `false`, and its picture is
 * painted with the box instead.
 */
export const CompositorLayersContext = createContext<boolean>(true);

/** `willChange` for a picture's layer, or nothing when the enclosing box paints its pictures itself. */
export const useLayerStyle = (willChange: 'transform' | 'opacity' = 'transform'): {willChange?: 'transform' | 'opacity'} =>
	useContext(CompositorLayersContext) ? {willChange} : {};
