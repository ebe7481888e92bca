// Loaded with `node --import` by the benchmark: the process reports its own peak memory when it exits.
process.on('exit', () => process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\n`));
