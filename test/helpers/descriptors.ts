import fs from 'node:fs';

/**
 * How many of this process's open descriptors point into `folder` (Linux's
 * /proc/self/fd). Counting only the test's own folder keeps the count true
 * under --pool=threads, where other tests share the process's table.
 */
export function descriptorsIn(folder: string): number {
  const real = fs.realpathSync(folder);
  return fs.readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(real);
    } catch {
      return false;
    }
  }).length;
}
