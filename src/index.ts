import {registerRoot} from 'remotion';
import {Root} from './compositions/Root';
import {registerTemplates} from './compositions/registry';
import {userTemplates} from './compositions/user-templates';

registerTemplates(userTemplates);
registerRoot(Root);
