import type React from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import {CompositorLayersContext, useLayerStyle} from './compositor-layers';

const Picture: React.FC<{kind?: 'transform' | 'opacity'}> = ({kind}) => <div style={{width: 10, ...useLayerStyle(kind)}} />;

describe('compositor layers', () => {
	it('give a picture a layer of its own by default, of the kind asked for', () => {
		expect(renderToStaticMarkup(<Picture />)).toBe('<div style="width:10px;will-change:transform"></div>');
		expect(renderToStaticMarkup(<Picture kind="opacity" />)).toBe('<div style="width:10px;will-change:opacity"></div>');
	});

	it('give none inside a box that paints its pictures itself', () => {
		expect(
			renderToStaticMarkup(
				<CompositorLayersContext.Provider value={false}>
					<Picture />
				</CompositorLayersContext.Provider>,
			),
		).toBe('<div style="width:10px"></div>');
	});
});
