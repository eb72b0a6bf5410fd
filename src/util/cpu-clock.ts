/**
 * A clock of CPU time by part: each call adds to `into[part]` the process's CPU milliseconds
 * (user and system) since the previous call, or since the clock was made. CPU time, not wall
 * time: a loaded machine stretches the wall clock, not the work done.
 */
export function cpuClock<K extends string>(into: Record<K, number>): (part: K) => void {
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let last = cpuMs();
  return (part) => {
    const now = cpuMs();
    into[part] += now - last;
    last = now;
  };
}
