/**
 * Writes what is generated from the scenario spec: scenarios/schema.json and the field table
 * in README.md (between its fields markers). `npm run schema`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioFieldTable } from '../src/scenario/field-table.js';
import { scenarioJsonSchema } from '../src/scenario/json-schema.js';

const schemaFile = fileURLToPath(new URL('../scenarios/schema.json', import.meta.url));
writeFileSync(schemaFile, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log('wrote scenarios/schema.json');

const readmeFile = fileURLToPath(new URL('../README.md', import.meta.url));
const readme = readFileSync(readmeFile, 'utf8');
const start = '<!-- fields:start -->';
const end = '<!-- fields:end -->';
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i < 0 || j < i) throw new Error(`README.md has no ${start} ... ${end} markers`);
writeFileSync(readmeFile, `${readme.slice(0, i + start.length)}\n${scenarioFieldTable()}\n${readme.slice(j)}`);
console.log('updated the field table in README.md');
