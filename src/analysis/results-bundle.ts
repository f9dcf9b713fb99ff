/**
 * Writing results: every table as CSV, JSON and Arrow, and a manifest that records what is
 * needed to reproduce them (scenario content hashes and files, seeds, replications, the
 * orgflow version). Files are written to a temporary name and renamed into place, so an
 * interrupted run never leaves a half-written file.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { toArrowIPC, type ColumnTable } from 'arquero';
import type { ExperimentResult } from '../experiment/experiment.js';
import { orgflowVersion } from '../package-info.js';

/** Writes `data` to `file` atomically (temporary file, then rename; a failure leaves no temporary file), making its folder if need be. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = join(file, '..', `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export type TableFormat = 'csv' | 'json' | 'arrow';

/** Writes each table as `<name>.csv`, `.json` and `.arrow` in `dir`; returns the files written. */
export function writeTables(
  dir: string,
  tables: Record<string, ColumnTable>,
  formats: readonly TableFormat[] = ['csv', 'json', 'arrow'],
): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, t] of Object.entries(tables)) {
    for (const format of formats) {
      const file = join(dir, `${name}.${format}`);
      const data = format === 'csv' ? t.toCSV() : format === 'json' ? t.toJSON() : toArrowIPC(t, { format: 'file' });
      writeFileAtomic(file, data as string | Uint8Array);
      written.push(file);
    }
  }
  return written;
}

export interface Manifest {
  orgflowVersion: string;
  seed: number;
  replications: number;
  commonRandomNumbers: boolean;
  precision?: { target: number; reached: number };
  scenarios: { name: string; hash?: string; files?: string[]; replicationSeeds: number[] }[];
  tables: string[];
}

/** What it takes to reproduce an experiment. */
export function manifestOf(experiment: ExperimentResult, tables: readonly string[]): Manifest {
  return {
    orgflowVersion: orgflowVersion(),
    seed: experiment.seed,
    replications: experiment.replications,
    commonRandomNumbers: experiment.commonRandomNumbers,
    ...(experiment.precision ? { precision: experiment.precision } : {}),
    scenarios: experiment.scenarios.map((s) => ({
      name: s.name,
      hash: s.hash,
      files: s.files?.map((f) => relative(process.cwd(), f) || f),
      replicationSeeds: s.replications.map((r) => r.seed),
    })),
    tables: [...tables],
  };
}

/** Writes the tables and `manifest.json` into `dir`; returns the manifest. */
export function writeResultsBundle(
  dir: string,
  experiment: ExperimentResult,
  tables: Record<string, ColumnTable>,
  formats?: readonly TableFormat[],
): Manifest {
  writeTables(dir, tables, formats);
  const manifest = manifestOf(experiment, Object.keys(tables));
  writeFileAtomic(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
