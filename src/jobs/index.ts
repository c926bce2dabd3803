/** The workbook jobs and their helpers: one import for the task pane, the ribbon and the CLI. */
export * from "./jobs";
export * from "./phases";
export * from "./collection";
export * from "./log-contact";
export * from "./statements";
export * from "./json-report";
export * from "./management-job";
export * from "./json-management";
export * from "./memory-adapter";
