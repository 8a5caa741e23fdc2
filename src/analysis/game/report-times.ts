/** Report times 0, dt, 2·dt, … up to `tmax`, with `tmax` itself added when it is off the grid. */
export function reportTimes(tmax: number, dt = 0.1): number[] {
  const per = Math.round(1 / dt);
  const exact = Math.abs(per * dt - 1) < 1e-12;
  const n = Math.floor(tmax / dt + 1e-9);
  const out: number[] = [];
  for (let k = 0; k <= n; k++) out.push(exact ? k / per : k * dt);
  if (tmax - out[out.length - 1] > 1e-9) out.push(tmax);
  return out;
}
