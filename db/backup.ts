import Database from "better-sqlite3";

function integrityOk(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma("integrity_check", { simple: true }) === "ok";
  } finally {
    db.close();
  }
}

// better-sqlite3 clamps a negative page count to 0 (no progress at all): "everything" is the largest count.
const ALL_PAGES = 0x7fffffff;

/**
 * Copies a live database with SQLite's online backup API while the app keeps serving: the
 * copy is one consistent snapshot (after the first page the rest goes in a single step, so
 * writers in other processes cannot make it start over forever). Checks the copy's integrity.
 */
export async function backupDatabase(sourceFile: string, outFile: string): Promise<{ pages: number }> {
  const source = new Database(sourceFile, { fileMustExist: true });
  source.pragma("busy_timeout = 5000");
  try {
    const progress = await source.backup(outFile, { progress: () => ALL_PAGES });
    if (!integrityOk(outFile)) throw new Error(`the backup ${outFile} failed its integrity check`);
    return { pages: progress.totalPages };
  } finally {
    source.close();
  }
}

/**
 * Replaces a database's content with a backup's, through the same API (so the target's WAL
 * is handled by SQLite, not by copying files). The server must be stopped first.
 */
export async function restoreDatabase(backupFile: string, targetFile: string): Promise<{ pages: number }> {
  if (!integrityOk(backupFile)) throw new Error(`${backupFile} is not a sound SQLite database`);
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    const progress = await source.backup(targetFile, { progress: () => ALL_PAGES });
    if (!integrityOk(targetFile)) throw new Error(`the restored ${targetFile} failed its integrity check`);
    return { pages: progress.totalPages };
  } finally {
    source.close();
  }
}
