// Preloaded with `node --import` by the benchmark: writes the process's peak
// resident memory (kilobytes) to PEAK_MEMORY_FILE when it exits.
import fs from 'node:fs';

process.on('exit', () => {
  if (process.env.PEAK_MEMORY_FILE)
    fs.writeFileSync(process.env.PEAK_MEMORY_FILE, String(process.resourceUsage().maxRSS));
});
