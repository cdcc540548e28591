/**
 * A throwaway PostgreSQL server for the tests and the benchmark: Debian's `postgresql`
 * package (`.ci/run` installs it), a fresh cluster in a temporary folder, listening on
 * loopback only, removed by `stop()`. initdb refuses to run as root, so as root the
 * cluster belongs to the `postgres` user the package creates.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

export type Cluster = {
  url: string;
  port: number;
  stop: () => void;
  /**
   * A crash of the database server and its restart: an immediate shutdown ends every
   * backend at once without a checkpoint, so the next start replays the WAL, as after a
   * power cut or a killed machine. Connections open at the time are broken.
   */
  crashAndRestart: () => void;
};

export type ClusterOptions = {
  /**
   * Durable commits (fsync on) for measuring; tests turn it off: a throwaway cluster has
   * nothing to keep after a power cut, and every commit's fsync would slow the suite.
   */
  durable?: boolean;
  /** A fixed port (the end-to-end suite's helpers must know it); otherwise a free one. */
  port?: number;
};

/** The newest installed server's programs (Debian keeps them out of PATH). */
export function postgresBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && path.join(root, versions[0], "bin");
}

const asRoot = process.getuid?.() === 0;

/** Runs one of the server's programs, as `postgres` when we are root. */
function pg(bin: string, program: string, args: string[]) {
  const command = path.join(bin, program);
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`);
}

/** Starts a fresh cluster with one empty database, `prc`; resolves once it accepts connections. */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL is not installed: apt-get install postgresql (bash .ci/run does)");
  const dir = mkdtempSync(path.join(tmpdir(), "prc-pg-"));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  pg(bin, "initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
  const port = options.port ?? (await freePort());
  const settings = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${dir}`,
    "-c max_connections=200",
    ...(options.durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
  ].join(" ");
  const start = () => pg(bin, "pg_ctl", ["-D", data, "-o", settings, "-l", path.join(dir, "server.log"), "-w", "start"]);
  const immediateStop = () => pg(bin, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  start();
  pg(bin, "createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "prc"]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      immediateStop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once("exit", stop);
  const crashAndRestart = () => {
    immediateStop();
    start();
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/prc`, port, stop, crashAndRestart };
}
