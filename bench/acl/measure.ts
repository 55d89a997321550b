// Fixed-iteration timing: calibrate the iteration count on a short run, warm up, then time it.

const TARGET_NS = 1.5e9;

export interface Measurement {
  opsPerSecond: number;
  nsPerOp: number;
  iterations: number;
  /** Checksum of results, printed so the work cannot be optimised away. */
  checksum: number;
}

/** `pass` runs `opsPerPass` operations and returns a number derived from their results. */
export function measure(pass: () => number, opsPerPass: number): Measurement {
  let checksum = 0;
  // Warm-up and calibration: run until 0.3 s have passed.
  let calibrationPasses = 0;
  const calibrationStart = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < 300_000_000n) {
    checksum += pass();
    calibrationPasses++;
    elapsed = process.hrtime.bigint() - calibrationStart;
  }
  const passes = Math.max(1, Math.round((TARGET_NS * calibrationPasses) / Number(elapsed)));
  const start = process.hrtime.bigint();
  for (let i = 0; i < passes; i++) checksum += pass();
  const ns = Number(process.hrtime.bigint() - start);
  const iterations = passes * opsPerPass;
  return { opsPerSecond: (iterations * 1e9) / ns, nsPerOp: ns / iterations, iterations, checksum };
}
