// The one react-dom API the page uses, typed here because @types/react-dom is not a dependency.
declare module 'react-dom/client' {
	import type {ReactNode} from 'react';
	export type Root = {render(children: ReactNode): void; unmount(): void};
	export function createRoot(container: Element | DocumentFragment): Root;
}
