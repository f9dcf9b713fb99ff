/**
 * Which column of a history file holds what. An activity log names its columns in many ways
 * (`case_id`, `Case ID`, `case:concept:name`, `Key`...): each field has the names it is found
 * under by default, and `--columns field=Column,...` (or a mapping file) names it otherwise.
 */

/** The fields of an activity log; case, activity, start and end are required. */
export const HISTORY_FIELDS = [
  'case',
  'activity',
  'start',
  'end',
  'resource',
  'role',
  'team',
  'domain',
  'type',
  'outcome',
  'enabled',
  'arrival',
  'loop',
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

export const REQUIRED_FIELDS: readonly HistoryField[] = ['case', 'activity', 'start', 'end'];

/** What each field means, for help and error messages. */
export const FIELD_MEANINGS: Record<HistoryField, string> = {
  case: 'the use case (work item) id',
  activity: 'the activity',
  start: 'when the activity started',
  end: 'when it ended (empty while under way)',
  resource: 'who did it (a person)',
  role: "the person's role",
  team: "the person's team",
  domain: 'the business domain the use case is for',
  type: 'the use-case type',
  outcome: "the use case's outcome: live, abandoned or in_progress",
  enabled: 'when the use case was ready for the activity',
  arrival: 'when the use case was requested',
  loop: "the workflow loop of the activity (orgflow's own logs have it)",
};

/**
 * The column names each field is looked for under, compared without case, spaces, dashes,
 * underscores and colons: orgflow's own activity log, the usual process-mining names (XES
 * attributes as exported to CSV), and common work-tracker exports.
 */
const DEFAULT_NAMES: Record<HistoryField, readonly string[]> = {
  case: ['case_id', 'case', 'caseid', 'case:concept:name', 'case_concept_name', 'key', 'issue_key', 'item', 'item_id'],
  activity: ['activity', 'activity_name', 'concept:name', 'task', 'step', 'stage'],
  start: ['start_time', 'start', 'started', 'start_timestamp', 'start_date', 'started_at'],
  end: [
    'end_time',
    'end',
    'ended',
    'end_timestamp',
    'complete_timestamp',
    'time:timestamp',
    'completed',
    'completed_at',
    'end_date',
  ],
  resource: ['resource', 'org:resource', 'person', 'assignee', 'user', 'performer'],
  role: ['role', 'org:role', 'resource_role'],
  team: ['team', 'org:group', 'group', 'department'],
  domain: ['domain', 'business_domain', 'business_unit', 'case:domain'],
  type: ['type', 'use_case_type', 'case_type', 'issue_type', 'case:type'],
  outcome: ['outcome', 'case_outcome', 'resolution', 'case:outcome'],
  enabled: ['enabled_time', 'enable_time', 'enabled', 'ready_time', 'enabled_timestamp'],
  arrival: ['arrival_time', 'arrival', 'case_arrival', 'created', 'created_at', 'request_time'],
  loop: ['loop', 'workflow_loop', 'phase'],
};

/** A column name as compared: lower case, without spaces, dashes, underscores and colons. */
const normal = (name: string): string => name.toLowerCase().replace(/[\s_\-:]/g, '');

/** A user's mistake in the column mapping or the header: the message names the field and the columns. */
export class ColumnError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'ColumnError';
  }
}

/** Reads `case=Key,activity=Status` into field -> column name. */
export function parseColumnMapping(text: string): Partial<Record<HistoryField, string>> {
  const pairs = text.split(',').map((part): [string, string] => {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(at + 1).trim() === '')
      throw new ColumnError(
        `expected field=column, got ${JSON.stringify(part)}`,
        'e.g. --columns case=Key,activity=Status',
      );
    return [part.slice(0, at), part.slice(at + 1)];
  });
  return columnMapping(pairs);
}

/** Field -> column name from (field, column) pairs, each field checked (a mapping file's, or --columns'). */
export function columnMapping(pairs: readonly (readonly [string, string])[]): Partial<Record<HistoryField, string>> {
  const mapping: Partial<Record<HistoryField, string>> = {};
  for (const [name, column] of pairs) {
    const field = name.trim() as HistoryField;
    if (!HISTORY_FIELDS.includes(field))
      throw new ColumnError(`unknown field ${JSON.stringify(field)}`, `the fields are ${HISTORY_FIELDS.join(', ')}`);
    mapping[field] = column.trim();
  }
  return mapping;
}

/** Field -> index of its column in the header; absent fields are missing from the file. */
export type ColumnIndex = Partial<Record<HistoryField, number>>;

/**
 * Finds each field's column in `header`: the mapping's name when given (exactly, or else
 * compared as the defaults are), else the first default name present. Throws a ColumnError
 * naming a required field that has no column, or a mapped column the file does not have.
 */
export function locateColumns(
  header: readonly string[],
  mapping: Partial<Record<HistoryField, string>> = {},
  required: readonly HistoryField[] = REQUIRED_FIELDS,
): ColumnIndex {
  const byNormal = new Map<string, number>();
  header.forEach((name, i) => {
    if (!byNormal.has(normal(name))) byNormal.set(normal(name), i);
  });
  const columns = `the file's columns: ${header.join(', ')}`;
  const index: ColumnIndex = {};
  for (const field of HISTORY_FIELDS) {
    const mapped = mapping[field];
    if (mapped !== undefined) {
      const exact = header.indexOf(mapped);
      const found = exact >= 0 ? exact : byNormal.get(normal(mapped));
      if (found === undefined)
        throw new ColumnError(`column ${JSON.stringify(mapped)} (given for ${field}) is not in the file`, columns);
      index[field] = found;
      continue;
    }
    for (const name of DEFAULT_NAMES[field]) {
      const found = byNormal.get(normal(name));
      if (found !== undefined) {
        index[field] = found;
        break;
      }
    }
  }
  for (const field of required) {
    if (index[field] === undefined)
      throw new ColumnError(
        `no column for ${field} (${FIELD_MEANINGS[field]}): looked for ${DEFAULT_NAMES[field].join(', ')}`,
        `name it with --columns ${field}=<column>; ${columns}`,
      );
  }
  return index;
}
