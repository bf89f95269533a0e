// UI strings of the report area; keys start with "report.".
import { defineMessages } from "./define-messages";

export const reportMessages = defineMessages({}, {});
