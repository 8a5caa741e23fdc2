import { arch, availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';

/** The machine a benchmark ran on. */
export interface Machine {
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  v8: string;
  os: string;
  /** 1-minute load average when the benchmarks started (other work on the machine adds noise). */
  loadAtStart: number;
}

/** Describes this machine: logical cores, CPU model, memory, Node and OS versions. */
export function describeMachine(): Machine {
  const list = cpus();
  return {
    cores: availableParallelism(),
    cpu: list[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    os: `${platform()} ${release()} ${arch()}`,
    loadAtStart: Math.round(loadavg()[0] * 100) / 100,
  };
}
