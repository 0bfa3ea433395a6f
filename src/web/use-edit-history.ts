import {useCallback, useRef, useState} from 'react';

export type EditHistory<T> = {
	present: T;
	canUndo: boolean;
	/** A user's edit: undoable. Edits of the same `field` in a row (typing) make one step. */
	edit(next: T, field: string): void;
	/** A change that is not the user's (a plan, a completion): starts over or amends the present. */
	replace(next: T, options?: {reset?: boolean}): void;
	undo(): void;
	/** Counts every change, so an answer to an older state can tell it is stale. */
	revision: number;
};

const LIMIT = 200;

/** The value being edited with its undo steps. */
export const useEditHistory = <T>(initial: T): EditHistory<T> => {
	const [state, setState] = useState<{past: T[]; present: T; revision: number}>({past: [], present: initial, revision: 0});
	const lastField = useRef<string | null>(null);
	const edit = useCallback((next: T, field: string) => {
		const merge = lastField.current === field;
		lastField.current = field;
		setState((s) => ({
			past: merge ? s.past : [...s.past, s.present].slice(-LIMIT),
			present: next,
			revision: s.revision + 1,
		}));
	}, []);
	const replace = useCallback((next: T, options?: {reset?: boolean}) => {
		lastField.current = null;
		setState((s) => ({past: options?.reset ? [] : s.past, present: next, revision: s.revision + 1}));
	}, []);
	const undo = useCallback(() => {
		lastField.current = null;
		setState((s) => {
			const previous = s.past[s.past.length - 1];
			if (previous === undefined) return s;
			return {past: s.past.slice(0, -1), present: previous, revision: s.revision + 1};
		});
	}, []);
	return {present: state.present, canUndo: state.past.length > 0, edit, replace, undo, revision: state.revision};
};
