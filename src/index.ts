import { useLowMemorySettings } from './app/low-memory.js';
import { run } from './main.js';

useLowMemorySettings();
void run();
