/** What to do about a file system error, by its code. */
const REMEDY: Record<string, string> = {
  ENOSPC: 'no space left on the device; free some space',
  EDQUOT: 'disk quota exceeded; free some space or raise the quota',
  EROFS: 'the file system is read-only; give a folder on a writable one',
  EACCES: 'permission denied; give a folder you may write, or fix its permissions',
  EPERM: 'operation not permitted; give a folder you may write, or fix its permissions',
  ENOTDIR: 'a part of the path is a file, not a folder; give another path',
  EISDIR: 'a folder is where a file should be; remove it or give another folder',
  EEXIST: 'something already exists there; remove it or give another folder',
  ENOENT: 'no such file or folder; check the path',
  EIO: 'the device reported an input/output error; check the disk',
  EMFILE: 'too many open files; raise the limit (ulimit -n)',
  ENAMETOOLONG: 'the path is too long; give a shorter one',
};

/**
 * One line saying what could not be done, on which path, why and what to do, for an error of
 * the file system (`err` from node:fs); other errors give their message.
 */
export function ioErrorMessage(err: unknown, what: string, path: string): string {
  const e = err as NodeJS.ErrnoException;
  const code = typeof e?.code === 'string' ? e.code : null;
  const why = code ? (REMEDY[code] ?? `${e.message.split('\n')[0]}`) : String((err as Error)?.message ?? err).split('\n')[0];
  return `cannot ${what} ${path}: ${why}${code ? ` (${code})` : ''}`;
}

/** Whether `err` is an error of the file system (it has an errno code). */
export function isIoError(err: unknown): err is NodeJS.ErrnoException {
  const code = (err as NodeJS.ErrnoException)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
