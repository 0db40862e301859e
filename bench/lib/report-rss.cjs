// Preloaded into every measured command (NODE_OPTIONS=--require): writes the process's peak
// resident memory (kB) to the file named by RAD_BENCH_RSS_FILE when it exits. The variable is
// removed at once so child processes of the command do not overwrite the figure.
const file = process.env.RAD_BENCH_RSS_FILE;
if (file) {
  delete process.env.RAD_BENCH_RSS_FILE;
  process.on('exit', () => {
    require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
