/** Writing results: tables in the formats asked for, written whole, and the manifest that reproduces them. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromArrow, table } from 'arquero';
import { describe, expect, it } from 'vitest';
import { manifestOf, writeFileAtomic, writeResultsBundle, writeTables } from '../../src/analysis/results-bundle.js';
import { experimentOf, metrics, replication } from './synthetic.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'orgflow-analysis-'));
const small = () => table({ scenario: ['A', 'B'], go_lives: [1, 2.5] });

describe('writing tables', () => {
  it('writes each table in each format asked for, and returns the files in order', () => {
    const dir = join(scratch(), 'new', 'tables');
    const written = writeTables(dir, { first: small(), second: small() }, ['csv', 'json']);
    expect(written).toEqual([
      join(dir, 'first.csv'),
      join(dir, 'first.json'),
      join(dir, 'second.csv'),
      join(dir, 'second.json'),
    ]);
    expect(readdirSync(dir).sort()).toEqual(['first.csv', 'first.json', 'second.csv', 'second.json']);
    expect(readFileSync(join(dir, 'first.csv'), 'utf8')).toBe('scenario,go_lives\nA,1\nB,2.5\n');
    expect(JSON.parse(readFileSync(join(dir, 'first.json'), 'utf8'))).toEqual([
      { scenario: 'A', go_lives: 1 },
      { scenario: 'B', go_lives: 2.5 },
    ]);
  });

  it('writes CSV, JSON and Arrow when no format is named', () => {
    const dir = scratch();
    writeTables(dir, { t: small() });
    expect(readdirSync(dir).sort()).toEqual(['t.arrow', 't.csv', 't.json']);
    expect(fromArrow(readFileSync(join(dir, 't.arrow'))).objects()).toEqual(small().objects());
    // the Arrow IPC file format (random access), not the stream format: it opens with the magic ARROW1
    expect(readFileSync(join(dir, 't.arrow')).subarray(0, 6).toString('latin1')).toBe('ARROW1');
  });

  it('leaves no temporary file behind', () => {
    const dir = scratch();
    writeFileAtomic(join(dir, 'x.txt'), 'hello');
    writeFileAtomic(join(dir, 'x.txt'), 'again');
    expect(readdirSync(dir)).toEqual(['x.txt']);
    expect(readFileSync(join(dir, 'x.txt'), 'utf8')).toBe('again');
  });
});

describe('the manifest', () => {
  const experiment = {
    ...experimentOf([
      {
        name: 'A',
        hash: 'h1',
        files: [join(process.cwd(), 'scenarios', 'a.yaml'), process.cwd()],
        replications: [replication(metrics(), { seed: 11 }), replication(metrics(), { seed: 12 })],
      },
      { name: 'B', replications: [replication(metrics(), { seed: 21 })] },
    ]),
    seed: 7,
    commonRandomNumbers: false,
  };

  it('records the seeds, the scenarios with their hashes, files relative to here, and the tables', () => {
    const manifest = manifestOf(experiment, ['summary']);
    expect(manifest).toEqual({
      orgflowVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
      seed: 7,
      replications: 2,
      commonRandomNumbers: false,
      scenarios: [
        { name: 'A', hash: 'h1', files: [join('scenarios', 'a.yaml'), process.cwd()], replicationSeeds: [11, 12] },
        { name: 'B', hash: undefined, files: undefined, replicationSeeds: [21] },
      ],
      tables: ['summary'],
    });
    expect('precision' in manifest).toBe(false);
  });

  it('records the precision asked for and reached', () => {
    const precision = { target: 0.05, reached: 0.04, met: true, replications: 2 };
    expect(manifestOf({ ...experiment, precision }, []).precision).toEqual(precision);
  });

  it('is written beside the tables, indented, with a final newline', () => {
    const dir = scratch();
    const manifest = writeResultsBundle(dir, experiment, { t: small() }, ['csv']);
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 't.csv']);
    expect(manifest.tables).toEqual(['t']);
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
  });
});
