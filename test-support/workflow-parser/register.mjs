// `node --import ./register.mjs`: installs the JSON import hook.
import { register } from 'node:module';

register('./json-imports.mjs', import.meta.url);
