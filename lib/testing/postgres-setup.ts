import type { TestProject } from "vitest/node";
import { migratePostgres, openPostgres } from "@/db/postgres";
import { startCluster } from "@/db/testing/postgres-cluster";
import { TEMPLATE_DATABASE } from "./postgres-template";

declare module "vitest" {
  export interface ProvidedContext {
    /** The throwaway cluster's URL without a database name: each test context makes its own database. */
    postgresServer: string;
  }
}

/**
 * The unit suite's PostgreSQL run (vitest.config.ts, project "postgres"): one throwaway
 * cluster for the run, a template database with the migrations applied, stopped at the end.
 */
export default async function setup(project: TestProject) {
  const cluster = await startCluster();
  const server = cluster.url.replace(/\/prc$/, "");
  const admin = openPostgres(cluster.url, 1);
  await admin.$client.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.$client.end();
  const template = openPostgres(`${server}/${TEMPLATE_DATABASE}`, 1);
  await migratePostgres(template);
  await template.$client.end();
  project.provide("postgresServer", server);
  return () => cluster.stop();
}
