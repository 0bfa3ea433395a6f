// The one react-dom server API the tests use (markup of a component), typed here because
// @types/react-dom is not a dependency (src/web/react-dom-client.d.ts types the page's).
declare module 'react-dom/server' {
	import type {ReactNode} from 'react';
	export function renderToStaticMarkup(children: ReactNode): string;
}
