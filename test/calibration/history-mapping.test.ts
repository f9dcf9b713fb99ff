import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ColumnError, MappingError, readHistoryMapping } from '../../src/calibration/index.js';
import { outFolder } from '../cli/orgflow-process.js';

const mappingFile = (text: string): string => {
  const file = join(outFolder(), 'mapping.yaml');
  writeFileSync(file, text);
  return file;
};

describe('a mapping file', () => {
  it('gives columns (any text, commas included), activities and roles as written', () => {
    const m = readHistoryMapping(
      mappingFile(
        'columns: { end: "Finished, UTC", case: Key }\nactivities: { Release: Deployment }\nroles: { DS: data_scientist }',
      ),
    );
    expect(m).toEqual({
      columns: { end: 'Finished, UTC', case: 'Key' },
      activities: { Release: 'Deployment' },
      roles: { DS: 'data_scientist' },
    });
    expect(readHistoryMapping(mappingFile(''))).toEqual({});
  });

  it('refuses an unknown field, an unknown section and a value that is not a name', () => {
    expect(() => readHistoryMapping(mappingFile('columns: { finish: Finished }'))).toThrow(ColumnError);
    expect(() => readHistoryMapping(mappingFile('colums: {}'))).toThrow(MappingError);
    expect(() => readHistoryMapping(mappingFile('roles: { DS: 3 }'))).toThrow(/a value is not text/);
  });
});
