import type React from 'react';

export type ControlProps = {id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined};

/**
 * A labelled control with its error beside it: the error is tied to the control
 * (aria-describedby, aria-invalid) so screen readers read it with the field.
 */
export const Field: React.FC<{
	id: string;
	label: string;
	error?: string | undefined;
	control: (props: ControlProps) => React.ReactNode;
}> = ({id, label, error, control}) => (
	<div className={error ? 'field invalid' : 'field'}>
		<label htmlFor={id}>{label}</label>
		{control({id, 'aria-invalid': Boolean(error), 'aria-describedby': error ? `${id}-error` : undefined})}
		{error ? (
			<p id={`${id}-error`} className="error">
				{error}
			</p>
		) : null}
	</div>
);

/** A select over fixed choices. */
export const Choice: React.FC<{
	id: string;
	label: string;
	value: string;
	options: readonly (string | {value: string; label: string})[];
	onChange: (value: string) => void;
	error?: string | undefined;
}> = ({id, label, value, options, onChange, error}) => (
	<Field
		id={id}
		label={label}
		error={error}
		control={(p) => (
			<select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
				{options.map((o) => {
					const {value: v, label: l} = typeof o === 'string' ? {value: o, label: o} : o;
					return (
						<option key={v} value={v}>
							{l}
						</option>
					);
				})}
			</select>
		)}
	/>
);
