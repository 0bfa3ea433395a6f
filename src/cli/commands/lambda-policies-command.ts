import {PromptreelError} from '../../pipeline/errors';
import {EXIT_OK, reportError} from '../exit-codes';
import {createReporter, reporterMode} from '../progress-reporter';

/** `promptreel lambda policies [user|role]`: the IAM policies Remotion Lambda needs (docs/lambda.md). */
export const lambdaPoliciesCommand = async (which: string | undefined): Promise<number> => {
	try {
		if (which !== undefined && which !== 'user' && which !== 'role') {
			throw new PromptreelError(
				'INVALID_OPTION',
				`Unknown policy "${which}". Use user (for the IAM user that deploys and renders) or role (for the role named remotion-lambda-role that the functions run as).`,
			);
		}
		const {getRolePolicy, getUserPolicy} = await import('@remotion/lambda');
		if (which === 'user') process.stdout.write(`${getUserPolicy()}\n`);
		else if (which === 'role') process.stdout.write(`${getRolePolicy()}\n`);
		else {
			process.stdout.write(
				`# Policy of the IAM user (inline policy; its keys go in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)\n${getUserPolicy()}\n\n`,
			);
			process.stdout.write(
				`# Policy of the role "remotion-lambda-role" (trusted entity: Lambda) the functions run as\n${getRolePolicy()}\n`,
			);
		}
		return EXIT_OK;
	} catch (error) {
		return reportError(error, createReporter(reporterMode(false)));
	}
};
