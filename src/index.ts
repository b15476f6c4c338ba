import { keepYoungGenerationSmall } from './app/young-generation.js';
import { run } from './main.js';

keepYoungGenerationSmall();
void run();
