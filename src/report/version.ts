/** Version of report.json's layout (the JSON Schema in schema/report.schema.json); bump on breaking changes. */
export const REPORT_SCHEMA_VERSION = 3;
