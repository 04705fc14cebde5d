// `node --import ./register.mjs`: aws-cdk-lib and constructs come from this folder's install,
// whichever file imports them (the stacks live beside their examples, outside this folder).
import { register } from 'node:module';

register('./resolve-cdk.mjs', import.meta.url);
