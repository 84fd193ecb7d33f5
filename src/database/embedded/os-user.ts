import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';

export interface RunAs {
  uid?: number;
  gid?: number;
}

/**
 * PostgreSQL refuses to run as root. As root (CI, containers) the cluster runs
 * as the system user `postgres`, created if this machine has none; as any other
 * user it runs as that user.
 */
export function postgresRunAs(): RunAs {
  if (userInfo().uid !== 0) return {};
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return lookup();
  } catch {
    try {
      execFileSync('groupadd', ['--force', '--system', 'postgres']);
      execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres']);
    } catch (error) {
      throw new Error(
        `embedded PostgreSQL: running as root and could not create the system user "postgres" (${(error as Error).message.trim()}); create it (useradd --system postgres) or run as a normal user`,
        { cause: error },
      );
    }
    return lookup();
  }
}
