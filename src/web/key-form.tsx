import type React from 'react';
import {useState} from 'react';
import {Field} from './field';

/** Asked when the server has API keys (it answered 401): the key is kept for this browser tab only. */
export const KeyForm: React.FC<{onKey: (key: string) => void; rejected: boolean}> = ({onKey, rejected}) => {
	const [key, setKey] = useState('');
	return (
		<form
			className="panel"
			aria-labelledby="key-heading"
			onSubmit={(e) => {
				e.preventDefault();
				if (key.trim()) onKey(key.trim());
			}}
		>
			<h2 id="key-heading">API key</h2>
			<p>This server needs an API key (one of PROMPTREEL_API_KEYS). It is kept in this tab only.</p>
			<Field
				id="api-key"
				label="API key"
				error={rejected ? 'The server did not accept this key: check it and try again.' : undefined}
				control={(p) => <input {...p} type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />}
			/>
			<button type="submit">Use this key</button>
		</form>
	);
};
